import Testing
import ReconTestSupport
@testable import ReconCore

/// A customer's items are kept in the order of `OpenItemBook.precedes` (date, then invoice id);
/// lists already in that order are returned as they are.
@Suite struct PrecedenceOrderTests {
    @Test func anyOrderComesOutAsPrecedesSortsIt() {
        var random = SplitMix64(seed: 20261206)
        let dates = ["2025-01-03", "2025-01-04", "2025-02-01"]
        let items = (0..<40).map { number in
            // Few dates, ids (unique in a book) in no order of their own.
            invoice("INV-\(Int.random(in: 10...99, using: &random))-\(number)", "10.00",
                    date: dates.randomElement(using: &random)!)
        }
        let book = OpenItemBook(items)
        let expected = Array(0..<items.count).sorted { book.precedes($0, $1) }
        #expect(book.sortedByPrecedence(expected) == expected)
        for _ in 0..<50 {
            let count = Int.random(in: 0...items.count, using: &random)
            let some = Array(expected.shuffled(using: &random).prefix(count))
            #expect(book.sortedByPrecedence(some) == some.sorted { book.precedes($0, $1) })
        }
    }
}

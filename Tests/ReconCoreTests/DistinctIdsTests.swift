import Testing
@testable import ReconCore
import ReconTestSupport

/// Counting the different ids (the customers `inspect --invoices` reports), short ASCII ones in
/// their own words and the rest in a set.
@Suite struct DistinctIdsTests {
    /// The count and every answer of `insert` are a set of strings' — through many growths of the
    /// table, for ids inline or not, ASCII or not, and `é` written either way.
    @Test func countsAsASetOfStringsDoes() {
        var random = SplitMix64(seed: 38)
        var ours = DistinctIds()
        var reference: Set<String> = []
        for step in 0..<30_000 {
            let number = Int.random(in: 0..<8_000, using: &random)
            var id: String
            switch step % 4 {
            case 0: id = "\(number)"
            case 1: id = "C-\(number % 900)"
            case 2: id = "customer with a long id \(number % 500)"
            default: id = "K\(number % 300)" + (number % 2 == 0 ? "caf\u{E9}" : "cafe\u{301}")
            }
            if number % 97 == 0 { id = String(id.prefix(15)) }
            let expected = reference.insert(id).inserted
            let inserted = ours.insert(id)
            #expect(inserted == expected, "\(step): \(id)")
            if step % 64 == 0 {
                // Reading ahead changes nothing, whatever the places.
                ours.lookAhead([DistinctIds.place(of: id), nil, DistinctIds.place(of: "x\(step)")][...])
            }
        }
        #expect(ours.count == reference.count)
        #expect(ours.count > 5_000)  // the table grew from 16 slots many times
    }

    @Test func shortASCIIIdsArePlacedAndOthersAreNot() {
        #expect(DistinctIds.place(of: "101813") != nil)
        #expect(DistinctIds.place(of: "") != nil)
        #expect(DistinctIds.place(of: "fifteen bytes!!") != nil)
        #expect(DistinctIds.place(of: "sixteen bytes!!!") == nil)
        #expect(DistinctIds.place(of: "Søren") == nil)
        var ids = DistinctIds()
        let answers = [ids.insert(""), ids.insert(String(decoding: [UInt8](), as: UTF8.self)),
                       ids.insert("A"), ids.insert("B"), ids.insert("A")]
        #expect(answers == [true, false, true, true, false])
        #expect(ids.count == 3)
    }
}

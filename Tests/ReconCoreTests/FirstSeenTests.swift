import Testing
@testable import ReconCore

@Suite struct FirstSeenTests {
    /// Each id's first position, through many growths of the table (it starts with 16 slots), with
    /// repeats early and late: the same answers as a dictionary.
    @Test func firstPositionOfEveryIdAsADictionaryGivesIt() {
        let transactions = (0..<5000).map { index in
            payment("1.00", bankRef: "REF\(index % 3 == 0 ? index / 7 : index)")
        }
        var table = FirstSeen()
        var dictionary: [String: Int] = [:]
        var repeats = 0
        for index in transactions.indices {
            let expected = dictionary[transactions[index].entryId]
            if expected == nil { dictionary[transactions[index].entryId] = index } else { repeats += 1 }
            #expect(table.first(index, in: transactions) == expected)
        }
        #expect(repeats > 100)
    }
}

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

@Suite struct HashSet64Tests {
    /// Against `Set<UInt64>` through many growths, with repeats, zero, and values that share
    /// their low bits.
    @Test func insertsAsASetDoes() {
        var ours = HashSet64()
        var reference = Set<UInt64>()
        var state: UInt64 = 12345
        for step in 0..<60_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value: UInt64 = switch step % 4 {
            case 0: state
            case 1: state % 5_000                // repeats, and 0
            case 2: (state % 64) << 40           // only high bits differ
            default: UInt64(step / 4)
            }
            #expect(ours.insert(value) == reference.insert(value).inserted, "step \(step): \(value)")
        }
    }

    /// Room made ahead, at the start or after values are in, changes no answer; nor does a look
    /// ahead at where values would go.
    @Test func roomMadeAheadKeepsEveryValue() {
        for before in [0, 10, 3_000] {
            var ours = HashSet64()
            var reference = Set<UInt64>()
            for value in (0..<UInt64(before)).map({ ($0 + 1) * 7_919 }) {
                #expect(ours.insert(value) == reference.insert(value).inserted)
            }
            ours.reserve(100_000)
            let values = (0..<20_000).map { UInt64($0 % 4_000) * 7_919 }
            values.withUnsafeBufferPointer { _ = ours.load($0) }
            for value in values { #expect(ours.insert(value) == reference.insert(value).inserted, "\(before) \(value)") }
        }
    }
}

@Suite struct ByteStringSetTests {
    /// As many members as a set of the strings' bytes has, through many growths; "é" written as
    /// one scalar and as e + accent are two ids.
    @Test func countsStringsByTheirBytes() {
        var ours = ByteStringSet()
        var reference = Set<[UInt8]>()
        for step in 0..<20_000 {
            let value = step % 3 == 0 ? "C\(step / 7)" : "customer with a long id \(step % 5_000)"
            #expect(ours.insert(value) == reference.insert(Array(value.utf8)).inserted)
        }
        #expect(ours.count == reference.count)
        #expect(ours.insert("caf\u{E9}") && ours.insert("cafe\u{301}") && !ours.insert("caf\u{E9}"))
    }
}

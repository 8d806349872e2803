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

@Suite struct IdTableTests {
    /// Numbered as a dictionary of strings numbers them, through many growths of the table; `é`
    /// written as one code point or as `e` and an accent is one id, as `==` has it.
    @Test func numbersIdsAsADictionaryDoes() {
        var ours = IdTable()
        var reference: [String: Int] = [:]
        for step in 0..<20_000 {
            var id = step % 3 == 0 ? "C\(step / 7)" : "customer with a long id \(step % 5_000)"
            if step % 11 == 0 { id += step % 2 == 0 ? "caf\u{E9}" : "cafe\u{301}" }
            let expected = reference[id]
            if expected == nil { reference[id] = reference.count }
            let (number, isNew) = ours.number(of: id, hash: IdTable.hash(id))
            #expect(isNew == (expected == nil) && number == expected ?? reference.count - 1, "\(step) \(id)")
            if step % 64 == 0 {
                // Reading ahead changes nothing (any hash).
                ours.lookAhead([IdTable.hash(id) ?? 0, 12345, UInt32(step)])
            }
        }
        #expect(ours.count == reference.count)
        #expect(IdTable.hash("caf\u{E9}") == nil && IdTable.hash("cafe") != nil)
    }

    /// Ids under one hash are told apart by their bytes, inline ones and those of the heap alike.
    @Test func idsUnderOneHashAreToldApartByTheirBytes() {
        var table = IdTable()
        let long = String(repeating: "INV-", count: 10)
        let ids = ["INV-1", "INV-2", "INV-1", long, long + "", String(long.dropLast()) + "+", "INV-2"]
        let numbers = ids.map { table.number(of: $0, hash: 7) }
        #expect(numbers.map(\.number) == [0, 1, 0, 2, 2, 3, 1])
        #expect(numbers.map(\.isNew) == [true, true, false, true, false, true, false])
        #expect(table.count == 4)
    }
}

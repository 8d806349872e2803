import Testing
@testable import ReconCore
import ReconTestSupport

/// The byte-keyed table and the Bloom filter behind the item index, checked against a dictionary.
@Suite struct KeyTableTests {
    static func randomKey(_ generator: inout SplitMix64) -> String {
        let alphabet = Array("0123456789ABCDEFX-")
        let length = Int.random(in: 1...14, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test(arguments: [0, 1, 7, 5_000])
    func agreesWithADictionaryThroughGrowth(capacity: Int) {
        var generator = SplitMix64(seed: UInt64(capacity))
        var table = KeyTable(capacity: capacity)
        var model: [String: [Int]] = [:]
        for item in 0..<20_000 {
            // Few distinct short keys: many keys carry several items.
            let key = Self.randomKey(&generator)
            table.insert(item, for: key)
            model[key, default: []].append(item)
        }
        #expect(table.count == model.count)
        for (key, items) in model {
            #expect(Array(table.items(key)) == items, "\(key)")
        }
        for _ in 0..<2_000 {
            let probe = Self.randomKey(&generator) + "Z"
            #expect(table.items(probe).isEmpty)
            #expect(Array(table.items(Array(probe.utf8))) == [])
        }
    }

    /// Keys inserted with their hash made beforehand, after a look ahead at their places, go
    /// where `insert(_:for:)` puts them.
    @Test func keysHashedAheadAreFoundAsAnyOther() {
        var generator = SplitMix64(seed: 64)
        var table = KeyTable(capacity: 10)
        var filter = KeyFilter(keys: 10)
        var model: [String: [Int]] = [:]
        for batch in 0..<200 {
            let keys = (0..<64).map { _ in Self.randomKey(&generator) }
            _ = table.lookAhead(keys.map(KeyTable.hash)) &+ filter.lookAhead(keys.map { KeyFilter.hash($0.utf8) })
            for (offset, key) in keys.enumerated() {
                table.insert(batch * 64 + offset, for: key, hash: KeyTable.hash(key))
                filter.insert(KeyFilter.hash(key.utf8))
                model[key, default: []].append(batch * 64 + offset)
            }
        }
        #expect(table.count == model.count)
        for (key, items) in model {
            #expect(Array(table.items(key)) == items, "\(key)")
            #expect(filter.mayContain(KeyFilter.hash(key.utf8)))
        }
    }

    @Test func theEmptyKeyAndLongKeysAreKeysLikeAnyOther() {
        var table = KeyTable()
        let long = String(repeating: "7", count: 300)
        table.insert(1, for: "")
        table.insert(2, for: long)
        table.insert(3, for: long)
        #expect(Array(table.items("")) == [1])
        #expect(Array(table.items(long)) == [2, 3])
        #expect(table.items(String(long.dropLast())).isEmpty)
    }

    @Test func theFilterNeverForgetsAKeyAndRejectsMostOthers() {
        var generator = SplitMix64(seed: 42)
        var filter = KeyFilter(keys: 10_000)
        var inserted = Set<String>()
        for _ in 0..<10_000 {
            let key = Self.randomKey(&generator) + Self.randomKey(&generator)
            inserted.insert(key)
            filter.insert(KeyFilter.hash(key.utf8))
        }
        for key in inserted { #expect(filter.mayContain(KeyFilter.hash(key.utf8)), "\(key)") }
        var falsePositives = 0
        var probes = 0
        while probes < 10_000 {
            let key = "Q" + Self.randomKey(&generator)
            guard !inserted.contains(key) else { continue }
            probes += 1
            if filter.mayContain(KeyFilter.hash(key.utf8)) { falsePositives += 1 }
        }
        // ~5 % at 8 bits a key; a broken hash or position function lands far above.
        #expect(falsePositives < 1_000, "\(falsePositives) false positives in 10 000")
    }

    /// The index fills one filter with the invoice keys and another, on the other core, with the
    /// references: their union must answer as one filter given both would.
    @Test func aUnionOfTwoFiltersIsTheFilterOfBoth() {
        var generator = SplitMix64(seed: 11)
        let keys = (0..<4_000).map { _ in Self.randomKey(&generator) + "7" }
        var one = KeyFilter(keys: 8_000), first = KeyFilter(keys: 8_000), second = KeyFilter(keys: 8_000)
        for (position, key) in keys.enumerated() {
            let hash = KeyFilter.hash(key.utf8)
            one.insert(hash)
            if position % 3 == 0 { first.insert(hash) } else { second.insert(hash) }
        }
        #expect(!keys.filter { !second.mayContain(KeyFilter.hash($0.utf8)) }.isEmpty, "the halves differ")
        first.formUnion(second)
        for key in keys { #expect(first.mayContain(KeyFilter.hash(key.utf8)), "\(key)") }
        for probe in 0..<2_000 {
            let hash = KeyFilter.hash("Q\(probe)".utf8)
            #expect(first.mayContain(hash) == one.mayContain(hash))
        }
    }

    @Test func editedHashesEqualTheHashOfTheEditedKey() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let key = Array(Self.randomKey(&generator).utf8) + Array("0042".utf8)
            let hash = KeyFilter.hash(key)
            let weights = KeyFilter.weights(length: key.count)
            let position = Int.random(in: 0..<key.count, using: &generator)
            let new = UInt8.random(in: 0x30...0x5A, using: &generator)
            var replaced = key
            replaced[position] = new
            #expect(KeyFilter.replacing(hash, weight: weights[position], old: key[position], new: new)
                    == KeyFilter.hash(replaced))
            let left = Int.random(in: 0..<(key.count - 1), using: &generator)
            var swapped = key
            swapped.swapAt(left, left + 1)
            #expect(KeyFilter.swapping(hash, first: key[left], second: key[left + 1],
                                       weights: (weights[left], weights[left + 1]))
                    == KeyFilter.hash(swapped))
        }
    }
}

@Suite struct ConcurrentlyTests {
    struct Failure: Error, Equatable { let name: String }

    @Test func bothResultsComeBack() {
        let (a, b) = concurrently({ (1...1_000).reduce(0, +) }, { String(repeating: "x", count: 3) })
        #expect(a == 500_500)
        #expect(b == "xxx")
    }

    @Test func theFirstErrorWinsAsInASequentialRun() {
        #expect(throws: Failure(name: "first")) {
            _ = try concurrently({ () throws -> Int in throw Failure(name: "first") },
                                 { () throws -> Int in throw Failure(name: "second") })
        }
        #expect(throws: Failure(name: "second")) {
            _ = try concurrently({ () throws -> Int in 1 },
                                 { () throws -> Int in throw Failure(name: "second") })
        }
    }
}

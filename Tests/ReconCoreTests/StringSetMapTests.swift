import Testing
import PropertyBased
@testable import ReconCore

/// `StringSetMap` answers as a dictionary of sets would: an insert is new exactly when the set
/// did not hold the string (`==`: "é" of one scalar is "é" of two), and a key's strings come
/// back sorted, each once — whatever order they were added in.
@Suite struct StringSetMapTests {
    static let strings = ["1001", "1002", "20", "ab", "é", "e\u{301}", "z", "ø"]

    @Test func itAnswersAsADictionaryOfSets() async {
        let steps = zip(Gen.int(in: 0...3), Gen.int(in: 0...(Self.strings.count - 1))).array(of: 0...40)
        await propertyCheck(count: 500, input: steps) { steps in
            var map = StringSetMap()
            var model: [String: Set<String>] = [:]
            for (key, value) in steps {
                let key = "k\(key)", value = Self.strings[value]
                let inserted = model[key, default: []].insert(value).inserted
                let added = map.insert(value, for: key)
                #expect(added == inserted, "\(key) \(value)")
            }
            for key in ["k0", "k1", "k2", "k3"] {
                #expect(map[key] == model[key].map { $0.sorted() }, "\(key)")
            }
            #expect(map.all.count == model.count)
            for (key, values) in map.all { #expect(values == model[key]!.sorted()) }
        }
    }

    @Test func aSecondStringMakesAListInOrder() {
        var map = StringSetMap()
        let new = map.insert("1002", for: "ola hansen"), again = map.insert("1002", for: "ola hansen")
        #expect(new && !again)
        #expect(map["ola hansen"] == ["1002"])
        let first = map.insert("1001", for: "ola hansen"), second = map.insert("1003", for: "ola hansen")
        #expect(first && second)
        #expect(map["ola hansen"] == ["1001", "1002", "1003"])
        #expect(map["kari"] == nil)
    }
}

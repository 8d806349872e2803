/// A map from keys to the indexes of the items that have them, for keys that are nearly always
/// unique (invoice ids, references): one index is stored inline, and a list is allocated only for
/// a key that really repeats. An `[Key: [Int]]` allocates an array per key.
struct MultiMap<Key: Hashable & Sendable>: Sendable {
    /// ≥ 0: the one index with this key; < 0: `-(n + 1)` is the position of its list in `lists`.
    private var slots: [Key: Int] = [:]
    private var lists: [[Int]] = []

    init(capacity: Int = 0) {
        slots.reserveCapacity(capacity)
    }

    mutating func insert(_ index: Int, for key: Key) {
        guard let slot = slots[key] else {
            slots[key] = index
            return
        }
        if slot >= 0 {
            slots[key] = -(lists.count + 1)
            lists.append([slot, index])
        } else {
            lists[-slot - 1].append(index)
        }
    }

    subscript(key: Key) -> [Int] {
        guard let slot = slots[key] else { return [] }
        return slot >= 0 ? [slot] : lists[-slot - 1]
    }
}

/// A map from keys to sets of strings that nearly always hold one string (an IBAN's customer, a
/// customer's name): the first is stored inline, a set only for keys with more.
struct StringSetMap: Sendable {
    private var first: [String: String] = [:]
    private var more: [String: Set<String>] = [:]

    init(capacity: Int = 0) {
        first.reserveCapacity(capacity)
    }

    /// Adds `value` under `key`; false when it was there already.
    @discardableResult
    mutating func insert(_ value: String, for key: String) -> Bool {
        guard let existing = first[key] else {
            first[key] = value
            return true
        }
        if existing == value { return false }
        return more[key, default: []].insert(value).inserted
    }

    /// The values of `key`, sorted; nil when none.
    subscript(key: String) -> [String]? {
        guard let existing = first[key] else { return nil }
        guard let extra = more[key] else { return [existing] }
        return ([existing] + extra).sorted()
    }

    /// Every key with its values (in no particular order).
    var all: [(key: String, values: [String])] {
        first.map { key, value in (key, self[key] ?? [value]) }
    }
}

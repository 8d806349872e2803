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
/// customer's name): the one string is stored in the key's entry, a sorted list only for keys
/// with more. One lookup a question: a map of the first strings beside one of the others hashed
/// each key twice, and a key with several strings sorted them again at every question (a payer
/// name shared by many customers — more of them the larger the customer base).
struct StringSetMap: Sendable {
    private enum Entry: Sendable {
        case one(String)
        /// The position of the key's strings (sorted, each once) in `lists`.
        case many(Int)
    }

    private var entries: [String: Entry] = [:]
    private var lists: [[String]] = []

    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    /// Adds `value` under `key`; false when it was there already (`==`, as a set tells).
    @discardableResult
    mutating func insert(_ value: String, for key: String) -> Bool {
        Self.insert(value, into: &entries[key], lists: &lists)
    }

    /// `insert` on the key's entry, found once (nil: a new key).
    private static func insert(_ value: String, into entry: inout Entry?, lists: inout [[String]]) -> Bool {
        switch entry {
        case nil:
            entry = .one(value)
            return true
        case .one(let existing):
            if existing == value { return false }
            lists.append(existing < value ? [existing, value] : [value, existing])
            entry = .many(lists.count - 1)
            return true
        case .many(let position):
            var low = 0, high = lists[position].count
            while low < high {
                let middle = (low + high) / 2
                if lists[position][middle] < value { low = middle + 1 } else { high = middle }
            }
            if low < lists[position].count && lists[position][low] == value { return false }
            lists[position].insert(value, at: low)
            return true
        }
    }

    /// The values of `key`, sorted; nil when none.
    subscript(key: String) -> [String]? {
        entries[key].map(values)
    }

    /// Every key with its values (in no particular order).
    var all: [(key: String, values: [String])] {
        entries.map { key, entry in (key, values(entry)) }
    }

    private func values(_ entry: Entry) -> [String] {
        switch entry {
        case .one(let value): [value]
        case .many(let position): lists[position]
        }
    }
}

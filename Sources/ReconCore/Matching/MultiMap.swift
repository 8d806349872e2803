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

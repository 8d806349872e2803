/// Where the first transaction with each entry id is, among the transactions of a run: a table of
/// positions found by a hash of the id and checked against the transactions' own ids, so that it
/// holds no copy of the ids (a `[String: Int]` of a million ids took 48 MiB and hashed each id
/// twice).
///
/// - Complexity: O(id length) on average (linear probing, load ≤ ¾).
struct FirstSeen {
    /// 0: empty; otherwise the id's hash in the upper 32 bits and the position + 1 in the lower.
    private var slots: [UInt64] = []
    private var mask = -1
    private var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The position of the first transaction with the id of `transactions[index]`, or nil when
    /// this is the first (it is then recorded).
    mutating func first(_ index: Int, in transactions: [BankTransaction]) -> Int? {
        let hash = Self.hash(transactions[index].entryId)
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 {
            let slot = slots[position]
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let other = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if transactions[other].entryId == transactions[index].entryId { return other }
            }
            position = (position + 1) & mask
        }
        slots[position] = UInt64(hash) << 32 | UInt64(index + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            var position = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// `KeyTable`'s hash of the id's UTF-8.
    private static func hash(_ id: String) -> UInt32 {
        var id = id
        return id.withUTF8 { KeyTable.hash($0) }
    }
}

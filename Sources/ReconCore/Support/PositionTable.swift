/// Positions in an array found by a key of their element — an entry id, an invoice id — without
/// holding the keys: a slot keeps the key's hash and the position, and a hit is checked against the
/// element itself. A `[String: Int]` of a million ids took 48 MiB, hashed each id with SipHash
/// twice and retained every id string.
///
/// - Complexity: O(key length) on average (linear probing, load ≤ ¾).
struct PositionTable: Sendable {
    /// 0: empty; otherwise the key's hash in the upper 32 bits and the position + 1 in the lower.
    private var slots: [UInt64] = []
    private var mask = -1
    private var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The position recorded under `hash` whose element `isKey` accepts; nil when there is none.
    func find(hash: UInt32, _ isKey: (Int) -> Bool) -> Int? {
        search(hash, isKey).found
    }

    /// The position recorded under `hash` whose element `isKey` accepts; when there is none,
    /// records `position` there and returns nil — in the empty slot the search ended at, without
    /// a second search (`insert`'s) from the start.
    mutating func findOrInsert(_ position: Int, hash: UInt32, _ isKey: (Int) -> Bool) -> Int? {
        let (found, empty) = search(hash, isKey)
        if let found { return found }
        slots[empty] = UInt64(hash) << 32 | UInt64(position + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return nil
    }

    /// The position `isKey` accepts among those under `hash`, or else the empty slot that ended
    /// the search. Inlined: a call of its own, with `isKey` not specialised into it, cost the
    /// open items' reading ~130 instructions an item.
    @inline(__always)
    private func search(_ hash: UInt32, _ isKey: (Int) -> Bool) -> (found: Int?, empty: Int) {
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 {
            let slot = slots[position]
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let found = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if isKey(found) { return (found, position) }
            }
            position = (position + 1) & mask
        }
        return (nil, position)
    }

    /// Records `position` under `hash` (the caller knows its key is not there yet).
    mutating func insert(_ position: Int, hash: UInt32) {
        place(UInt64(hash) << 32 | UInt64(position + 1))
        count += 1
        if count * 4 > slots.count * 3 { grow() }
    }

    private mutating func place(_ slot: UInt64) {
        var position = Int(truncatingIfNeeded: slot >> 32) & mask
        while slots[position] != 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 { place(slot) }
    }

    /// `KeyTable`'s hash of the key's UTF-8.
    static func hash(_ key: String) -> UInt32 {
        key.withUTF8Bytes { KeyTable.hash($0) }
    }

    /// The sum of the slots where `hashes` start their search: called on the next few dozen keys
    /// before they are looked up one by one, it has their memory fetched together — a table of a
    /// million keys is larger than the caches, and each lookup alone waited for its own miss.
    /// (Swift has no prefetch; the caller keeps the sum so that the loads stay.)
    func lookAhead(_ hashes: some Sequence<UInt32>) -> UInt64 {
        slots.sumOfSlots(at: hashes, mask: mask)
    }
}

extension Array where Element == UInt64 {
    /// The sum of the slots where `hashes` start their search (`hash & mask`): the look ahead of
    /// `PositionTable` and `KeyTable`, whose slots are laid out alike.
    func sumOfSlots(at hashes: some Sequence<UInt32>, mask: Int) -> UInt64 {
        withUnsafeBufferPointer { slots in
            var sum: UInt64 = 0
            for hash in hashes { sum &+= slots[Int(truncatingIfNeeded: hash) & mask] }
            return sum
        }
    }
}

/// Where the first transaction with each entry id is, among the transactions of a run.
struct FirstSeen {
    private var table: PositionTable

    init(capacity: Int = 0) {
        table = PositionTable(capacity: capacity)
    }

    /// The position of the first transaction with the id of `transactions[index]`, or nil when
    /// this is the first (it is then recorded).
    mutating func first(_ index: Int, in transactions: [BankTransaction]) -> Int? {
        let hash = PositionTable.hash(transactions[index].entryId)
        if let other = table.find(hash: hash, { transactions[$0].entryId == transactions[index].entryId }) { return other }
        table.insert(index, hash: hash)
        return nil
    }
}

/// Ids numbered in the order first seen. An ASCII id (nearly every one) is found through the hash
/// of its bytes in a `PositionTable`, and compared by its bytes; any other through a dictionary of
/// strings, so that two spellings Unicode takes for one text (`é` as one code point or as `e` and an
/// accent) are one id, as `String`'s `==` has them. (The one difference from `==`: an ASCII id and
/// a non-ASCII one that Unicode equates, such as `K` and the Kelvin sign, are two.) A
/// `[String: Int]` or `Set<String>` of a million ids hashed each with SipHash on the one thread
/// that must see them in order: the open items' duplicate check was 27 % of a 1M `inspect
/// --invoices`'s samples.
public struct IdTable: Sendable {
    private var table: PositionTable
    private var ids: [String] = []
    private var others: [String: Int] = [:]
    /// What `lookAhead` read (kept, so that the loads stay).
    private var looked: UInt64 = 0

    public init(capacity: Int = 0) {
        table = PositionTable(capacity: capacity)
        ids.reserveCapacity(capacity)
    }

    /// How many different ids there are.
    public var count: Int { ids.count }

    /// The hash `number(of:hash:)` takes for `id`: nil for an id that is not all ASCII. Another
    /// thread (a block's reader) can make it.
    public static func hash(_ id: String) -> UInt32? {
        if let value = WordHash.hashOfSmallASCII(id) { return UInt32(truncatingIfNeeded: value) }
        // The ASCII check made as the words are hashed (both were a byte at a time: ~250
        // instructions an invoice id).
        let (value, isASCII) = id.withUTF8Bytes { WordHash.hash($0) }
        return isASCII ? UInt32(truncatingIfNeeded: value) : nil
    }

    /// The number of `id` (its `hash(_:)` given), and whether it is new — numbered now.
    public mutating func number(of id: String, hash: UInt32?) -> (number: Int, isNew: Bool) {
        if let hash {
            // Both ASCII (only an ASCII id has a hash), so `==` is equality of bytes; the same
            // id read twice is the same two words, which `==` compares first (reading the bytes
            // of two inline strings copied each to the stack: ~90 instructions a customer).
            if let found = table.findOrInsert(ids.count, hash: hash, { ids[$0] == id }) {
                return (found, false)
            }
        } else {
            if let found = others[id] { return (found, false) }
            others[id] = ids.count
        }
        ids.append(id)
        return (ids.count - 1, true)
    }

    /// Reads the places of the next few dozen ids' hashes in one loop, before they are numbered one
    /// by one: a table of a million ids is larger than the caches (see `PositionTable.lookAhead`).
    public mutating func lookAhead(_ hashes: [UInt32]) {
        looked &+= table.lookAhead(hashes)
    }
}

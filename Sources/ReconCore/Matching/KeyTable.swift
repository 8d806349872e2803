#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from keys — normalised references, invoice numbers, the numbers inside ids — to the
/// positions of the items that have them, built once per run and then only read.
///
/// Keys are bytes, stored back to back in one array, and are looked up from bytes: neither building
/// nor a lookup makes a `String`, and a lookup that finds nothing (nearly every word of a payment's
/// text) costs one hash and, mostly, one 8-byte slot. A `[String: [Int]]` of a million keys spends a
/// string and an array per key and compares strings on every probe.
///
/// - Complexity: insert and lookup O(key length) on average (linear probing, load ≤ ¾).
struct KeyTable: Sendable {
    /// Every key's bytes, back to back; key `k` ends at `ends[k]` and starts where `k - 1` ends.
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    /// The first item of each key.
    private var firstItems: [Int32] = []
    /// The other items of the few keys with more than one, by key number.
    private var moreItems: [Int32: [Int]] = [:]
    /// 0: empty; otherwise the key's hash in the upper 32 bits and its number + 1 in the lower.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 0) {
        let size = KeyTable.slotCount(for: capacity)
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        ends.reserveCapacity(capacity)
        firstItems.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 12)
    }

    /// The number of distinct keys.
    var count: Int { ends.count }

    /// Adds `item` under `key` (an item is added once per key: the caller does not repeat itself).
    mutating func insert(_ item: Int, for key: String) {
        var key = key
        key.withUTF8 { insert(item, for: $0) }
    }

    mutating func insert(_ item: Int, for key: UnsafeBufferPointer<UInt8>) {
        insert(item, for: key, hash: KeyTable.hash(key))
    }

    /// `insert(_:for:)` with the key's hash made already (`KeyTable.hash`).
    mutating func insert(_ item: Int, for key: String, hash: UInt32) {
        var key = key
        key.withUTF8 { insert(item, for: $0, hash: hash) }
    }

    /// The sum of the slots where `hashes` start their search: called on the next few dozen keys
    /// before they are inserted, it has their memory fetched together (see `PositionTable.lookAhead`).
    func lookAhead(_ hashes: some Sequence<UInt32>) -> UInt64 {
        slots.sumOfSlots(at: hashes, mask: mask)
    }

    private mutating func insert(_ item: Int, for key: UnsafeBufferPointer<UInt8>, hash: UInt32) {
        if let found = find(key, hash: hash) {
            moreItems[Int32(found), default: []].append(item)
            return
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        bytes.append(contentsOf: key)
        ends.append(UInt32(bytes.count))
        firstItems.append(Int32(item))
        place(key: count - 1, hash: hash)
    }

    /// The items under `key`, in the order they were added; empty when there are none.
    func items(_ key: String) -> Hits {
        var key = key
        return key.withUTF8 { items($0) }
    }

    func items(_ key: UnsafeBufferPointer<UInt8>) -> Hits {
        guard let found = find(key, hash: KeyTable.hash(key)) else { return Hits(first: -1, more: []) }
        return Hits(first: Int(firstItems[found]), more: moreItems[Int32(found)] ?? [])
    }

    func items(_ key: [UInt8]) -> Hits {
        key.withUnsafeBufferPointer { items($0) }
    }

    /// The items of one key, without an array for the usual single one.
    struct Hits: Sequence {
        fileprivate let first: Int
        fileprivate let more: [Int]

        var isEmpty: Bool { first < 0 }

        func makeIterator() -> Iterator { Iterator(hits: self) }

        struct Iterator: IteratorProtocol {
            let hits: Hits
            var position = -1

            mutating func next() -> Int? {
                guard hits.first >= 0 else { return nil }
                defer { position += 1 }
                if position < 0 { return hits.first }
                return position < hits.more.count ? hits.more[position] : nil
            }
        }
    }

    // MARK: - Slots

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let number = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if equals(number, key) { return number }
            }
            position = (position + 1) & mask
        }
    }

    private func equals(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : Int(ends[number - 1])
        let end = Int(ends[number])
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            key.isEmpty || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func place(key number: Int, hash: UInt32) {
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 { position = (position + 1) & mask }
        slots[position] = UInt64(hash) << 32 | UInt64(number + 1)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            place(key: Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1, hash: UInt32(truncatingIfNeeded: slot >> 32))
        }
    }

    /// Room for `keys` at a load of ¾ at most: a million keys take 16 MiB of slots, not 32, and a
    /// probe that finds nothing still reads about three neighbouring slots (one cache line).
    private static func slotCount(for keys: Int) -> Int {
        var size = 16
        while size * 3 < keys * 4 { size *= 2 }
        return size
    }

    /// `hash` of the key's UTF-8, read where it is.
    static func hash(_ key: String) -> UInt32 {
        key.withUTF8Bytes { hash($0) }
    }

    /// FNV-1a over the bytes, then mixed so that the low bits (the slot) depend on every byte.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        // 0 marks an empty slot's hash half only together with number 0, which never occurs (+1).
        return UInt32(truncatingIfNeeded: hash)
    }
}

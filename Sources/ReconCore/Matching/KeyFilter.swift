/// A Bloom filter over keys (blocked: both bits of a key in one 64-bit word), hashed so that the
/// hash of a key with one character replaced, or two neighbours swapped, follows from the key's own
/// hash in a few instructions.
///
/// The one-edit search for a mistyped reference tries a few hundred variants of it; nearly none
/// exists. Asking this filter (a byte a key, small enough to stay in the cache; one word a question)
/// first leaves only ~5 % of them for the real lookup in a `KeyTable`, which alone decides: a filter
/// can only say "maybe".
struct KeyFilter: Sendable {
    private var words: [UInt64]
    private let shift: UInt64

    /// Room for `keys` keys at 8 to 16 bits each (about 5 % false positives at 8).
    init(keys: Int) {
        var count = 64
        while count < keys / 8 { count *= 2 }
        words = Array(repeating: 0, count: count)
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    mutating func insert(_ hash: UInt64) {
        let (word, bits) = position(hash)
        words[word] |= bits
    }

    /// The sum of the words `hashes` would set: their memory fetched together before the keys
    /// are inserted one by one (see `PositionTable.lookAhead`).
    func lookAhead(_ hashes: some Sequence<UInt64>) -> UInt64 {
        words.withUnsafeBufferPointer { words in
            var sum: UInt64 = 0
            for hash in hashes { sum &+= words[position(hash).0] }
            return sum
        }
    }

    /// Adds every key of `other`, a filter made for as many keys.
    mutating func formUnion(_ other: KeyFilter) {
        precondition(words.count == other.words.count, "filters of different sizes")
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// false: certainly not there; true: maybe.
    func mayContain(_ hash: UInt64) -> Bool {
        let (word, bits) = position(hash)
        return words[word] & bits == bits
    }

    private func position(_ hash: UInt64) -> (Int, UInt64) {
        var mixed = hash ^ (hash >> 31)
        mixed &*= 0x9e37_79b9_7f4a_7c15
        let word = Int(truncatingIfNeeded: mixed >> shift)
        let bits = (1 as UInt64) << (mixed & 63) | (1 as UInt64) << ((mixed >> 6) & 63)
        return (word, bits)
    }

    // MARK: - Edit-friendly hashing

    /// The polynomial hash Σ key[i] × B^(n-1-i), wrapping.
    static func hash(_ key: some Sequence<UInt8>) -> UInt64 {
        func hash(of bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0
            for byte in bytes { hash = hash &* base &+ UInt64(byte) }
            return hash
        }
        // A string's bytes read in place: iterating its `utf8` view costs ~30 instructions a byte.
        return key.withContiguousStorageIfAvailable { hash(of: $0) } ?? hash(of: key)
    }

    static let base: UInt64 = 0x0000_0100_0000_01B3

    /// B^(n-1-i) for every position i of a key of `length` bytes.
    static func weights(length: Int) -> [UInt64] {
        var weights = [UInt64](repeating: 1, count: length)
        var power: UInt64 = 1
        for position in stride(from: length - 1, through: 0, by: -1) {
            weights[position] = power
            power &*= base
        }
        return weights
    }

    /// The hash of the key with `old` at the position of `weight` replaced by `new`.
    static func replacing(_ hash: UInt64, weight: UInt64, old: UInt8, new: UInt8) -> UInt64 {
        hash &+ (UInt64(new) &- UInt64(old)) &* weight
    }

    /// The hash of the key with `first` and `second` (at the positions of the two weights, next to
    /// each other) swapped.
    static func swapping(_ hash: UInt64, first: UInt8, second: UInt8, weights: (UInt64, UInt64)) -> UInt64 {
        hash &+ (UInt64(second) &- UInt64(first)) &* (weights.0 &- weights.1)
    }
}

/// A 64-bit hash of bytes read eight at a time, for tables that live only while recon runs (the
/// ids of a bank file seen so far, the open items' ids and customers). FNV-1a, a byte at a time,
/// cost ~5 instructions a byte: ~170 for an entry id of 35 bytes, made for every row of a bank
/// CSV. Not `StableHash`: nothing written or compared across runs depends on these values.
///
/// Every step is a bijection of the state (an xor with the next word, a multiplication by an odd
/// constant, an xor with the state shifted right), and the length goes in first: two keys of one
/// length that differ in a single word never collide; other pairs collide as random 64-bit values
/// would. The last step mixes every bit into the low ones, which pick a table's slot.
public enum WordHash {
    /// The hash of `bytes`, and whether they are all ASCII.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt64, isASCII: Bool) {
        let count = bytes.count
        var state = start(count)
        var high: UInt64 = 0
        guard let base = bytes.baseAddress else { return (finish(state), true) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            state = step(state, word)
            offset += 8
        }
        if offset < count {
            let rest = count &- offset
            var tail: UInt64
            if count >= 8 {
                // The last eight bytes, overlapping those hashed already, which are shifted out.
                tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                    &>> UInt64(truncatingIfNeeded: 8 &* (8 &- rest))
            } else if rest >= 4 {
                // Four bytes and the last four, overlapping: the same value as byte by byte (a
                // customer id of six digits took a loop of six).
                let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: rest &- 4, as: UInt32.self)))
                tail = low | last &<< UInt64(truncatingIfNeeded: 8 &* (rest &- 4))
            } else {
                tail = 0
                for index in 0..<rest { tail |= UInt64(base[offset &+ index]) &<< UInt64(truncatingIfNeeded: 8 &* index) }
            }
            high |= tail
            state = step(state, tail)
        }
        return (finish(state), high & 0x8080_8080_8080_8080 == 0)
    }

    /// `hash(_:)` of a string's UTF-8 taken from the string's own two words, when Swift keeps it
    /// inline as small ASCII (an id of up to 15 bytes; see `SmallASCII`): they are its bytes in the
    /// order `hash(_:)` reads them, zero past the end, and the count in the top byte. Reading them
    /// in place through `withUTF8Bytes` cost ~60 instructions more an id. nil for any other string.
    @inlinable
    public static func hashOfSmallASCII(_ string: String) -> UInt64? {
        smallASCIIWords(string).map(hash(smallASCIIWords:))
    }

    /// The two words of a string that Swift keeps inline as small ASCII (see `hashOfSmallASCII`);
    /// nil for any other string. Two such strings are equal exactly when their words are.
    @inlinable
    public static func smallASCIIWords(_ string: String) -> (UInt64, UInt64)? {
        guard SmallASCII.matchesStandardLibrary else { return nil }
        let words = unsafeBitCast(string, to: (UInt64, UInt64).self)
        // The top nibble of the second word: immortal, small, ASCII (`SmallASCII.flags`).
        return words.1 >> 60 == SmallASCII.flags >> 4 ? words : nil
    }

    /// `hash(_:)` of the bytes of a small ASCII string's words (`smallASCIIWords`).
    @inlinable
    public static func hash(smallASCIIWords words: (UInt64, UInt64)) -> UInt64 {
        let (low, high) = words
        let count = Int(truncatingIfNeeded: high >> 56 & 0xF)
        var state = start(count)
        // The first word whole (eight bytes or fewer), then the rest of the second without the count.
        if count > 0 { state = step(state, low) }
        if count > 8 { state = step(state, high & 0x00FF_FFFF_FFFF_FFFF) }
        return finish(state)
    }

    @inlinable
    static func start(_ count: Int) -> UInt64 {
        0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count) &* 0xC2B2_AE3D_27D4_EB4F
    }

    @inlinable
    static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var mixed = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 31
        return mixed
    }

    /// splitmix64's last steps.
    @inlinable
    static func finish(_ state: UInt64) -> UInt64 {
        var mixed = state ^ (state >> 30)
        mixed &*= 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 27
        mixed &*= 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

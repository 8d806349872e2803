extension String {
    /// The string of `bytes`, which must be valid UTF-8 (`String(decoding:as:)` would repair them
    /// otherwise). Up to 15 ASCII bytes — an invoice or customer id, a currency, an IBAN of 15 — are
    /// made in place, the way Swift keeps such a string inline: its two words are the bytes, and
    /// a count with the flags "small, ASCII" in the top byte. `String(decoding:)` checked and
    /// copied them through the general path, ~160 instructions a string (two a row of open items,
    /// 5 % of reading it); this is ~40. Anything else, and any standard library whose strings are
    /// not laid out so (checked once, against `String(decoding:)`'s own), goes the usual way.
    @inlinable
    public init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        if count <= 15, SmallASCII.matchesStandardLibrary, let base = bytes.baseAddress,
           let made = SmallASCII.string(base, count: count) {
            self = made
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// How `String(validUTF8:)` makes a small ASCII string.
@usableFromInline
enum SmallASCII {
    /// The top byte of a small ASCII string's second word, before its count: immortal, small, ASCII.
    @usableFromInline static let flags: UInt64 = 0xE0

    /// The string of `count` (at most 15) bytes at `base`; nil when one is not ASCII.
    @inlinable
    static func string(_ base: UnsafePointer<UInt8>, count: Int) -> String? {
        // The bytes loaded as words that stay within them, overlapping where they must (a copy
        // through memory cost more than the rest together).
        let raw = UnsafeRawPointer(base)
        var low: UInt64 = 0, high: UInt64 = 0
        if count >= 8 {
            low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            // The last eight bytes, those before the ninth shifted out (all of them for eight).
            high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                >> UInt64(truncatingIfNeeded: 8 &* (16 &- count))
        } else if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            low = first | last << UInt64(truncatingIfNeeded: 8 &* (count &- 4))
        } else {
            for index in 0..<count { low |= UInt64(base[index]) << UInt64(truncatingIfNeeded: 8 &* index) }
        }
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        high |= (flags | UInt64(truncatingIfNeeded: count)) << 56
        return unsafeBitCast((low, high), to: String.self)
    }

    /// Whether this standard library keeps a small ASCII string as `string(_:count:)` makes it:
    /// the bits of every length of a sample, and the strings' use, compared with its own.
    @usableFromInline static let matchesStandardLibrary: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        let sample: [UInt8] = Array("INV-2025/0001x:Z".utf8)
        return sample.withUnsafeBufferPointer { all in
            (0...15).allSatisfy { length in
                let bytes = UnsafeBufferPointer(rebasing: all[..<length])
                let usual = String(decoding: bytes, as: UTF8.self)
                guard let made = string(all.baseAddress!, count: length) else { return false }
                let usualBits = unsafeBitCast(usual, to: (UInt64, UInt64).self)
                let madeBits = unsafeBitCast(made, to: (UInt64, UInt64).self)
                return usualBits == madeBits && made == usual && made.utf8.count == length
                    && made.hashValue == usual.hashValue && Array(made.utf8) == Array(bytes)
            }
        }
        #else
        return false
        #endif
    }()
}

/// FNV-1a, 64 bits: a hash that is the same on every run and machine (Swift's `Hasher` is seeded
/// per process), for identities that must survive between runs.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    /// Adds a string's UTF-8, read from its storage (`withUTF8Bytes`).
    public mutating func combine(_ string: String) {
        string.withUTF8Bytes { combine($0) }
    }

    /// Adds a field and a separator, so that ("ab","c") and ("a","bc") differ.
    public mutating func combine(field: String) {
        field.withUTF8Bytes { combine(field: $0) }
    }

    /// `combine(field:)` of UTF-8 bytes.
    public mutating func combine(field: UnsafeBufferPointer<UInt8>) {
        combine(field)
        combine(CollectionOfOne(0x1F))
    }

    /// Sixteen lowercase hex digits.
    public var hex: String { hex(prefix: "") }

    /// `prefix` and the first `digits` of the sixteen lowercase hex digits, made in one string
    /// (`String(radix:)`, padding and joining cost ~2,000 instructions an exception id).
    public func hex(prefix: String, digits: Int = 16) -> String {
        precondition((1...16).contains(digits))
        let prefixCount = prefix.utf8.count
        return String(unsafeUninitializedCapacity: prefixCount + digits) { buffer in
            prefix.withUTF8Bytes { bytes in
                for offset in bytes.indices { buffer[offset] = bytes[offset] }
            }
            var rest = value >> UInt64(4 * (16 - digits))
            for position in (prefixCount..<prefixCount + digits).reversed() {
                let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
                buffer[position] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
                rest >>= 4
            }
            return prefixCount + digits
        }
    }
}

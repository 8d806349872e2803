#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// `body` on the string's UTF-8, read where it is stored (a small string is copied to the stack).
    /// Iterating `utf8`, or appending it to a byte array, costs about 30 instructions a byte; the
    /// writers, keys and hashes of a run go through this instead.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // Read in place, without a copy of the string (whose storage a copy retains and releases);
        // a string that is not native UTF-8 (bridged) is made so first.
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var shared = self
        return try shared.withUTF8(body)
    }

    /// Whether the string holds exactly `bytes` (`elementsEqual` went a byte at a time through
    /// the generic path, ~10 instructions a byte).
    @inlinable
    public func hasSameUTF8(as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withUTF8Bytes { $0.hasSameBytes(as: bytes) }
    }

    /// Whether the two strings hold the same UTF-8 bytes. (`==` compares canonical equivalence: an
    /// "é" of one scalar equals one of two.)
    @inlinable
    public func hasSameUTF8(as other: String) -> Bool {
        withUTF8Bytes { mine in other.withUTF8Bytes { mine.hasSameBytes(as: $0) } }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes (compared by `memcmp`).
    @inlinable
    public func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

extension String {
    /// The string `body` writes, at most `capacity` UTF-8 bytes (it returns how many). A drop-in
    /// for `String(unsafeUninitializedCapacity:initializingUTF8With:)`, which checks and repairs
    /// the bytes alike, but whose check of a string too long to be stored inline (over 15 bytes)
    /// takes a slower path: ~380 instructions for an entry id of 35 ASCII bytes, ~150 written on
    /// the stack and made with `String(decoding:)`. For strings that are mostly that long; one
    /// of 15 bytes or less is made the usual way, after the copy.
    init(writingAtMost capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) rethrows {
        self = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let count = try body(buffer)
            let written = UnsafeBufferPointer(rebasing: buffer[..<count])
            if count <= 15 {
                return String(unsafeUninitializedCapacity: count) { $0.initialize(fromContentsOf: written) }
            }
            return String(decoding: written, as: UTF8.self)
        }
    }
}

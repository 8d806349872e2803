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

    /// Whether the two strings hold the same UTF-8 bytes. (`==` compares canonical equivalence: an
    /// "é" of one scalar equals one of two.)
    @inlinable
    public func hasSameUTF8(as other: String) -> Bool {
        withUTF8Bytes { mine in
            other.withUTF8Bytes { theirs in
                mine.count == theirs.count && (mine.isEmpty || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0)
            }
        }
    }
}

/// The last value a reader made of a field, by the field's bytes (up to 16): the same bytes again
/// give the same value, without the work. Rows of one day, one account and one currency come
/// together; reading each of those again cost a few hundred instructions a row.
struct FieldMemo<Value> {
    private var bytes: (UInt64, UInt64) = (0, 0)
    private var count = -1
    private var value: Value?

    /// The value remembered for exactly these bytes; nil for any other.
    func value(of field: UnsafeBufferPointer<UInt8>) -> Value? {
        guard field.count == count, let base = field.baseAddress else { return nil }
        return withUnsafeBytes(of: bytes) { stored in
            // 8 to 16 bytes: the first eight and the last eight, overlapping (a call to memcmp
            // cost more than the comparison); fewer, a byte at a time.
            if count >= 8 {
                let field = UnsafeRawPointer(base)
                return field.loadUnaligned(as: UInt64.self) == stored.loadUnaligned(as: UInt64.self)
                    && field.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                        == stored.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            for index in 0..<count where base[index] != stored[index] { return false }
            return true
        } ? value : nil
    }

    /// Remembers `value` for `field` (a field of more than 16 bytes is not remembered).
    mutating func remember(_ value: Value, of field: UnsafeBufferPointer<UInt8>) {
        guard field.count <= 16, let base = field.baseAddress else { return }
        bytes = (0, 0)
        withUnsafeMutableBytes(of: &bytes) { $0.baseAddress!.copyMemory(from: base, byteCount: field.count) }
        count = field.count
        self.value = value
    }
}

/// The values a reader made of a field lately, by the field's bytes (8 to 16 of them), in 16
/// slots picked by those bytes: an open item's due date is one of a few near the invoice date
/// (terms of 10, 14 or 30 days), so the last one alone was the same only one time in ten; 16
/// slots hold three in four. A field of another length is never kept.
struct FieldCache<Value> {
    private var keys = [(UInt64, UInt64, Int)](repeating: (0, 0, -1), count: 16)
    private var values = [Value?](repeating: nil, count: 16)

    /// The value kept for exactly these bytes; nil for any other.
    func value(of field: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let key = Self.key(field) else { return nil }
        let slot = Self.slot(key)
        let kept = keys[slot]
        return kept.0 == key.0 && kept.1 == key.1 && kept.2 == field.count ? values[slot] : nil
    }

    /// Keeps `value` for `field`, in place of what its slot held.
    mutating func remember(_ value: Value, of field: UnsafeBufferPointer<UInt8>) {
        guard let key = Self.key(field) else { return }
        let slot = Self.slot(key)
        keys[slot] = (key.0, key.1, field.count)
        values[slot] = value
    }

    /// The first eight bytes and the last eight (overlapping): with the count, the bytes exactly.
    private static func key(_ field: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard field.count >= 8, field.count <= 16, let base = field.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: field.count - 8, as: UInt64.self))
    }

    private static func slot(_ key: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((key.0 ^ key.1) &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }
}

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

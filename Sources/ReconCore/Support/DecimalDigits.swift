/// Non-negative integers written in decimal straight into bytes (`String(_:)`, `count` and
/// padding cost about a thousand instructions a number: voucher numbers, entry ids, sheet cells).
public enum DecimalDigits {
    /// How many digits `value` has, at least `width`.
    @inlinable
    public static func count(_ value: UInt, width: Int = 1) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return max(digits, width)
    }

    /// Writes `value` at `out`, zero-padded to `width` digits; returns how many bytes.
    @inlinable
    public static func write(_ value: UInt, width: Int = 1, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = count(value, width: width)
        var rest = value
        for position in (0..<digits).reversed() {
            out[position] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        return digits
    }
}

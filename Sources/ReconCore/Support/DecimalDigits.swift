/// Non-negative integers written in decimal straight into bytes (`String(_:)`, `count` and
/// padding cost about a thousand instructions a number: voucher numbers, entry ids, sheet cells).
public enum DecimalDigits {
    /// How many digits `value` has, at least `width`: compared with growing powers of ten (a
    /// multiplication each), not divided by ten a digit.
    @inlinable
    public static func count(_ value: UInt, width: Int = 1) -> Int {
        var digits = 1
        var power: UInt = 10
        while digits < 20 && value >= power {  // 10¹⁹ is the largest power a UInt holds
            digits += 1
            power &*= 10
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

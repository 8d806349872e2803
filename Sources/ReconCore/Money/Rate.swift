/// A proportion such as a cash-discount percentage, exact to a millionth (0.0001 %).
public struct Rate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    /// The rate in millionths: 2 % is 20 000.
    public let partsPerMillion: Int64

    public init(partsPerMillion: Int64) {
        self.partsPerMillion = partsPerMillion
    }

    /// Parses a percentage such as `2`, `1.5` or `0.25` (without the `%` sign), up to four decimals.
    public init?(percent text: Substring) {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    guard fractionDigits <= 4 else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    guard whole < 1000 else { return nil }
                    whole = whole * 10 + digit
                }
                digits += 1
            case UInt8(ascii: "."):
                guard !seenPoint, digits > 0 else { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard digits > 0, !(seenPoint && fractionDigits == 0) else { return nil }
        for _ in fractionDigits..<4 { fraction *= 10 }
        let ppm = whole * 10_000 + fraction
        guard ppm < Rate.scale else { return nil }  // 100 % or more is no discount
        self.partsPerMillion = ppm
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.partsPerMillion < rhs.partsPerMillion }

    /// As a percentage without trailing zeros: `2`, `1.5`, `0.25`.
    public var description: String {
        let whole = partsPerMillion / 10_000
        var fraction = partsPerMillion % 10_000
        if fraction == 0 { return "\(whole)" }
        var width = 4
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: width - digits.count) + digits
    }
}

/// How amounts are written in one input: decimal separator, grouping, sign.
///
/// The default is recon's own format: an optional `-`, digits, and a point decimal.
public struct AmountFormat: Sendable, Hashable {
    /// `.` or `,`.
    public var decimalSeparator: UInt8
    /// Byte sequences allowed between groups of three digits (e.g. a space, a no-break space
    /// `C2 A0`, `.` or `'`). Empty: no grouping allowed.
    public var groupSeparators: [[UInt8]]
    /// Whether a leading `+` is accepted.
    public var allowsPlusSign: Bool
    /// Whether decimals beyond the currency's exponent are accepted when they are all zeros
    /// (`18.150` EUR). They never change the value; a non-zero excess digit is always an error.
    public var allowsExcessZeroDecimals: Bool

    public init(decimalSeparator: UInt8 = UInt8(ascii: "."), groupSeparators: [[UInt8]] = [],
                allowsPlusSign: Bool = false, allowsExcessZeroDecimals: Bool = false) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparators = groupSeparators
        self.allowsPlusSign = allowsPlusSign
        self.allowsExcessZeroDecimals = allowsExcessZeroDecimals
    }

    /// recon's own files: `-1234.50`, exactly as strict as the file contracts say.
    public static let strict = AmountFormat()
}

/// Why an amount could not be read. `column` is the 0-based byte offset of the offending byte.
public struct AmountError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case empty
        case unexpectedByte(UInt8)
        case noDigits
        case tooManyDecimals(allowed: Int)
        case misplacedGroupSeparator
        case overflow
    }

    public let kind: Kind
    public let offset: Int

    public var description: String {
        switch kind {
        case .empty: return "empty amount"
        case .unexpectedByte(let byte):
            let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
            return "unexpected \(shown) in amount"
        case .noDigits: return "amount has no digits"
        case .tooManyDecimals(let allowed): return "amount has more than \(allowed) decimals"
        case .misplacedGroupSeparator: return "thousands separator in the wrong place"
        case .overflow: return "amount is too large"
        }
    }
}

/// An ISO 4217 currency: its three-letter code and how many decimals its minor unit has.
///
/// The code and the exponent are packed into one `UInt32`, so that a currency is a cheap, trivially
/// hashable value of four bytes and `Money` sixteen (with a separate `Int` exponent it was 24: a
/// million settlements, vouchers and items hold several amounts each).
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The three ASCII letters in the low three bytes, big-endian; the exponent in the high byte.
    private let packed: UInt32

    init(packedCode: UInt32, exponent: Int) {
        precondition(packedCode < 1 << 24 && (0...9).contains(exponent), "currency \(packedCode) \(exponent)")
        self.packed = UInt32(exponent) << 24 | packedCode
    }

    /// The three ASCII letters, packed big-endian (first letter in the highest byte used).
    public var packedCode: UInt32 { packed & 0xFF_FFFF }

    /// Number of decimals of the minor unit: JPY 0, EUR 2, KWD 3, CLF 4.
    public var exponent: Int { Int(packed >> 24) }

    /// The currency for an ISO 4217 code, or nil when the code is not an active currency.
    public init?(code: String) {
        guard let packed = Currency.pack(code), let exponent = Currency.exponent(ofPacked: packed) else { return nil }
        self.init(packedCode: packed, exponent: exponent)
    }

    /// The currency for a code given as bytes (as readers see it).
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 3 else { return nil }
        var packed: UInt32 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(byte)
        }
        guard let exponent = Currency.exponent(ofPacked: packed) else { return nil }
        self.init(packedCode: packed, exponent: exponent)
    }

    public var code: String {
        // Written straight into the (small, inline) string: an array first was a heap allocation
        // for every currency code a writer printed.
        String(unsafeUninitializedCapacity: 3) { bytes in
            bytes[0] = UInt8(truncatingIfNeeded: packedCode >> 16)
            bytes[1] = UInt8(truncatingIfNeeded: packedCode >> 8)
            bytes[2] = UInt8(truncatingIfNeeded: packedCode)
            return 3
        }
    }

    public var description: String { code }

    /// 10^exponent, the number of minor units in one major unit.
    public var minorUnitsPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.packedCode < rhs.packedCode }

    static func pack(_ code: String) -> UInt32? {
        var packed: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(byte)
            count += 1
        }
        return count == 3 ? packed : nil
    }

    /// The exponent of each active code by its letters, `(first × 26 + second) × 26 + third`, -1
    /// for no currency: readers look up the code of every row, and hashing it into a dictionary
    /// cost ~200 instructions a lookup.
    static let exponents: [Int8] = {
        var exponents = [Int8](repeating: -1, count: 26 * 26 * 26)
        for (code, exponent) in iso4217 {
            exponents[slot(ofPacked: pack(code)!)!] = Int8(exponent)
        }
        return exponents
    }()

    private static func slot(ofPacked packed: UInt32) -> Int? {
        let first = Int(packed >> 16 & 0xFF) &- 65, second = Int(packed >> 8 & 0xFF) &- 65, third = Int(packed & 0xFF) &- 65
        guard packed < 1 << 24, (0..<26).contains(first), (0..<26).contains(second), (0..<26).contains(third) else {
            return nil
        }
        return (first * 26 + second) * 26 + third
    }

    /// The exponent of an active currency's packed code; nil for any other code.
    static func exponent(ofPacked packed: UInt32) -> Int? {
        guard let slot = slot(ofPacked: packed) else { return nil }
        let exponent = exponents[slot]
        return exponent < 0 ? nil : Int(exponent)
    }

    /// Every active code, sorted.
    public static var allCodes: [String] { iso4217.map(\.0).sorted() }
}

public extension Currency {
    static let EUR = Currency(code: "EUR")!
    static let NOK = Currency(code: "NOK")!
    static let SEK = Currency(code: "SEK")!
    static let USD = Currency(code: "USD")!
    static let CHF = Currency(code: "CHF")!
    static let JPY = Currency(code: "JPY")!
    static let KWD = Currency(code: "KWD")!
}

/// An amount of money: `Int64` minor units of one currency.
///
/// Arithmetic traps on overflow (Swift's default), and mixing currencies is a programming error
/// that traps too: the core only ever adds amounts it has already grouped by currency.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var magnitude: Money { Money(minorUnits: minorUnits < 0 ? -minorUnits : minorUnits, currency: currency) }

    /// The amount as text with exactly the currency's decimals, e.g. `-12.30`, `1500`, `0.125`.
    public var description: String { formatted() }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static prefix func - (value: Money) -> Money {
        Money(minorUnits: -value.minorUnits, currency: value.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }
}

public extension Money {
    /// `self × rate`, rounded once to minor units. The product is taken in `Int128`.
    func multiplied(by rate: Rate, rounding mode: RoundingMode) -> Money {
        let product = Int128(minorUnits) * Int128(rate.partsPerMillion)
        return Money(minorUnits: Int64(Rounding.divide(product, by: Int128(Rate.scale), mode: mode)),
                     currency: currency)
    }

    /// `self × numerator / denominator`, rounded once. Used for ratios such as `pct / (1 − pct)`.
    func scaled(numerator: Int64, denominator: Int64, rounding mode: RoundingMode) -> Money {
        let product = Int128(minorUnits) * Int128(numerator)
        return Money(minorUnits: Int64(Rounding.divide(product, by: Int128(denominator), mode: mode)),
                     currency: currency)
    }
}

public extension Sequence where Element == Money {
    /// The sum of amounts in one currency; `zero` fixes the currency of an empty sequence.
    func sum(startingAt zero: Money) -> Money { reduce(zero, +) }
}

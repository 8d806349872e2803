/// How a quotient is rounded to a whole number of minor units. Named at every call site.
public enum RoundingMode: String, Sendable, CaseIterable {
    /// Half away from zero: 0.5 → 1, −0.5 → −1. The default of accounting and of Dynamics 365.
    case halfUp = "half-up"
    /// Half to even (banker's rounding): 0.5 → 0, 1.5 → 2, 2.5 → 2.
    case halfEven = "half-even"
    /// Toward zero: drop the remainder. Used where a limit must never be exceeded.
    case towardZero = "toward-zero"
}

/// The one rounding function of recon.
public enum Rounding {
    /// `numerator / denominator` rounded to an integer with `mode`. `denominator` must not be zero.
    public static func divide(_ numerator: Int128, by denominator: Int128, mode: RoundingMode) -> Int128 {
        precondition(denominator != 0, "division by zero")
        let quotient = numerator / denominator  // truncates toward zero
        let remainder = numerator % denominator  // same sign as numerator
        if remainder == 0 { return quotient }
        let negative = (numerator < 0) != (denominator < 0)
        let step: Int128 = negative ? -1 : 1
        switch mode {
        case .towardZero:
            return quotient
        case .halfUp, .halfEven:
            let twiceRemainder = remainder.magnitude * 2
            let divisor = denominator.magnitude
            if twiceRemainder > divisor { return quotient + step }
            if twiceRemainder < divisor { return quotient }
            if mode == .halfUp { return quotient + step }
            return quotient % 2 == 0 ? quotient : quotient + step
        }
    }
}

/// Whether an overpaid, discounted item keeps its full discount (`specific`) or has the discount
/// reduced by the overpayment (`unspecific`), as Dynamics 365's "Cash discount administration".
public enum CashDiscountAdministration: String, Sendable, CaseIterable {
    case specific
    case unspecific
}

/// Which bank date decides whether a discount period is met.
public enum DiscountDate: String, Sendable, CaseIterable {
    case booking
    case value
}

/// An amount from the configuration, written without a currency (`"0.05"`), exact to 4 decimals.
/// It becomes money in the transaction's currency when used.
public struct ConfiguredAmount: Hashable, Sendable, CustomStringConvertible {
    /// The value × 10⁴.
    public let tenThousandths: Int64

    public init(tenThousandths: Int64) {
        self.tenThousandths = tenThousandths
    }

    public static let zero = ConfiguredAmount(tenThousandths: 0)

    /// Reads `"0.05"`, `"1"`, `"2.5"`: not negative, at most 4 decimals.
    public init?(_ text: String) {
        var text = text
        let value: Int64? = text.withUTF8 { bytes in
            try? Money.parseMinorUnits(bytes, exponent: 4, format: .strict)
        }
        guard let value, value >= 0 else { return nil }
        self.tenThousandths = value
    }

    /// The amount in `currency`, rounded toward zero so that a limit is never exceeded
    /// (`"0.5"` JPY is 0 yen).
    public func money(in currency: Currency) -> Money {
        let exponent = currency.exponent
        var units = Int128(tenThousandths)
        if exponent < 4 {
            var divisor: Int128 = 1
            for _ in exponent..<4 { divisor *= 10 }
            units = Rounding.divide(units, by: divisor, mode: .towardZero)
        } else {
            for _ in 4..<exponent { units *= 10 }
        }
        return Money(minorUnits: Int64(units), currency: currency)
    }

    public var description: String {
        let whole = tenThousandths / 10_000
        let fraction = tenThousandths % 10_000
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// The settlement parameters (Dynamics 365's "Accounts receivable parameters" that recon follows).
public struct SettlementPolicy: Hashable, Sendable {
    public var discountOnPartialPayments = true
    public var discountOnCreditNotes = true
    public var cashDiscountAdministration = CashDiscountAdministration.specific
    public var maxUnderpayment = ConfiguredAmount.zero
    public var maxOverpayment = ConfiguredAmount.zero
    public var minimumRefund = ConfiguredAmount.zero
    public var discountDate = DiscountDate.booking
    public var rounding = RoundingMode.halfUp

    public init() {}
}

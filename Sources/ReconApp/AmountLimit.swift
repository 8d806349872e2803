import ReconCore
import ReconFormats

/// recon counts money in `Int64` minor units and adds amounts up everywhere (receipts, an item's
/// payments, a voucher's lines, the summary). Each amount a reader accepts fits, but two that fit
/// need not add up: two receipts of 92,233,720,368,547,758.07 NOK overflowed and stopped recon.
/// So a run's amounts must add up, per currency, to at most 2⁶¹ minor units
/// (23,058,430,092,136,939.52 EUR) — a quarter of the range, so that every sum and difference the
/// settlement forms (a payment against several items, discounts, write-offs) fits too. A run
/// beyond it is an input error at the amount that crosses the line.
public struct AmountLimit: Sendable {
    public static let maxTotalMinorUnits: Int128 = 1 << 61

    private var totals: [Currency: Int128] = [:]
    private var findings: [Finding] = []

    public init() {}

    /// Throws `ReadError.invalid` (exit 65) when the open items and transactions of one currency
    /// add up, in magnitude, to more than `maxTotalMinorUnits`.
    public static func check(items: [OpenItem], transactions: [BankTransaction] = []) throws {
        var limit = AmountLimit()
        limit.add(items)
        limit.add(transactions)
        try limit.check()
    }

    /// Counts the open items (they come first: a run that crosses the line in them names an item).
    public mutating func add(_ items: [OpenItem]) {
        for item in items { add(item.amount, at: item.origin ?? SourceLocation(file: "open items", line: 1)) }
    }

    public mutating func add(_ transactions: [BankTransaction]) {
        for transaction in transactions { add(transaction.amount, at: transaction.origin) }
    }

    /// Throws the findings so far, if any.
    public func check() throws {
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    private mutating func add(_ amount: Money, at origin: SourceLocation) {
        let before = totals[amount.currency, default: 0]
        let after = before + Int128(amount.minorUnits.magnitude)
        totals[amount.currency] = after
        if before <= Self.maxTotalMinorUnits && after > Self.maxTotalMinorUnits {
            let limit = Money(minorUnits: Int64(Self.maxTotalMinorUnits), currency: amount.currency)
            findings.append(Finding(origin, "the \(amount.currency.code) amounts of this run add up to more than "
                                    + "\(limit) \(amount.currency.code), the most recon adds up exactly (this amount crosses it)"))
        }
    }
}

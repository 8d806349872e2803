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

    /// Per currency, in the order first met: a run has a few, and a dictionary hashed each
    /// item's currency (600 instructions an item with the copy of the item, 1.1M items a run).
    private var totals: [(currency: Currency, total: Int128)] = []
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
    /// Reads the stored fields through the buffer: passing an item on would copy all its strings.
    public mutating func add(_ items: [OpenItem]) {
        items.withUnsafeBufferPointer { items in
            for index in items.indices where crosses(items[index].amount) {
                report(items[index].amount, at: items[index].origin ?? SourceLocation(file: "open items", line: 1))
            }
        }
    }

    public mutating func add(_ transactions: [BankTransaction]) {
        transactions.withUnsafeBufferPointer { transactions in
            for index in transactions.indices where crosses(transactions[index].amount) {
                report(transactions[index].amount, at: transactions[index].origin)
            }
        }
    }

    /// Throws the findings so far, if any.
    public func check() throws {
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    /// Adds `amount` to its currency's total; true when the total crosses the limit with it.
    private mutating func crosses(_ amount: Money) -> Bool {
        let slot = totals.firstIndex { $0.currency == amount.currency } ?? {
            totals.append((amount.currency, 0))
            return totals.count - 1
        }()
        let before = totals[slot].total
        let after = before + Int128(amount.minorUnits.magnitude)
        totals[slot].total = after
        return before <= Self.maxTotalMinorUnits && after > Self.maxTotalMinorUnits
    }

    private mutating func report(_ amount: Money, at origin: SourceLocation) {
        let limit = Money(minorUnits: Int64(Self.maxTotalMinorUnits), currency: amount.currency)
        findings.append(Finding(origin, "the \(amount.currency.code) amounts of this run add up to more than "
                                + "\(limit) \(amount.currency.code), the most recon adds up exactly (this amount crosses it)"))
    }
}

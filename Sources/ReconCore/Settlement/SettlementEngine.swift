/// What settling one payment against its items produced.
public struct SettlementOutcome: Sendable {
    public var rows: [Settlement] = []
    /// Money left over after every item is settled: becomes a customer credit.
    public var unapplied: Money
    /// The last item stays partly open beyond the underpayment tolerance: a person should look.
    public var leftPartiallyOpen: Bool = false

    init(currency: Currency) {
        unapplied = .zero(currency)
    }
}

/// Settles one payment against a set of open items with the Dynamics 365 rules: cash discount
/// tiers (also on partial payments and credit notes), under/overpayment tolerances, specific or
/// unspecific discount administration, and allocation oldest first.
///
/// Pure: it computes rows from the items' current balances; the caller applies them to the book.
public struct SettlementEngine: Sendable {
    public var policy: SettlementPolicy

    public init(policy: SettlementPolicy) {
        self.policy = policy
    }

    /// The order in which `items` receive a payment made on `date`: credit notes and credits first
    /// (they add to what the payment can settle), then invoices oldest first; on the same date the
    /// larger available discount first; then by id, so that the order never depends on file order.
    public func allocationOrder(_ items: [OpenItem], on date: CalendarDate) -> [OpenItem] {
        // Most payments settle one item: nothing to order, and no copies of it to make.
        guard items.count > 1 else { return items }
        let keyed = items.map { item in (item, availableDiscountMagnitude(item, date)) }
        return keyed.sorted { lhs, rhs in
            let lhsFirst = lhs.0.openAmount.isNegative, rhsFirst = rhs.0.openAmount.isNegative
            if lhsFirst != rhsFirst { return lhsFirst }
            if lhs.0.invoiceDate != rhs.0.invoiceDate { return lhs.0.invoiceDate < rhs.0.invoiceDate }
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            return lhs.0.invoiceId < rhs.0.invoiceId
        }.map(\.0)
    }

    private func availableDiscountMagnitude(_ item: OpenItem, _ date: CalendarDate) -> Int64 {
        item.availableDiscount(on: date, policy: policy).amount.minorUnits.magnitude.clampedToInt64
    }

    /// Settles `payment` (positive) against `items`, already in allocation order, for a payment whose
    /// discount date is `date`. Every item but the last is settled in full while the money lasts; the
    /// last one touched takes what remains, with tolerances and discount administration applied.
    public func settle(payment: Money, on date: CalendarDate, items: [OpenItem],
                       entryId: String, bankRef: String?, bookingDate: CalendarDate) -> SettlementOutcome {
        precondition(payment.isPositive, "settle() takes incoming payments")
        var outcome = SettlementOutcome(currency: payment.currency)
        var remaining = payment
        func row(_ item: OpenItem, paid: Money, discount: Money, writeOff: Money, kind: SettlementKind) -> Settlement {
            let settled = paid + discount + writeOff
            return Settlement(entryId: entryId, bankRef: bankRef, bookingDate: bookingDate,
                              invoiceId: item.invoiceId, customerId: item.customerId, paid: paid,
                              cashDiscount: discount, writeOff: writeOff, openBefore: item.openAmount,
                              openAfter: item.openAmount - settled, kind: kind)
        }
        for (position, item) in items.enumerated() {
            precondition(item.currency == payment.currency, "item \(item.invoiceId) in another currency")
            if item.openAmount.isZero { continue }
            if remaining.isZero && !item.openAmount.isNegative { break }
            let (rate, discount) = item.availableDiscount(on: date, policy: policy)
            let target = item.openAmount - discount
            let isLast = position == items.count - 1
            if item.openAmount.isNegative || (!isLast && remaining >= target) {
                let kind: SettlementKind = item.openAmount.isNegative ? .creditNote : (discount.isZero ? .exact : .discount)
                outcome.rows.append(row(item, paid: target, discount: discount, writeOff: .zero(item.currency), kind: kind))
                remaining -= target
                continue
            }
            settleLast(item, paying: remaining, rate: rate, discount: discount, into: &outcome, row: row)
            remaining = .zero(payment.currency)
            break
        }
        outcome.unapplied += remaining
        return outcome
    }

    /// The single-item rules for the item that takes the rest of the payment.
    private func settleLast(_ item: OpenItem, paying paid: Money, rate: Rate?, discount: Money,
                            into outcome: inout SettlementOutcome,
                            row: (OpenItem, Money, Money, Money, SettlementKind) -> Settlement) {
        let zero = Money.zero(item.currency)
        let target = item.openAmount - discount
        let fullKind: (Money) -> SettlementKind = { $0.isZero ? .exact : .discount }
        if paid == target {
            outcome.rows.append(row(item, paid, discount, zero, fullKind(discount)))
        } else if paid < target {
            let shortfall = target - paid
            if shortfall <= policy.maxUnderpayment.money(in: item.currency) {
                outcome.rows.append(row(item, paid, discount, shortfall, .underpayment))
                return
            }
            var partialDiscount = zero
            if let rate, policy.discountOnPartialPayments {
                partialDiscount = paid.scaled(numerator: rate.partsPerMillion,
                                              denominator: Rate.scale - rate.partsPerMillion,
                                              rounding: policy.rounding)
                partialDiscount = min(partialDiscount, discount)
            }
            outcome.rows.append(row(item, paid, partialDiscount, zero, partialDiscount.isZero ? .partial : .partialDiscount))
            outcome.leftPartiallyOpen = true
        } else {
            var excess = paid - target
            var granted = discount
            if policy.cashDiscountAdministration == .unspecific && granted.isPositive {
                let cut = min(excess, granted)
                granted -= cut
                excess -= cut
            }
            if excess.isZero {
                outcome.rows.append(row(item, paid, granted, zero, fullKind(granted)))
            } else if excess <= policy.maxOverpayment.money(in: item.currency) {
                outcome.rows.append(row(item, paid, granted, -excess, .overpayment))
            } else {
                outcome.rows.append(row(item, paid - excess, granted, zero, fullKind(granted)))
                outcome.unapplied += excess
            }
        }
    }
}

extension UInt64 {
    var clampedToInt64: Int64 { self > UInt64(Int64.max) ? Int64.max : Int64(self) }
}

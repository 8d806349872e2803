/// How an item was settled by a transaction.
public enum SettlementKind: String, Sendable, CaseIterable {
    case exact
    case partial
    case discount
    case partialDiscount = "partial_discount"
    case underpayment
    case overpayment
    case fullSettlement = "full_settlement"
    case creditNote = "credit_note"
}

/// One row of settlements.csv: what one transaction did to one open item.
///
/// `settled = paid + cashDiscount + writeOff = openBefore − openAfter` always holds (checked by
/// `checkInvariants`).
public struct Settlement: Sendable, Hashable {
    // Declared in this order so that the kind and the date fill the amounts' padding: 160 bytes a
    // row, not 168.
    public var entryId: String
    public var bankRef: String?
    public var invoiceId: String
    public var customerId: String
    /// The criteria that decided the match (filled by the matcher).
    public var rule: String
    /// Bank money applied to the item.
    public var paid: Money
    public var kind: SettlementKind
    public var cashDiscount: Money
    public var bookingDate: CalendarDate
    /// Positive: underpayment written off; negative: overpayment absorbed.
    public var writeOff: Money
    public var openBefore: Money
    public var openAfter: Money

    public init(entryId: String, bankRef: String?, bookingDate: CalendarDate, invoiceId: String,
                customerId: String, paid: Money, cashDiscount: Money, writeOff: Money,
                openBefore: Money, openAfter: Money, kind: SettlementKind, rule: String = "") {
        self.entryId = entryId
        self.bankRef = bankRef
        self.bookingDate = bookingDate
        self.invoiceId = invoiceId
        self.customerId = customerId
        self.paid = paid
        self.cashDiscount = cashDiscount
        self.writeOff = writeOff
        self.openBefore = openBefore
        self.openAfter = openAfter
        self.kind = kind
        self.rule = rule
    }

    public var currency: Currency { paid.currency }
    public var settled: Money { paid + cashDiscount + writeOff }

    public func checkInvariants() {
        precondition(settled == openBefore - openAfter,
                     "settlement \(entryId) → \(invoiceId): settled \(settled) ≠ \(openBefore) − \(openAfter)")
    }
}

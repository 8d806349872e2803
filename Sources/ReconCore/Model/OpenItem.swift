/// What an open item is.
public enum OpenItemType: String, Sendable, CaseIterable {
    case invoice
    case creditNote = "credit_note"
    /// An unapplied customer credit, e.g. the rest of an overpayment.
    case credit
}

/// One cash-discount tier: `percent` if paid within `days` days of the invoice date.
public struct DiscountTier: Hashable, Sendable, CustomStringConvertible {
    public var rate: Rate
    public var days: Int

    public init(rate: Rate, days: Int) {
        self.rate = rate
        self.days = days
    }

    /// `2%/5`.
    public var description: String { "\(rate)%/\(days)" }

    /// Parses tiers such as `2%/5 1%/14`; nil when any tier is malformed.
    public static func parseTiers(_ text: String) -> [DiscountTier]? {
        var tiers: [DiscountTier] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].hasSuffix("%"),
                  let rate = Rate(percent: parts[0].dropLast()),
                  let days = Int(parts[1]), days >= 0, days <= 3660 else { return nil }
            tiers.append(DiscountTier(rate: rate, days: days))
        }
        return tiers
    }
}

/// An invoice, credit note or customer credit with the amount still open.
public struct OpenItem: Sendable, Hashable {
    public var invoiceId: String
    public var customerId: String
    public var customerName: String?
    public var type: OpenItemType
    /// The original amount; negative for credit notes and credits.
    public var amount: Money
    /// What is still open; same sign as `amount`.
    public var openAmount: Money
    public var invoiceDate: CalendarDate
    public var dueDate: CalendarDate?
    public var cashDiscount: [DiscountTier]
    /// Cash discount already granted on this item by earlier payments (same sign as `amount`), so
    /// that all payments together never get more than the tier allows on the original amount.
    public var discountTaken: Money
    /// The payment reference printed on the document (KID, RF, OCR).
    public var reference: String?
    public var customerIban: String?
    /// Where the item was read, for messages.
    public var origin: SourceLocation?

    public init(invoiceId: String, customerId: String, customerName: String? = nil, type: OpenItemType,
                amount: Money, openAmount: Money? = nil, invoiceDate: CalendarDate, dueDate: CalendarDate? = nil,
                cashDiscount: [DiscountTier] = [], discountTaken: Money? = nil, reference: String? = nil, customerIban: String? = nil,
                origin: SourceLocation? = nil) {
        self.invoiceId = invoiceId
        self.customerId = customerId
        self.customerName = customerName
        self.type = type
        self.amount = amount
        self.openAmount = openAmount ?? amount
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.cashDiscount = cashDiscount
        self.discountTaken = discountTaken ?? .zero(amount.currency)
        self.reference = reference
        self.customerIban = customerIban
        self.origin = origin
    }

    public var currency: Currency { amount.currency }
}

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
///
/// Its texts and discount tiers live in one shared box, copied on write, for the reason
/// `BankTransaction` gives: an item is copied into the book, the indexes' sorts, the candidates and
/// the settlement rows, and each copy counted seven references in cold objects; now one. The
/// amounts and dates settlement changes and compares stay inline.
public struct OpenItem: Sendable, Hashable {
    private var texts: Texts
    public var type: OpenItemType
    /// The original amount; negative for credit notes and credits.
    public var amount: Money
    /// What is still open; same sign as `amount`.
    public var openAmount: Money
    public var invoiceDate: CalendarDate
    public var dueDate: CalendarDate?
    /// Cash discount already granted on this item by earlier payments (same sign as `amount`), so
    /// that all payments together never get more than the tier allows on the original amount.
    public var discountTaken: Money

    public var invoiceId: String {
        get { texts.invoiceId }
        set { uniqueTexts().invoiceId = newValue }
    }
    public var customerId: String {
        get { texts.customerId }
        set { uniqueTexts().customerId = newValue }
    }
    public var customerName: String? {
        get { texts.customerName }
        set { uniqueTexts().customerName = newValue }
    }
    public var cashDiscount: [DiscountTier] {
        get { texts.cashDiscount }
        set { uniqueTexts().cashDiscount = newValue }
    }
    /// The payment reference printed on the document (KID, RF, OCR).
    public var reference: String? {
        get { texts.reference }
        set { uniqueTexts().reference = newValue }
    }
    public var customerIban: String? {
        get { texts.customerIban }
        set { uniqueTexts().customerIban = newValue }
    }
    /// Where the item was read, for messages.
    public var origin: SourceLocation? {
        get { texts.origin }
        set { uniqueTexts().origin = newValue }
    }

    public init(invoiceId: String, customerId: String, customerName: String? = nil, type: OpenItemType,
                amount: Money, openAmount: Money? = nil, invoiceDate: CalendarDate, dueDate: CalendarDate? = nil,
                cashDiscount: [DiscountTier] = [], discountTaken: Money? = nil, reference: String? = nil, customerIban: String? = nil,
                origin: SourceLocation? = nil) {
        self.texts = Texts(invoiceId: invoiceId, customerId: customerId, customerName: customerName,
                           cashDiscount: cashDiscount, reference: reference, customerIban: customerIban,
                           origin: origin)
        self.type = type
        self.amount = amount
        self.openAmount = openAmount ?? amount
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.discountTaken = discountTaken ?? .zero(amount.currency)
    }

    /// Moves where the item was read `lines` further down its file, in place: through `origin`'s
    /// getter and setter each item's file name was retained and released again (~300 instructions
    /// an item of a block read on another core, whose lines count from the block's start).
    public mutating func shiftOrigin(by lines: Int) {
        guard lines != 0, texts.origin != nil else { return }
        uniqueTexts().origin!.line += lines
    }

    /// The texts, copied first when another item shares them.
    private mutating func uniqueTexts() -> Texts {
        if !isKnownUniquelyReferenced(&texts) { texts = texts.copy() }
        return texts
    }

    public static func == (lhs: OpenItem, rhs: OpenItem) -> Bool {
        lhs.type == rhs.type && lhs.amount == rhs.amount && lhs.openAmount == rhs.openAmount
            && lhs.invoiceDate == rhs.invoiceDate && lhs.dueDate == rhs.dueDate
            && lhs.discountTaken == rhs.discountTaken
            && (lhs.texts === rhs.texts || lhs.texts.hasSameTexts(as: rhs.texts))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(amount)
        hasher.combine(openAmount)
        hasher.combine(invoiceDate)
        hasher.combine(dueDate)
        hasher.combine(discountTaken)
        texts.hash(into: &hasher)
    }

    public var currency: Currency { amount.currency }
}

extension OpenItem {
    /// The texts and tiers of an item. Changed only while one item holds it (`uniqueTexts()`), so
    /// sharing it between threads is as safe as sharing an array's storage.
    private final class Texts: @unchecked Sendable {
        var invoiceId: String
        var customerId: String
        var customerName: String?
        var cashDiscount: [DiscountTier]
        var reference: String?
        var customerIban: String?
        var origin: SourceLocation?

        init(invoiceId: String, customerId: String, customerName: String?, cashDiscount: [DiscountTier],
             reference: String?, customerIban: String?, origin: SourceLocation?) {
            self.invoiceId = invoiceId
            self.customerId = customerId
            self.customerName = customerName
            self.cashDiscount = cashDiscount
            self.reference = reference
            self.customerIban = customerIban
            self.origin = origin
        }

        func copy() -> Texts {
            Texts(invoiceId: invoiceId, customerId: customerId, customerName: customerName,
                  cashDiscount: cashDiscount, reference: reference, customerIban: customerIban, origin: origin)
        }

        func hasSameTexts(as other: Texts) -> Bool {
            invoiceId == other.invoiceId && customerId == other.customerId && customerName == other.customerName
                && cashDiscount == other.cashDiscount && reference == other.reference
                && customerIban == other.customerIban && origin == other.origin
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(invoiceId)
            hasher.combine(customerId)
            hasher.combine(customerName)
            hasher.combine(cashDiscount)
            hasher.combine(reference)
            hasher.combine(customerIban)
            hasher.combine(origin)
        }
    }
}

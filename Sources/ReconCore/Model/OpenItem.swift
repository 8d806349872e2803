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
    // Sendable as an array of its values would be: the box is changed only while unshared.
    nonisolated(unsafe) private var texts: Texts
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
        get { texts.header.invoiceId }
        set { uniqueTexts().header.invoiceId = newValue }
    }
    public var customerId: String {
        get { texts.header.customerId }
        set { uniqueTexts().header.customerId = newValue }
    }
    public var customerName: String? {
        get { texts.string(slot: TextField.customerName.rawValue) }
        set { replace(.customerName, with: newValue) }
    }
    public var cashDiscount: [DiscountTier] {
        get { texts.header.cashDiscount }
        set { uniqueTexts().header.cashDiscount = newValue }
    }
    /// The payment reference printed on the document (KID, RF, OCR).
    public var reference: String? {
        get { texts.string(slot: TextField.reference.rawValue) }
        set { replace(.reference, with: newValue) }
    }
    public var customerIban: String? {
        get { texts.string(slot: TextField.customerIban.rawValue) }
        set { replace(.customerIban, with: newValue) }
    }
    /// Where the item was read, for messages.
    public var origin: SourceLocation? {
        get { texts.header.origin }
        set { uniqueTexts().header.origin = newValue }
    }

    /// `body` on the UTF-8 of a text, read in place (none when the field is absent).
    public func withBytes<R>(of field: TextField, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        try texts.withBytes(slot: field.rawValue, body)
    }

    public init(invoiceId: String, customerId: String, customerName: String? = nil, type: OpenItemType,
                amount: Money, openAmount: Money? = nil, invoiceDate: CalendarDate, dueDate: CalendarDate? = nil,
                cashDiscount: [DiscountTier] = [], discountTaken: Money? = nil, reference: String? = nil, customerIban: String? = nil,
                origin: SourceLocation? = nil) {
        let texts = Texts.make(count: TextField.count, text: { slot in
            switch TextField(rawValue: slot)! {
            case .customerName: customerName
            case .reference: reference
            case .customerIban: customerIban
            }
        }, header: { TextsHeader(invoiceId: invoiceId, customerId: customerId, cashDiscount: cashDiscount, origin: origin) })
        self.init(texts: texts, type: type, amount: amount, openAmount: openAmount, invoiceDate: invoiceDate,
                  dueDate: dueDate, discountTaken: discountTaken)
    }

    /// An item whose name, reference and IBAN a reader gathered as bytes (`TextBytes`).
    public init(invoiceId: String, customerId: String, type: OpenItemType, amount: Money, openAmount: Money?,
                invoiceDate: CalendarDate, dueDate: CalendarDate?, cashDiscount: [DiscountTier], discountTaken: Money?,
                texts: borrowing TextBytes, origin: SourceLocation?) {
        let texts = Texts.make(count: TextField.count, texts: texts) {
            TextsHeader(invoiceId: invoiceId, customerId: customerId, cashDiscount: cashDiscount, origin: origin)
        }
        self.init(texts: texts, type: type, amount: amount, openAmount: openAmount, invoiceDate: invoiceDate,
                  dueDate: dueDate, discountTaken: discountTaken)
    }

    @inline(__always)
    private init(texts: Texts, type: OpenItemType, amount: Money, openAmount: Money?, invoiceDate: CalendarDate,
                 dueDate: CalendarDate?, discountTaken: Money?) {
        self.texts = texts
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
        guard lines != 0, texts.header.origin != nil else { return }
        uniqueTexts().header.origin!.line += lines
    }

    /// The texts, copied first when another item shares them.
    private mutating func uniqueTexts() -> Texts {
        if !isKnownUniquelyReferenced(&texts) { texts = texts.copy() }
        return texts
    }

    private mutating func replace(_ field: TextField, with value: String?) {
        texts = texts.replacing(slot: field.rawValue, count: TextField.count, with: value)
    }

    public static func == (lhs: OpenItem, rhs: OpenItem) -> Bool {
        lhs.type == rhs.type && lhs.amount == rhs.amount && lhs.openAmount == rhs.openAmount
            && lhs.invoiceDate == rhs.invoiceDate && lhs.dueDate == rhs.dueDate
            && lhs.discountTaken == rhs.discountTaken
            && (lhs.texts === rhs.texts || lhs.texts.header == rhs.texts.header
                && lhs.texts.hasSameTexts(as: rhs.texts, count: TextField.count))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(amount)
        hasher.combine(openAmount)
        hasher.combine(invoiceDate)
        hasher.combine(dueDate)
        hasher.combine(discountTaken)
        hasher.combine(texts.header)
        texts.hashTexts(into: &hasher, count: TextField.count)
    }

    public var currency: Currency { amount.currency }
}

extension OpenItem {
    /// The texts kept as bytes in the item's box, made strings when read (see
    /// `BankTransaction.TextField`); the ids stay strings.
    public enum TextField: Int, CaseIterable, Sendable {
        case customerName, reference, customerIban

        static let count = 3
    }

    /// What an item's box holds before the texts' bytes. Equal and hashed by its strings, tiers
    /// and origin (`ends` and `present` follow from the texts, compared on their own).
    struct TextsHeader: TextBoxHeader, Hashable {
        var invoiceId: String
        var customerId: String
        var cashDiscount: [DiscountTier]
        var origin: SourceLocation?
        var ends = TextEnds()
        var present: UInt8 = 0

        static func == (lhs: TextsHeader, rhs: TextsHeader) -> Bool {
            lhs.invoiceId == rhs.invoiceId && lhs.customerId == rhs.customerId
                && lhs.cashDiscount == rhs.cashDiscount && lhs.origin == rhs.origin
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(invoiceId)
            hasher.combine(customerId)
            hasher.combine(cashDiscount)
            hasher.combine(origin)
        }
    }

    typealias Texts = TextBox<TextsHeader>
}

extension TextBytes {
    /// `field` set to `value`, which must be UTF-8.
    @inlinable
    public func set(_ field: OpenItem.TextField, _ value: UnsafeBufferPointer<UInt8>) {
        set(slot: field.rawValue, value)
    }

    /// `field` set to `value`, absent when nil.
    @inlinable
    public func set(_ field: OpenItem.TextField, _ value: String?) {
        set(slot: field.rawValue, value)
    }
}

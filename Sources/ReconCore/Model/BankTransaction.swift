/// The booking status of a bank entry. Only booked entries are ever settled.
public enum EntryStatus: String, Sendable, CaseIterable {
    case booked
    case pending
    case info
}

/// One payment as the matcher sees it: a camt `TxDtls`, an MT940 `:61:` line or a CSV row.
///
/// A value like any other struct, but its texts live in one shared box (copied on write, as an
/// `Array`'s elements are): a transaction is copied many times between reading and writing — into
/// the run's array, into the clues, into settlement's candidates and rows — and each copy of nine
/// separate strings counted nine references, each in a string object cold in the cache. The box
/// makes that one; money, dates and status stay inline, where the hot loops read them.
public struct BankTransaction: Sendable, Hashable {
    private var texts: Texts
    /// Signed: credits (money in) positive.
    public var amount: Money
    public var bookingDate: CalendarDate
    public var valueDate: CalendarDate?
    public var status: EntryStatus
    public var isReversal: Bool

    /// Stable identity: account, bank reference and TxDtls index, or a content hash (see `EntryIdentity`).
    public var entryId: String {
        get { texts.entryId }
        set { uniqueTexts().entryId = newValue }
    }
    /// The bank's own reference (camt AcctSvcrRef of the TxDtls, else of the entry).
    public var bankRef: String? {
        get { texts.bankRef }
        set { uniqueTexts().bankRef = newValue }
    }
    /// The account the statement is for (IBAN or other id); empty when the file does not say.
    public var account: String {
        get { texts.account }
        set { uniqueTexts().account = newValue }
    }
    public var endToEndId: String? {
        get { texts.endToEndId }
        set { uniqueTexts().endToEndId = newValue }
    }
    /// A structured creditor reference (camt `Strd/CdtrRefInf/Ref`, KID, RF, QRR).
    public var structuredRef: String? {
        get { texts.structuredRef }
        set { uniqueTexts().structuredRef = newValue }
    }
    public var payerName: String? {
        get { texts.payerName }
        set { uniqueTexts().payerName = newValue }
    }
    public var payerIban: String? {
        get { texts.payerIban }
        set { uniqueTexts().payerIban = newValue }
    }
    /// Unstructured remittance text.
    public var text: String {
        get { texts.text }
        set { uniqueTexts().text = newValue }
    }
    public var origin: SourceLocation {
        get { texts.origin }
        set { uniqueTexts().origin = newValue }
    }

    public init(entryId: String = "", bankRef: String? = nil, account: String = "", amount: Money,
                bookingDate: CalendarDate, valueDate: CalendarDate? = nil, status: EntryStatus = .booked,
                isReversal: Bool = false, endToEndId: String? = nil, structuredRef: String? = nil,
                payerName: String? = nil, payerIban: String? = nil, text: String = "",
                origin: SourceLocation) {
        self.texts = Texts(entryId: entryId, bankRef: bankRef, account: account, endToEndId: endToEndId,
                           structuredRef: structuredRef, payerName: payerName, payerIban: payerIban,
                           text: text, origin: origin)
        self.amount = amount
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.status = status
        self.isReversal = isReversal
    }

    /// Moves where the transaction was read `lines` further down its file, in place (see
    /// `OpenItem.shiftOrigin(by:)`).
    public mutating func shiftOrigin(by lines: Int) {
        guard lines != 0 else { return }
        uniqueTexts().origin.line += lines
    }

    /// The texts, copied first when another transaction shares them.
    private mutating func uniqueTexts() -> Texts {
        if !isKnownUniquelyReferenced(&texts) { texts = texts.copy() }
        return texts
    }

    public static func == (lhs: BankTransaction, rhs: BankTransaction) -> Bool {
        lhs.amount == rhs.amount && lhs.bookingDate == rhs.bookingDate && lhs.valueDate == rhs.valueDate
            && lhs.status == rhs.status && lhs.isReversal == rhs.isReversal
            && (lhs.texts === rhs.texts || lhs.texts.hasSameTexts(as: rhs.texts))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(amount)
        hasher.combine(bookingDate)
        hasher.combine(valueDate)
        hasher.combine(status)
        hasher.combine(isReversal)
        texts.hash(into: &hasher)
    }

    /// An incoming customer payment that recon may settle: booked, not a reversal, money in.
    public var isReceipt: Bool { Self.isReceipt(amount: amount, status: status, isReversal: isReversal) }

    /// `isReceipt` of the fields, for a loop that reads them in place.
    static func isReceipt(amount: Money, status: EntryStatus, isReversal: Bool) -> Bool {
        status == .booked && !isReversal && amount.isPositive
    }

    /// The content that identifies a transaction when the bank gives no reference.
    public var contentHash: String {
        var hash = StableHash()
        hash.combine(field: account)
        hash.combine(field: bookingDate.description)
        hash.combine(field: amount.currency.code)
        hash.combine(field: String(amount.minorUnits))
        hash.combine(field: payerName ?? "")
        hash.combine(field: payerIban ?? "")
        hash.combine(field: structuredRef ?? "")
        hash.combine(field: endToEndId ?? "")
        hash.combine(field: text)
        return hash.hex
    }

    /// Whether two transactions carry the same money and words (used to tell a duplicate from a
    /// conflicting reuse of the same id).
    public func hasSameContent(as other: BankTransaction) -> Bool {
        amount == other.amount && bookingDate == other.bookingDate && account == other.account
            && payerName == other.payerName && payerIban == other.payerIban
            && structuredRef == other.structuredRef && endToEndId == other.endToEndId && text == other.text
    }
}

extension BankTransaction {
    /// The strings of a transaction. Changed only while one transaction holds it (`uniqueTexts()`),
    /// so sharing it between threads is as safe as sharing an array's storage.
    private final class Texts: @unchecked Sendable {
        var entryId: String
        var bankRef: String?
        var account: String
        var endToEndId: String?
        var structuredRef: String?
        var payerName: String?
        var payerIban: String?
        var text: String
        var origin: SourceLocation

        init(entryId: String, bankRef: String?, account: String, endToEndId: String?, structuredRef: String?,
             payerName: String?, payerIban: String?, text: String, origin: SourceLocation) {
            self.entryId = entryId
            self.bankRef = bankRef
            self.account = account
            self.endToEndId = endToEndId
            self.structuredRef = structuredRef
            self.payerName = payerName
            self.payerIban = payerIban
            self.text = text
            self.origin = origin
        }

        func copy() -> Texts {
            Texts(entryId: entryId, bankRef: bankRef, account: account, endToEndId: endToEndId,
                  structuredRef: structuredRef, payerName: payerName, payerIban: payerIban, text: text,
                  origin: origin)
        }

        func hasSameTexts(as other: Texts) -> Bool {
            entryId == other.entryId && bankRef == other.bankRef && account == other.account
                && endToEndId == other.endToEndId && structuredRef == other.structuredRef
                && payerName == other.payerName && payerIban == other.payerIban && text == other.text
                && origin == other.origin
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(entryId)
            hasher.combine(bankRef)
            hasher.combine(account)
            hasher.combine(endToEndId)
            hasher.combine(structuredRef)
            hasher.combine(payerName)
            hasher.combine(payerIban)
            hasher.combine(text)
            hasher.combine(origin)
        }
    }
}

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
/// makes that one; money, dates and status stay inline, where the hot loops read them. The
/// descriptive texts are bytes in the box itself (`TextField`), made strings when read.
public struct BankTransaction: Sendable, Hashable {
    // Sendable as an array of its values would be: the box is changed only while unshared.
    nonisolated(unsafe) private var texts: Texts
    /// Signed: credits (money in) positive.
    public var amount: Money
    public var bookingDate: CalendarDate
    public var valueDate: CalendarDate?
    public var status: EntryStatus
    public var isReversal: Bool

    /// Stable identity: account, bank reference and TxDtls index, or a content hash (see `EntryIdentity`).
    public var entryId: String {
        get { texts.header.entryIdIndex == 0 ? texts.header.entryId : composedEntryId }
        set {
            let texts = uniqueTexts()
            texts.header.entryId = newValue
            texts.header.entryIdIndex = 0
        }
    }
    /// The bank's own reference (camt AcctSvcrRef of the TxDtls, else of the entry).
    public var bankRef: String? {
        get { texts.header.bankRef }
        set {
            keepEntryId()
            uniqueTexts().header.bankRef = newValue
        }
    }
    /// The account the statement is for (IBAN or other id); empty when the file does not say.
    public var account: String {
        get { texts.header.account }
        set {
            keepEntryId()
            uniqueTexts().header.account = newValue
        }
    }

    /// The entry id made a string of its own when it was kept as its parts (`entryIdIndex`):
    /// then reading it makes no string each time, and the account and bank reference may change.
    /// A run that keeps its transactions calls it as it takes them.
    public mutating func keepEntryId() {
        guard texts.header.entryIdIndex != 0 else { return }
        entryId = composedEntryId
    }

    /// The entry id of its parts (`entryIdIndex` not 0).
    private var composedEntryId: String {
        EntryIdentity.base(account: texts.header.account, reference: texts.header.bankRef ?? "",
                           index: texts.header.entryIdIndex)
    }
    public var endToEndId: String? {
        get { texts.string(slot: TextField.endToEndId.rawValue) }
        set { replace(.endToEndId, with: newValue) }
    }
    /// A structured creditor reference (camt `Strd/CdtrRefInf/Ref`, KID, RF, QRR).
    public var structuredRef: String? {
        get { texts.string(slot: TextField.structuredRef.rawValue) }
        set { replace(.structuredRef, with: newValue) }
    }
    public var payerName: String? {
        get { texts.string(slot: TextField.payerName.rawValue) }
        set { replace(.payerName, with: newValue) }
    }
    public var payerIban: String? {
        get { texts.string(slot: TextField.payerIban.rawValue) }
        set { replace(.payerIban, with: newValue) }
    }
    /// Unstructured remittance text.
    public var text: String {
        get { texts.string(slot: TextField.text.rawValue) ?? "" }
        set { replace(.text, with: newValue) }
    }
    public var origin: SourceLocation {
        get { texts.header.origin }
        set { uniqueTexts().header.origin = newValue }
    }

    /// `body` on the UTF-8 of a text, read in place (none when the field is absent).
    public func withBytes<R>(of field: TextField, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        try texts.withBytes(slot: field.rawValue, body)
    }

    private mutating func replace(_ field: TextField, with value: String?) {
        texts = texts.replacing(slot: field.rawValue, count: TextField.count, with: value)
    }

    public init(entryId: String = "", bankRef: String? = nil, account: String = "", amount: Money,
                bookingDate: CalendarDate, valueDate: CalendarDate? = nil, status: EntryStatus = .booked,
                isReversal: Bool = false, endToEndId: String? = nil, structuredRef: String? = nil,
                payerName: String? = nil, payerIban: String? = nil, text: String = "",
                origin: SourceLocation) {
        let texts = Texts.make(count: TextField.count, text: { slot in
            switch TextField(rawValue: slot)! {
            case .endToEndId: endToEndId
            case .structuredRef: structuredRef
            case .payerName: payerName
            case .payerIban: payerIban
            case .text: text
            }
        }, header: { TextsHeader(entryId: entryId, bankRef: bankRef, account: account, origin: origin) })
        self.init(texts: texts, amount: amount, bookingDate: bookingDate, valueDate: valueDate, status: status,
                  isReversal: isReversal)
    }

    /// A transaction whose descriptive texts a reader gathered as bytes (`TextBytes`); the text
    /// is empty when `texts` has none. `entryIdIndex` not 0: the entry id is
    /// `EntryIdentity.base(account:reference:index:)` of `account`, `bankRef` (not empty) and
    /// this index, kept as those parts and made a string when read (`keepEntryId()`); `entryId`
    /// is then not used. A reader on another core then makes no string of the id (a 35-byte
    /// string a row, made there and freed on the calling core: ~4 % of a bank CSV parse).
    public init(entryId: String = "", entryIdIndex: Int = 0, bankRef: String?, account: String, amount: Money,
                bookingDate: CalendarDate, valueDate: CalendarDate?, status: EntryStatus, isReversal: Bool = false,
                texts: borrowing TextBytes, origin: SourceLocation) {
        precondition(entryIdIndex == 0 || bankRef?.isEmpty == false, "an entry id of parts needs a bank reference")
        let texts = Texts.make(count: TextField.count, texts: texts, always: 1 << TextField.text.rawValue) {
            TextsHeader(entryId: entryIdIndex == 0 ? entryId : "", entryIdIndex: entryIdIndex, bankRef: bankRef,
                        account: account, origin: origin)
        }
        self.init(texts: texts, amount: amount, bookingDate: bookingDate, valueDate: valueDate, status: status,
                  isReversal: isReversal)
    }

    @inline(__always)
    private init(texts: Texts, amount: Money, bookingDate: CalendarDate, valueDate: CalendarDate?, status: EntryStatus,
                 isReversal: Bool) {
        self.texts = texts
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
        uniqueTexts().header.origin.line += lines
    }

    /// The texts, copied first when another transaction shares them.
    private mutating func uniqueTexts() -> Texts {
        if !isKnownUniquelyReferenced(&texts) { texts = texts.copy() }
        return texts
    }

    public static func == (lhs: BankTransaction, rhs: BankTransaction) -> Bool {
        lhs.amount == rhs.amount && lhs.bookingDate == rhs.bookingDate && lhs.valueDate == rhs.valueDate
            && lhs.status == rhs.status && lhs.isReversal == rhs.isReversal
            && (lhs.texts === rhs.texts || lhs.hasSameEntryId(as: rhs)
                && lhs.texts.header.bankRef == rhs.texts.header.bankRef && lhs.texts.header.account == rhs.texts.header.account
                && lhs.texts.header.origin == rhs.texts.header.origin
                && lhs.texts.hasSameTexts(as: rhs.texts, count: TextField.count))
    }

    /// Whether the two entry ids are the same, their parts compared when both are kept so.
    private func hasSameEntryId(as other: BankTransaction) -> Bool {
        let lhs = texts.header, rhs = other.texts.header
        if lhs.entryIdIndex != 0 && rhs.entryIdIndex != 0 {
            return lhs.entryIdIndex == rhs.entryIdIndex && lhs.account == rhs.account && lhs.bankRef == rhs.bankRef
        }
        if lhs.entryIdIndex == 0 && rhs.entryIdIndex == 0 { return lhs.entryId == rhs.entryId }
        return entryId == other.entryId
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(amount)
        hasher.combine(bookingDate)
        hasher.combine(valueDate)
        hasher.combine(status)
        hasher.combine(isReversal)
        hasher.combine(entryId)  // the same whether kept as a string or as its parts
        hasher.combine(texts.header.bankRef)
        hasher.combine(texts.header.account)
        hasher.combine(texts.header.origin)
        texts.hashTexts(into: &hasher, count: TextField.count)
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
        for field in Self.hashedTexts {
            withBytes(of: field) { hash.combine(field: $0 ?? UnsafeBufferPointer(start: nil, count: 0)) }
        }
        return hash.hex
    }

    /// The texts of `contentHash`, in its order (an absent one hashed as empty).
    private static let hashedTexts: [TextField] = [.payerName, .payerIban, .structuredRef, .endToEndId, .text]

    /// Whether two transactions carry the same money and words (used to tell a duplicate from a
    /// conflicting reuse of the same id).
    public func hasSameContent(as other: BankTransaction) -> Bool {
        amount == other.amount && bookingDate == other.bookingDate && account == other.account
            && texts.hasSameTexts(as: other.texts, count: TextField.count)
    }
}

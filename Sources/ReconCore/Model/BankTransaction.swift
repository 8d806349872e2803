/// The booking status of a bank entry. Only booked entries are ever settled.
public enum EntryStatus: String, Sendable, CaseIterable {
    case booked
    case pending
    case info
}

/// One payment as the matcher sees it: a camt `TxDtls`, an MT940 `:61:` line or a CSV row.
public struct BankTransaction: Sendable, Hashable {
    /// Stable identity: account, bank reference and TxDtls index, or a content hash (see `EntryIdentity`).
    public var entryId: String
    /// The bank's own reference (camt AcctSvcrRef of the TxDtls, else of the entry).
    public var bankRef: String?
    /// The account the statement is for (IBAN or other id); empty when the file does not say.
    public var account: String
    /// Signed: credits (money in) positive.
    public var amount: Money
    public var bookingDate: CalendarDate
    public var valueDate: CalendarDate?
    public var status: EntryStatus
    public var isReversal: Bool
    public var endToEndId: String?
    /// A structured creditor reference (camt `Strd/CdtrRefInf/Ref`, KID, RF, QRR).
    public var structuredRef: String?
    public var payerName: String?
    public var payerIban: String?
    /// Unstructured remittance text.
    public var text: String
    public var origin: SourceLocation

    public init(entryId: String = "", bankRef: String? = nil, account: String = "", amount: Money,
                bookingDate: CalendarDate, valueDate: CalendarDate? = nil, status: EntryStatus = .booked,
                isReversal: Bool = false, endToEndId: String? = nil, structuredRef: String? = nil,
                payerName: String? = nil, payerIban: String? = nil, text: String = "",
                origin: SourceLocation) {
        self.entryId = entryId
        self.bankRef = bankRef
        self.account = account
        self.amount = amount
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.status = status
        self.isReversal = isReversal
        self.endToEndId = endToEndId
        self.structuredRef = structuredRef
        self.payerName = payerName
        self.payerIban = payerIban
        self.text = text
        self.origin = origin
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

/// A balance of a statement (camt `Bal`, MT940 `:60F:`/`:62F:` …).
public struct Balance: Hashable, Sendable {
    /// `OPBD`, `PRCD`, `CLBD`, `CLAV`, `ITBD` … or a proprietary code.
    public var code: String
    /// Signed: a debit balance is negative.
    public var amount: Money
    public var date: CalendarDate?

    public init(code: String, amount: Money, date: CalendarDate?) {
        self.code = code
        self.amount = amount
        self.date = date
    }

    public var isOpening: Bool { code == "OPBD" || code == "PRCD" }
    public var isClosing: Bool { code == "CLBD" }
}

/// What a file says about one statement, report or notification, before its entries.
public struct StatementInfo: Hashable, Sendable {
    /// The message format, e.g. `camt.053.001.02`.
    public var format: String
    public var id: String
    /// IBAN or other account id; empty when the file names none.
    public var account: String
    public var currency: Currency?
    public var balances: [Balance]
    public var date: CalendarDate?
    public var origin: SourceLocation

    public init(format: String, id: String, account: String, currency: Currency?, balances: [Balance],
                date: CalendarDate?, origin: SourceLocation) {
        self.format = format
        self.id = id
        self.account = account
        self.currency = currency
        self.balances = balances
        self.date = date
        self.origin = origin
    }

    public var opening: Money? { balances.first(where: \.isOpening)?.amount }
    public var closing: Money? { balances.first(where: \.isClosing)?.amount }
}

/// One booking line of a statement (camt `Ntry`), with the transactions it is split into.
public struct BankEntry: Hashable, Sendable {
    public var amount: Money
    public var bookingDate: CalendarDate
    public var valueDate: CalendarDate?
    public var status: EntryStatus
    public var isReversal: Bool
    // The references are constants: with a third `var` field holding references (beside
    // `transactions` and `origin`), Swift 6.3 copied every entry once more as its initializer
    // returned it (the whole entry retained and the original released, ~350 instructions an
    // entry: a stack `self` loaded twice; the optimizer folds it up to two such fields).
    public let bankRef: String?
    /// The entry's own reference (camt `NtryRef`), when the file gives one.
    public let entryRef: String?
    /// The batch it books (camt `NtryDtls/Btch/PmtInfId`), when the file gives one.
    public let batchId: String?
    public var transactions: [BankTransaction]
    public var origin: SourceLocation

    public init(amount: Money, bookingDate: CalendarDate, valueDate: CalendarDate?, status: EntryStatus,
                isReversal: Bool, bankRef: String?, entryRef: String? = nil, batchId: String? = nil,
                transactions: [BankTransaction], origin: SourceLocation) {
        self.amount = amount
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.status = status
        self.isReversal = isReversal
        self.bankRef = bankRef
        self.entryRef = entryRef
        self.batchId = batchId
        self.transactions = transactions
        self.origin = origin
    }
}

/// What a statement reader yields: a statement's header, then its entries.
public enum BankRecord: Sendable {
    case statement(StatementInfo)
    case entry(BankEntry)
}

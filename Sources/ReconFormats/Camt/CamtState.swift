import ReconCore

/// What the camt reader collects while inside one element of interest. Plain values; the reader
/// turns them into `StatementInfo`, `BankEntry` and `BankTransaction` at the closing tag.
struct CamtStatementState {
    var origin: SourceLocation
    var id: String?
    var created: CalendarDate?
    var periodEnd: CalendarDate?
    var iban: String?
    var otherAccount: String?
    var currency: Currency?
    var balances: [Balance] = []
    var headerEmitted = false

    var account: String { iban ?? otherAccount ?? "" }
}

struct CamtBalanceState {
    var code: String?
    var amount: Money?
    /// An `Amt` was there (its problem was reported when it was read).
    var amountWasWritten = false
    var isDebit: Bool?
    var date: CalendarDate?
}

struct CamtTransactionState {
    var origin: SourceLocation
    var accountServicerRef: String?
    var endToEndId: String?
    var amount: Money?
    var transactionAmount: Money?
    var isDebit: Bool?
    var debtorName: String?
    var ultimateDebtorName: String?
    var creditorName: String?
    var debtorIBAN: String?
    var debtorOtherAccount: String?
    var creditorIBAN: String?
    var unstructured: [UInt8] = []
    var structuredRef: String?
    var additionalInfo: String?
    /// `RtrInf`: a return, whose parties keep their roles in the original payment.
    var isReturn = false

    /// The amount the TxDtls gives for itself, if any (TxDtls/Amt, else AmtDtls/TxAmt/Amt).
    var ownAmount: Money? { amount ?? transactionAmount }
}

struct CamtEntryState {
    var origin: SourceLocation
    var amount: Money?
    var isDebit: Bool?
    var isReversal = false
    var status: String?
    var bookingDate: CalendarDate?
    var valueDate: CalendarDate?
    var accountServicerRef: String?
    var entryRef: String?
    var additionalInfo: String?
    var declaredCount: Int?
    var batchId: String?
    var transactions: [CamtTransactionState] = []
}

import ReconCore

/// What every journal format is written from: the run's vouchers, the settlements behind them, the
/// bank transactions they post, and the ledger accounts (to tell a bank line from a receivable).
public struct JournalInput: Sendable {
    public var vouchers: [Voucher]
    public var settlements: [Settlement]
    public var newCredits: [OpenItem]
    public var accounts: LedgerAccounts
    /// The bank transactions of the run (shared with the caller, not copied).
    public var transactions: [BankTransaction]
    /// Where the first copy of each `entry_id` is in `transactions`.
    private var positions: [String: Int]

    public init(vouchers: [Voucher], settlements: [Settlement], newCredits: [OpenItem], accounts: LedgerAccounts,
                transactions: [BankTransaction]) {
        self.vouchers = vouchers
        self.settlements = settlements
        self.newCredits = newCredits
        self.accounts = accounts
        self.transactions = transactions
        var positions = [String: Int](minimumCapacity: transactions.count)
        for index in transactions.indices where positions[transactions[index].entryId] == nil {
            positions[transactions[index].entryId] = index
        }
        self.positions = positions
    }

    /// The transaction a voucher posts, when the run read it.
    public func transaction(of voucher: Voucher) -> BankTransaction? {
        positions[voucher.entryId].map { transactions[$0] }
    }

    /// The bank's reference of a voucher's transaction, else its entry id.
    public func reference(of voucher: Voucher) -> String {
        transaction(of: voucher)?.bankRef ?? voucher.entryId
    }

    /// The settlement rows of each entry id, in settlement order.
    public func settlementsByEntry() -> [String: [Settlement]] {
        Dictionary(grouping: settlements, by: \.entryId)
    }

    /// What an account is for, from the configured accounts (first match wins, in this order).
    public func role(of account: String) -> AccountRole {
        switch account {
        case accounts.bank: return .bank
        case accounts.receivable: return .receivable
        case accounts.cashDiscount: return .cashDiscount
        case accounts.overUnderpayment: return .overUnderpayment
        case accounts.suspense: return .suspense
        case accounts.refundPayable: return .refundPayable
        default: return .other
        }
    }
}

/// The part an account plays in recon's journal; plain-text ledgers name accounts after it.
public enum AccountRole: String, Sendable, CaseIterable {
    case bank, receivable, cashDiscount, overUnderpayment, suspense, refundPayable, other

    /// `Assets:Bank`, … — the parent under which hledger and beancount files put the account number.
    public var ledgerParent: String {
        switch self {
        case .bank: return "Assets:Bank"
        case .receivable: return "Assets:Receivable"
        case .cashDiscount: return "Expenses:CashDiscount"
        case .overUnderpayment: return "Expenses:OverUnderpayment"
        case .suspense: return "Liabilities:Suspense"
        case .refundPayable: return "Liabilities:RefundPayable"
        case .other: return "Equity:Other"
        }
    }

    /// A name for the account in SIE's `#KONTO` records.
    public var title: String {
        switch self {
        case .bank: return "Bank"
        case .receivable: return "Accounts receivable"
        case .cashDiscount: return "Cash discounts"
        case .overUnderpayment: return "Over- and underpayments"
        case .suspense: return "Suspense"
        case .refundPayable: return "Refunds payable"
        case .other: return "Other"
        }
    }
}

/// Text as plain-text ledgers can hold it: one line, no control characters.
enum LedgerText {
    /// Control characters (line breaks among them) as spaces. A text without any, nearly every
    /// one, is returned as it is: mapping every scalar of every id and text of a 100k run cost the
    /// plain-text journals seconds.
    static func oneLine(_ text: String) -> String {
        guard text.withUTF8Bytes({ $0.contains { $0 < 0x20 || $0 == 0x7F } }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}

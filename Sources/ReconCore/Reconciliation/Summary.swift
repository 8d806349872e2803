/// Counts and totals of one currency in a run.
public struct CurrencySummary: Hashable, Sendable {
    public let currency: Currency
    /// Every bank transaction read (receipts and other entries).
    public var transactions = 0
    public var receipts = 0
    public var settledTransactions = 0
    public var exceptions = 0
    public var otherEntries = 0
    public var received: Money
    public var applied: Money
    public var discounts: Money
    public var writeOffs: Money
    public var newCredits: Money
    /// Receipts a reviewer posted to the suspense account.
    public var toSuspense: Money
    public var suspenseTransactions = 0
    /// Receipts not settled, waiting in the exception report.
    public var inExceptions: Money
    /// The signed sum of other entries (debits negative).
    public var otherEntriesAmount: Money

    public init(currency: Currency) {
        self.currency = currency
        let zero = Money.zero(currency)
        received = zero
        applied = zero
        discounts = zero
        writeOffs = zero
        newCredits = zero
        toSuspense = zero
        inExceptions = zero
        otherEntriesAmount = zero
    }

    /// Money received equals money applied, left as credit, posted to suspense, or waiting in the report.
    public var isBalanced: Bool { received == applied + newCredits + toSuspense + inExceptions }
}

/// The totals of a run, and whether everything adds up.
public struct Summary: Hashable, Sendable {
    public var currencies: [CurrencySummary]
    public var vouchers: Int
    public var unbalancedVouchers: Int

    public init(currencies: [CurrencySummary], vouchers: Int, unbalancedVouchers: Int) {
        self.currencies = currencies
        self.vouchers = vouchers
        self.unbalancedVouchers = unbalancedVouchers
    }

    /// True only when every currency balances and every voucher balances.
    public var isBalanced: Bool { unbalancedVouchers == 0 && currencies.allSatisfy(\.isBalanced) }
}

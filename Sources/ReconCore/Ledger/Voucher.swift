/// One posting line. `amount` is signed: positive is a debit, negative a credit.
public struct JournalLine: Hashable, Sendable {
    public var account: String
    public var amount: Money
    public var customerId: String?
    public var invoiceId: String?
    public var text: String

    public init(account: String, amount: Money, customerId: String? = nil, invoiceId: String? = nil, text: String) {
        self.account = account
        self.amount = amount
        self.customerId = customerId
        self.invoiceId = invoiceId
        self.text = text
    }

    public var debit: Money? { amount.isPositive ? amount : nil }
    public var credit: Money? { amount.isNegative ? -amount : nil }
}

/// A balanced set of lines for one bank transaction (or one refund).
public struct Voucher: Hashable, Sendable {
    public var number: String
    public var date: CalendarDate
    public var currency: Currency
    public var entryId: String
    public var lines: [JournalLine]

    public init(number: String, date: CalendarDate, currency: Currency, entryId: String, lines: [JournalLine]) {
        self.number = number
        self.date = date
        self.currency = currency
        self.entryId = entryId
        self.lines = lines
    }

    /// Debits equal credits.
    public var isBalanced: Bool {
        lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 0 && lines.allSatisfy { $0.amount.currency == currency }
    }

    /// The sum of the debits.
    public var total: Money {
        lines.reduce(Money.zero(currency)) { $0 + ($1.debit ?? .zero(currency)) }
    }
}

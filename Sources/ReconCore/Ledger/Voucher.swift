/// One posting line. `amount` is signed: positive is a debit, negative a credit.
///
/// The texts of a settlement's lines (`Settle 10010`, `Payment NB2025…`) are kept as a wording and
/// the reference or invoice they name, and made into a `String` only when asked for: a million
/// payments have two million lines, and making each text (an interpolation and an allocation)
/// cost the settling thread about as much as choosing the items. Two lines with the same text are
/// equal, however it is kept.
public struct JournalLine: Hashable, Sendable {
    // Declared in this order so that the wording fills the amount's padding: 80 bytes a line, not 88.
    public var account: String
    public var amount: Money
    /// The text is `wording.prefix + subject`.
    public private(set) var wording: Wording
    public var customerId: String?
    public var invoiceId: String?
    public private(set) var subject: String

    /// What a line's text says before the reference or invoice it names.
    public enum Wording: UInt8, Sendable {
        /// The subject is the whole text.
        case text
        case payment, settle, cashDiscount, fullSettlement, underpayment, overpayment, customerCredit

        public var prefix: String {
            switch self {
            case .text: ""
            case .payment: "Payment "
            case .settle: "Settle "
            case .cashDiscount: "Cash discount "
            case .fullSettlement: "Full settlement "
            case .underpayment: "Underpayment "
            case .overpayment: "Overpayment "
            case .customerCredit: "Customer credit "
            }
        }
    }

    public init(account: String, amount: Money, customerId: String? = nil, invoiceId: String? = nil, text: String) {
        self.init(account: account, amount: amount, customerId: customerId, invoiceId: invoiceId, wording: .text, subject: text)
    }

    public init(account: String, amount: Money, customerId: String? = nil, invoiceId: String? = nil,
                wording: Wording, subject: String) {
        self.account = account
        self.amount = amount
        self.customerId = customerId
        self.invoiceId = invoiceId
        self.wording = wording
        self.subject = subject
    }

    public var text: String {
        get { wording == .text ? subject : wording.prefix + subject }
        set {
            wording = .text
            subject = newValue
        }
    }

    public var debit: Money? { amount.isPositive ? amount : nil }
    public var credit: Money? { amount.isNegative ? -amount : nil }

    public static func == (lhs: JournalLine, rhs: JournalLine) -> Bool {
        lhs.account == rhs.account && lhs.amount == rhs.amount && lhs.customerId == rhs.customerId
            && lhs.invoiceId == rhs.invoiceId && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(account)
        hasher.combine(amount)
        hasher.combine(customerId)
        hasher.combine(invoiceId)
        hasher.combine(text)
    }
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
    public var isBalanced: Bool { Self.isBalanced(lines, currency: currency) }

    /// How many of `vouchers` do not balance, read in place: reading the computed `isBalanced` of
    /// an array's element copied the voucher (and each line, read through `reduce`).
    public static func unbalancedCount(in vouchers: [Voucher]) -> Int {
        vouchers.withUnsafeBufferPointer { vouchers in
            vouchers.indices.count { !isBalanced(vouchers[$0].lines, currency: vouchers[$0].currency) }
        }
    }

    private static func isBalanced(_ lines: [JournalLine], currency: Currency) -> Bool {
        var sum: Int64 = 0
        for index in lines.indices {
            guard lines[index].amount.currency == currency else { return false }
            sum += lines[index].amount.minorUnits
        }
        return sum == 0
    }

    /// The sum of the debits.
    public var total: Money {
        lines.reduce(Money.zero(currency)) { $0 + ($1.debit ?? .zero(currency)) }
    }
}

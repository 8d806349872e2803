/// A customer from the customers file: where refunds go.
public struct Customer: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var iban: String?
    /// The vendor account that pays this customer's refunds, when the ledger has one.
    public var vendorAccount: String?

    public init(id: String, name: String? = nil, iban: String? = nil, vendorAccount: String? = nil) {
        self.id = id
        self.name = name
        self.iban = iban
        self.vendorAccount = vendorAccount
    }
}

/// One refund of a customer's credit balance in one currency.
public struct Refund: Sendable, Hashable {
    public var customerId: String
    public var customerName: String?
    public var vendorAccount: String
    /// True when no vendor account was known and a one-time vendor is named from the customer.
    public var isOneTimeVendor: Bool
    /// What is paid back (positive).
    public var amount: Money
    /// The account the customer paid from, where known.
    public var iban: String?
    /// The open items the refund closes (credits, and the invoices they already cover).
    public var items: [OpenItem]
}

/// What `recon refund` produced.
public struct RefundResult: Sendable {
    public var refunds: [Refund] = []
    public var vouchers: [Voucher] = []
    /// Open items after the refunds: the refunded customers' items in that currency are closed.
    public var openItems: [OpenItem] = []
    /// Credit balances not refunded, with the reason (below the minimum).
    public var skipped: [(customerId: String, balance: Money, reason: String)] = []
}

/// Refunds customer credit balances, as Dynamics 365's customer refund: every selected customer
/// whose net balance in a currency is a credit of at least `minimum_refund` is paid it back. The
/// customer's items in that currency net to zero against the refund: credits (and any invoices they
/// already cover) are closed, the receivable is debited and `refund_payable` credited.
public struct RefundPlanner: Sendable {
    public var policy: SettlementPolicy
    public var accounts: LedgerAccounts

    public init(policy: SettlementPolicy, accounts: LedgerAccounts) {
        self.policy = policy
        self.accounts = accounts
    }

    /// `selected` nil means every customer.
    public func plan(openItems: [OpenItem], customers: [String: Customer], selected: Set<String>?,
                     date: CalendarDate) -> RefundResult {
        struct Key: Hashable { let customer: String; let currency: Currency }
        var groups: [Key: [OpenItem]] = [:]
        for item in openItems where !item.openAmount.isZero {
            groups[Key(customer: item.customerId, currency: item.currency), default: []].append(item)
        }
        var result = RefundResult()
        var closed = Set<String>()
        let keys = groups.keys.sorted { ($0.customer, $0.currency.code) < ($1.customer, $1.currency.code) }
        for key in keys where selected?.contains(key.customer) ?? true {
            let items = groups[key]!
            let balance = items.map(\.openAmount).sum(startingAt: .zero(key.currency))
            guard balance.isNegative else { continue }
            let minimum = policy.minimumRefund.money(in: key.currency)
            guard balance.magnitude >= minimum else {
                result.skipped.append((key.customer, balance,
                                       "credit balance \(balance.magnitude) \(key.currency.code) is below the minimum refund \(minimum)"))
                continue
            }
            let customer = customers[key.customer]
            let vendor = customer?.vendorAccount.flatMap { $0.isEmpty ? nil : $0 }
            let iban = items.first { $0.openAmount.isNegative && $0.customerIban != nil }?.customerIban
                ?? customer?.iban ?? items.first { $0.customerIban != nil }?.customerIban
            let refund = Refund(customerId: key.customer, customerName: customer?.name ?? items.first?.customerName,
                                vendorAccount: vendor ?? "OTV-" + key.customer, isOneTimeVendor: vendor == nil,
                                amount: balance.magnitude, iban: iban, items: items)
            result.refunds.append(refund)
            result.vouchers.append(voucher(for: refund, number: result.vouchers.count + 1, date: date))
            items.forEach { closed.insert($0.invoiceId) }
        }
        result.openItems = openItems.filter { !$0.openAmount.isZero && !closed.contains($0.invoiceId) }
        return result
    }

    /// Receivable lines that close each item, and the refund owed on `refund_payable`.
    func voucher(for refund: Refund, number: Int, date: CalendarDate) -> Voucher {
        var lines = refund.items.map { item in
            JournalLine(account: accounts.receivable, amount: -item.openAmount, customerId: item.customerId,
                        invoiceId: item.invoiceId,
                        text: item.openAmount.isNegative ? "Refund \(item.invoiceId)" : "Offset \(item.invoiceId) against the credit")
        }
        lines.append(JournalLine(account: accounts.refundPayable, amount: -refund.amount, customerId: refund.customerId,
                                 text: "Refund to \(refund.vendorAccount)"))
        return Voucher(number: Reconciler.voucherNumber(number), date: date, currency: refund.amount.currency,
                       entryId: "refund/\(refund.customerId)/\(refund.amount.currency.code)", lines: lines)
    }
}

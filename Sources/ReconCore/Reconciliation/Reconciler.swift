/// Everything a reconciliation produced.
public struct ReconciliationResult: Sendable {
    public var settlements: [Settlement] = []
    public var vouchers: [Voucher] = []
    public var exceptions: [ReconException] = []
    public var otherEntries: [OtherEntry] = []
    /// Customer credits created from overpayments in this run.
    public var newCredits: [OpenItem] = []
    /// The items still open after the run, new customer credits included.
    public var openItems: [OpenItem] = []
    public var summary = Summary(currencies: [], vouchers: 0, unbalancedVouchers: 0)
}

/// Reconciles bank transactions with open items: each transaction ends up settled, in the
/// exception report, or among the other entries — never nowhere.
public struct Reconciler: Sendable {
    public var policy: SettlementPolicy
    public var accounts: LedgerAccounts

    public init(policy: SettlementPolicy = SettlementPolicy(), accounts: LedgerAccounts = LedgerAccounts()) {
        self.policy = policy
        self.accounts = accounts
    }

    /// `transactions` in input order (files in the order given, rows in file order). They are
    /// settled in booking-date order; ties keep input order.
    public func reconcile(openItems: [OpenItem], transactions: [BankTransaction]) -> ReconciliationResult {
        var book = OpenItemBook(openItems)
        let matcher = ReferenceMatcher(index: ReferenceIndex(book))
        let engine = SettlementEngine(policy: policy)
        let builder = VoucherBuilder(accounts: accounts)
        var result = ReconciliationResult()
        var firstSeen: [String: BankTransaction] = [:]
        firstSeen.reserveCapacity(transactions.count)

        let ordered = transactions.enumerated().sorted {
            ($0.element.bookingDate, $0.offset) < ($1.element.bookingDate, $1.offset)
        }.map(\.element)

        for transaction in ordered {
            if let first = firstSeen[transaction.entryId] {
                let sameContent = transaction.hasSameContent(as: first)
                let reason = "same transaction as \(first.origin.file):\(first.origin.line)" + (sameContent ? "" : ", but with different content")
                if transaction.isReceipt {
                    result.exceptions.append(ReconException(kind: .duplicate, transaction: transaction,
                                                            candidates: [], reason: reason, suggestedAction: "ignore"))
                } else {
                    result.otherEntries.append(OtherEntry(kind: .duplicate, transaction: transaction, reason: reason))
                }
                continue
            }
            firstSeen[transaction.entryId] = transaction
            if let other = OtherEntry.classify(transaction) {
                result.otherEntries.append(other)
                continue
            }
            settleReceipt(transaction, matcher: matcher, engine: engine, builder: builder, book: &book, result: &result)
        }
        for index in result.vouchers.indices {
            result.vouchers[index].number = Reconciler.voucherNumber(index + 1)
        }
        result.openItems = book.stillOpen
        result.summary = Reconciler.summarize(transactions: transactions, result: result)
        return result
    }

    static func voucherNumber(_ sequence: Int) -> String {
        let digits = String(sequence)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    private func settleReceipt(_ transaction: BankTransaction, matcher: ReferenceMatcher, engine: SettlementEngine,
                               builder: VoucherBuilder, book: inout OpenItemBook, result: inout ReconciliationResult) {
        func exception(_ kind: ExceptionKind, _ candidates: [String], _ reason: String, _ action: String) {
            result.exceptions.append(ReconException(kind: kind, transaction: transaction, candidates: candidates,
                                                    reason: reason, suggestedAction: action))
        }
        let found = matcher.find(transaction)
        if found.items.isEmpty {
            if let reference = found.unknownReferences.first {
                exception(.unknownReference, [], "reference \(reference) matches no open item", "match")
            } else {
                exception(.noMatch, [], "no reference or invoice number of an open item found in the payment", "match")
            }
            return
        }
        let named = found.items.map { book[$0] }
        let currency = transaction.amount.currency
        let sameCurrency = named.filter { $0.currency == currency }
        guard !sameCurrency.isEmpty else {
            let item = named[0]
            exception(.currencyMismatch, named.map(\.invoiceId),
                      "invoice \(item.invoiceId) is in \(item.currency.code), the payment in \(currency.code)", "match")
            return
        }
        let customers = Array(Set(sameCurrency.map(\.customerId))).sorted()
        guard customers.count == 1 else {
            exception(.ambiguous, sameCurrency.map(\.invoiceId),
                      "the payment names items of \(customers.count) customers: \(customers.joined(separator: ", "))", "match")
            return
        }
        let open = sameCurrency.filter { !$0.openAmount.isZero }
        guard !open.isEmpty else {
            exception(.alreadySettled, sameCurrency.map(\.invoiceId),
                      "invoice \(sameCurrency[0].invoiceId) has no open amount left", "match")
            return
        }
        guard open.contains(where: { $0.openAmount.isPositive }) else {
            exception(.ambiguous, open.map(\.invoiceId), "the payment names only credit notes or credits", "match")
            return
        }
        let discountDate = policy.discountDate == .value ? (transaction.valueDate ?? transaction.bookingDate) : transaction.bookingDate
        let items = engine.allocationOrder(open, on: discountDate)
        let outcome = engine.settle(payment: transaction.amount, on: discountDate, items: items,
                                    entryId: transaction.entryId, bankRef: transaction.bankRef,
                                    bookingDate: transaction.bookingDate)
        let rule = found.sources.map(\.rawValue).joined(separator: "+")
        var rows = outcome.rows
        for index in rows.indices {
            rows[index].rule = rule
            rows[index].checkInvariants()
            book.apply(rows[index])
        }
        var credit: OpenItem?
        if outcome.unapplied.isPositive {
            let customer = items[0]
            let item = OpenItem(invoiceId: Reconciler.creditId(for: transaction.entryId), customerId: customer.customerId,
                                customerName: customer.customerName, type: .credit, amount: -outcome.unapplied,
                                invoiceDate: transaction.bookingDate, customerIban: transaction.payerIban ?? customer.customerIban)
            book.add(item)
            result.newCredits.append(item)
            credit = item
        }
        if outcome.leftPartiallyOpen, let last = rows.last {
            result.exceptions.append(ReconException(
                kind: .partialPayment, transaction: transaction, candidates: rows.map(\.invoiceId),
                reason: "invoice \(last.invoiceId) is paid short by \(last.openAfter) \(currency.code), more than the underpayment tolerance",
                suggestedAction: "full_settlement", isSettled: true))
        }
        result.settlements.append(contentsOf: rows)
        let lines = builder.receiptLines(for: transaction, settlements: rows, credit: credit)
        result.vouchers.append(Voucher(number: "", date: transaction.bookingDate, currency: currency,
                                       entryId: transaction.entryId, lines: lines))
    }

    /// `CR-` and 12 hex digits of the transaction's id: stable across runs.
    public static func creditId(for entryId: String) -> String {
        var hash = StableHash()
        hash.combine(field: entryId)
        return "CR-" + hash.hex.prefix(12)
    }

    static func summarize(transactions: [BankTransaction], result: ReconciliationResult) -> Summary {
        var byCurrency: [Currency: CurrencySummary] = [:]
        func update(_ currency: Currency, _ change: (inout CurrencySummary) -> Void) {
            change(&byCurrency[currency, default: CurrencySummary(currency: currency)])
        }
        for transaction in transactions {
            update(transaction.amount.currency) {
                $0.transactions += 1
                if transaction.isReceipt {
                    $0.receipts += 1
                    $0.received += transaction.amount
                }
            }
        }
        var settledEntries = Set<String>()
        for row in result.settlements {
            settledEntries.insert(row.entryId)
            update(row.currency) {
                $0.applied += row.paid
                $0.discounts += row.cashDiscount
                $0.writeOffs += row.writeOff
            }
        }
        for voucher in result.vouchers where settledEntries.contains(voucher.entryId) {
            update(voucher.currency) { $0.settledTransactions += 1 }
        }
        for credit in result.newCredits {
            update(credit.currency) { $0.newCredits += -credit.amount }
        }
        for exception in result.exceptions {
            update(exception.transaction.amount.currency) {
                $0.exceptions += 1
                if !exception.isSettled { $0.inExceptions += exception.transaction.amount }
            }
        }
        for other in result.otherEntries {
            update(other.transaction.amount.currency) {
                $0.otherEntries += 1
                $0.otherEntriesAmount += other.transaction.amount
            }
        }
        let unbalanced = result.vouchers.filter { !$0.isBalanced }.count
        return Summary(currencies: byCurrency.values.sorted { $0.currency.code < $1.currency.code },
                       vouchers: result.vouchers.count, unbalancedVouchers: unbalanced)
    }
}

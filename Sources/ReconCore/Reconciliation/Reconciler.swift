/// Everything a reconciliation produced.
public struct ReconciliationResult: Sendable {
    public var settlements: [Settlement] = []
    public var vouchers: [Voucher] = []
    public var exceptions: [ReconException] = []
    public var otherEntries: [OtherEntry] = []
    /// Customer credits created from overpayments in this run.
    public var newCredits: [OpenItem] = []
    /// How many transactions were settled (at least one settlement row), per currency.
    public var settledTransactions: [Currency: Int] = [:]
    /// Transactions a reviewer sent to the suspense account.
    public var suspense: [BankTransaction] = []
    /// Decisions applied in this run, in the order they took effect.
    public var appliedDecisions: [AppliedDecision] = []
    /// Decisions that could not be applied (unknown id, not fitting, invoice not open). When any
    /// exist, the run must not be written: nothing of a decisions file is applied half.
    public var decisionProblems: [Finding] = []
    /// The items still open after the run, new customer credits included.
    public var openItems: [OpenItem] = []
    public var summary = Summary(currencies: [], vouchers: 0, unbalancedVouchers: 0)
}

/// A reconciliation whose open items are indexed, waiting for its transactions (`Reconciler.prepare`).
/// A class, so that the run (and the million items in its book) is changed in place, never copied.
public final class PreparedReconciliation: @unchecked Sendable {
    // Unchecked: it is handed from the thread that prepared it to the one that reconciles, and used
    // by one thread at a time.
    /// Taken out (and freed, with its book and indexes, on a thread of its own) by `reconcile`: a
    /// prepared run takes one list of transactions, its book changing as they settle.
    fileprivate var run: ReconciliationRun?

    init(run: ReconciliationRun) {
        self.run = run
    }
}

/// Reconciles bank transactions with open items: each transaction ends up settled, in the
/// exception report, or among the other entries — never nowhere.
public struct Reconciler: Sendable {
    public var policy: SettlementPolicy
    public var matching: MatchingPolicy
    public var accounts: LedgerAccounts

    public init(policy: SettlementPolicy = SettlementPolicy(), matching: MatchingPolicy = MatchingPolicy(),
                accounts: LedgerAccounts = LedgerAccounts()) {
        self.policy = policy
        self.matching = matching
        self.accounts = accounts
    }

    /// `transactions` in input order (files in the order given, rows in file order). They are
    /// settled in booking-date order; ties keep input order. `decisions` are a reviewer's answers to
    /// an earlier run's exception report, keyed by nothing but their `exceptionId`. `customers` (from
    /// the customers file) help to recognise payers by IBAN and name. `progress` is told how many
    /// transactions have been processed, after each one.
    ///
    /// A workspace, which settles across runs, also passes `earlierPartialPayments`: the open
    /// `partial_payment` exceptions of transactions settled by earlier runs (their `candidates` the
    /// items left open). They are reviewed again at the end — dropped when the rest has been paid
    /// since — and a decision for one settles the rest on a voucher dated `adjustmentDate` (default:
    /// the payment's booking date).
    public func reconcile(openItems: consuming [OpenItem], transactions: [BankTransaction], decisions: [Decision] = [],
                          customers: [String: Customer] = [:], earlierPartialPayments: [ReconException] = [],
                          adjustmentDate: CalendarDate? = nil, progress: ((Int) -> Void)? = nil) -> ReconciliationResult {
        reconcile(prepare(openItems: openItems, decisions: decisions, customers: customers), transactions: transactions,
                  earlierPartialPayments: earlierPartialPayments, adjustmentDate: adjustmentDate, progress: progress)
    }

    /// The first half of `reconcile`: the open items indexed and the decisions keyed, before any
    /// transaction is known — so that a caller can do it while the bank files are still being read.
    public func prepare(openItems: consuming [OpenItem], decisions: [Decision] = [],
                        customers: [String: Customer] = [:]) -> PreparedReconciliation {
        PreparedReconciliation(run: ReconciliationRun(reconciler: self, openItems: openItems, decisions: decisions,
                                                      customers: customers))
    }

    /// The second half of `reconcile`, on a prepared run (see there); a prepared run is used once.
    public func reconcile(_ prepared: PreparedReconciliation, transactions: [BankTransaction],
                          earlierPartialPayments: [ReconException] = [], adjustmentDate: CalendarDate? = nil,
                          progress: ((Int) -> Void)? = nil) -> ReconciliationResult {
        reconcile(prepared, transactions: transactions, earlierPartialPayments: earlierPartialPayments,
                  adjustmentDate: adjustmentDate, progress: progress, chunk: ReconciliationRun.chunk)
    }

    /// `chunk`: how many payments' clues are worked out ahead at first, on the other core (the
    /// chunks then double, up to `ReconciliationRun.largestChunk`); 0: none, each one just before
    /// it is settled, on this thread — the sequential run the tests compare with.
    func reconcile(_ prepared: PreparedReconciliation, transactions: [BankTransaction],
                   earlierPartialPayments: [ReconException] = [], adjustmentDate: CalendarDate? = nil,
                   progress: ((Int) -> Void)? = nil, chunk: Int) -> ReconciliationResult {
        guard var run = prepared.run.take() else { preconditionFailure("a prepared reconciliation is reconciled once") }
        run.process(transactions, order: Reconciler.settlementOrder(transactions), progress: progress, chunk: chunk)
        var result = run.finish(earlier: earlierPartialPayments, adjustmentDate: adjustmentDate)
        // The run (its indexes, decisions and the book's storage) let go of on another thread at
        // the lowest priority, not waited for: freeing it took 0.2-0.3 s at the end of a 1M run,
        // on one core with the other idle. It runs while a core is free (a writer waiting for the
        // disk, the run ending); the peak memory did not rise (1805-1813 MB over four runs).
        let finished = Finished(consume run)
        _ = Background.start { finished.run = nil }
        result.summary = Reconciler.summarize(transactions: transactions, result: result)
        return result
    }

    /// A run on its way out, handed to the thread that frees it.
    private final class Finished {
        var run: ReconciliationRun?
        init(_ run: consuming ReconciliationRun) { self.run = run }
    }

    /// The positions of `transactions` in booking-date order, ties in input order (a stable sort
    /// of positions: the transactions themselves are not copied).
    static func settlementOrder(_ transactions: [BankTransaction]) -> [Int] {
        let order = Array(transactions.indices)
        let sorted = transactions.indices.dropFirst().allSatisfy {
            transactions[$0 - 1].bookingDate <= transactions[$0].bookingDate
        }
        if sorted { return order }
        return order.sorted { (transactions[$0].bookingDate, $0) < (transactions[$1].bookingDate, $1) }
    }

    /// The sequence in decimal, at least six digits (zero-padded).
    static func voucherNumber(_ sequence: Int) -> String {
        precondition(sequence >= 0, "voucher numbers count from 1")
        return String(unsafeUninitializedCapacity: DecimalDigits.count(UInt(sequence), width: 6)) {
            DecimalDigits.write(UInt(sequence), width: 6, into: $0.baseAddress!)
        }
    }

    /// `CR-` and 12 hex digits of the transaction's id: stable across runs.
    public static func creditId(for entryId: String) -> String {
        var hash = StableHash()
        hash.combine(field: entryId)
        return hash.hex(prefix: "CR-", digits: 12)
    }

    static func summarize(transactions: [BankTransaction], result: ReconciliationResult) -> Summary {
        // The vouchers' balances summed on the other core while the totals are added up here.
        let (byCurrency, unbalanced) = concurrently({ totals(transactions: transactions, result: result) },
                                                    { Voucher.unbalancedCount(in: result.vouchers) })
        return Summary(currencies: byCurrency.values.sorted { $0.currency.code < $1.currency.code },
                       vouchers: result.vouchers.count, unbalancedVouchers: unbalanced)
    }

    private static func totals(transactions: [BankTransaction], result: ReconciliationResult) -> CurrencyTable<CurrencySummary> {
        var byCurrency = CurrencyTable<CurrencySummary>()
        func update(_ currency: Currency, _ change: (inout CurrencySummary) -> Void) {
            byCurrency.update(currency, default: CurrencySummary(currency: currency), change)
        }
        // By position, reading stored fields in place: a loop over the elements copies each
        // transaction and row (a dozen strings retained and released) a million times, and so did
        // reading the computed `isReceipt` in the profile. (Passing an element whole, even to a
        // `borrowing` parameter, still copied it.)
        transactions.withUnsafeBufferPointer { transactions in
            for index in transactions.indices {
                let (amount, status, isReversal) = (transactions[index].amount, transactions[index].status,
                                                    transactions[index].isReversal)
                let isReceipt = BankTransaction.isReceipt(amount: amount, status: status, isReversal: isReversal)
                update(amount.currency) {
                    $0.transactions += 1
                    if isReceipt {
                        $0.receipts += 1
                        $0.received += amount
                    }
                }
            }
        }
        let rows = result.settlements
        for index in rows.indices {
            let (currency, paid, discount, writeOff) = (rows[index].currency, rows[index].paid, rows[index].cashDiscount,
                                                         rows[index].writeOff)
            update(currency) {
                $0.applied += paid
                $0.discounts += discount
                $0.writeOffs += writeOff
            }
        }
        for (currency, count) in result.settledTransactions {
            update(currency) { $0.settledTransactions = count }
        }
        for credit in result.newCredits {
            update(credit.currency) { $0.newCredits += -credit.amount }
        }
        for transaction in result.suspense {
            update(transaction.amount.currency) {
                $0.toSuspense += transaction.amount
                $0.suspenseTransactions += 1
            }
        }
        // Stored fields read in place, as above: `for exception in` copied each one.
        result.exceptions.withUnsafeBufferPointer { exceptions in
            for index in exceptions.indices {
                let (amount, isSettled) = (exceptions[index].transaction.amount, exceptions[index].isSettled)
                update(amount.currency) {
                    $0.exceptions += 1
                    if !isSettled { $0.inExceptions += amount }
                }
            }
        }
        for other in result.otherEntries {
            update(other.transaction.amount.currency) {
                $0.otherEntries += 1
                $0.otherEntriesAmount += other.transaction.amount
            }
        }
        return byCurrency
    }
}

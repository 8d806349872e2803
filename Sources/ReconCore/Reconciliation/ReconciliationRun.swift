/// The state of one reconciliation while transactions go through it in booking order.
struct ReconciliationRun {
    let policy: SettlementPolicy
    let engine: SettlementEngine
    let builder: VoucherBuilder
    let matcher: Matcher
    var book: OpenItemBook
    var result = ReconciliationResult()
    /// Decisions by exception id, and which ones took effect.
    let decisions: [String: Decision]
    var consumed: Set<String> = []
    private var ruleTexts: [Int: String] = [:]
    /// Settled transactions by currency, `result.settledTransactions` once the run is finished.
    private var settledCounts = CurrencyTable<Int>()

    init(reconciler: Reconciler, openItems: consuming [OpenItem], decisions: [Decision], customers: [String: Customer]) {
        policy = reconciler.policy
        engine = SettlementEngine(policy: reconciler.policy)
        builder = VoucherBuilder(accounts: reconciler.accounts)
        book = OpenItemBook(openItems)
        matcher = Matcher(book: book, customers: customers, policy: reconciler.matching, settlement: reconciler.policy)
        var byId: [String: Decision] = [:]
        for decision in decisions {
            if let first = byId[decision.exceptionId] {
                result.decisionProblems.append(Finding(decision.origin,
                    "exception \(decision.exceptionId) is decided twice (first on line \(first.origin.line))"))
            } else {
                byId[decision.exceptionId] = decision
            }
        }
        self.decisions = byId
    }

    /// How many payments' clues are worked out ahead at first, by default.
    static let chunk = 512
    /// What the chunks grow to (doubling from `chunk`). The two cores meet at the end of each
    /// chunk, and whichever finished first waits: at 512 a chunk, the settling thread waited on
    /// the clues for 0.5–0.8 s of a 1M run's 5–6 s of settling (chunks whose clues took longer than
    /// their settling, though the clue core idles 40 % of the phase), at 4,096 for 50–200 ms, at
    /// 16,384 for 20–70 ms. A first chunk that large would hold settling back ~80 ms; growing from
    /// 512 starts it at once.
    static let largestChunk = 16_384

    /// Processes `transactions` in the order of the positions in `order`, calling `progress` after each.
    /// `chunk` (see `Reconciler.reconcile`) changes the wall time only, never the result.
    mutating func process(_ transactions: [BankTransaction], order: [Int], progress: ((Int) -> Void)?,
                          chunk: Int = ReconciliationRun.chunk) {
        // A payment settles one item or more (1.1 rows a payment in the benchmark): room not used
        // is never touched, and growing a million rows copies them onto fresh pages.
        result.settlements.reserveCapacity(transactions.count * 3 / 2)
        result.vouchers.reserveCapacity(transactions.count)
        // Exceptions and new credits likewise (a fifth and a thirtieth of the payments in the
        // benchmark): grown by doubling, the exceptions were copied onto fresh pages a dozen times.
        result.exceptions.reserveCapacity(transactions.count / 4)
        result.newCredits.reserveCapacity(transactions.count / 16)
        // Payments are settled one after the other (each changes the balances the next one sees),
        // but what a payment says by itself does not depend on them, nor does whether an earlier
        // one had its entry id: both are worked out for the next chunk on the other core while this
        // chunk is settled. The chunks are worked out in order, so the table of ids seen is too.
        let matcher = self.matcher
        var firstSeen = FirstSeen(capacity: transactions.count)
        func clues(_ positions: ArraySlice<Int>) -> [Clues] {
            positions.map { index -> Clues in
                if let first = firstSeen.first(index, in: transactions) { return .repeats(first) }
                let transaction = transactions[index]
                return OtherEntry.classify(transaction) == nil ? .payment(matcher.clues(for: transaction)) : .other
            }
        }
        guard chunk > 0 else {
            for (done, index) in order.enumerated() {
                process(transactions, at: index, clues: clues(order[done...done])[0])
                progress?(done + 1)
            }
            return
        }
        var start = 0, size = chunk
        var current = clues(order.prefix(size))
        // The clues of the chunk settled last: let go of on the other core, where they were made.
        // Taken out one by one and dropped here, each payment's arrays were freed on the settling
        // thread into the other thread's malloc arena (~670 instructions a payment, and that
        // arena's lock taken while its own thread allocated).
        var spent: [Clues] = []
        // The result arrays' room for the next two chunks' rows, faulted in by the clues' core
        // once it has worked them out (see `RoomAhead`).
        var settlementsRoom = RoomAhead(), vouchersRoom = RoomAhead(), exceptionsRoom = RoomAhead()
        while start < order.count {
            let end = start + current.count
            let nextSize = min(size * 2, max(chunk, Self.largestChunk))
            let ahead = current.count + nextSize
            // Rows for `ahead` payments: a quarter more than the payments so far gave (and some);
            // before any, `share` quarters of a row a payment.
            func rows(_ count: Int, orAtFirst share: Int) -> Int {
                start == 0 ? ahead * share / 4 : count * ahead / start * 5 / 4 + 64
            }
            let room = [settlementsRoom.next(of: result.settlements, rows: rows(result.settlements.count, orAtFirst: 6)),
                        vouchersRoom.next(of: result.vouchers, rows: rows(result.vouchers.count, orAtFirst: 4)),
                        exceptionsRoom.next(of: result.exceptions, rows: rows(result.exceptions.count, orAtFirst: 1))]
            var settling: [Clues] = []
            swap(&settling, &current)
            (_, current) = concurrently({
                for done in start..<end {
                    process(transactions, at: order[done], clues: settling[done - start])
                    progress?(done + 1)
                }
            }, {
                var dropped: [Clues] = []
                swap(&dropped, &spent)
                dropped = []
                let next = clues(order[end..<min(end + nextSize, order.count)])
                for case let range? in room { RoomAhead.faultIn(range) }
                return next
            })
            spent = settling
            start = end
            size = nextSize
        }
    }

    /// What is known of a transaction before it is settled.
    enum Clues {
        /// The same entry id as the transaction at this position, which came first.
        case repeats(Int)
        /// Not a receipt to match (see `OtherEntry.classify`).
        case other
        case payment(Matcher.Clues)
    }

    private mutating func process(_ transactions: [BankTransaction], at index: Int, clues: Clues) {
        let transaction = transactions[index]
        switch clues {
        case .repeats(let firstIndex):
            let first = transactions[firstIndex]
            let sameContent = transaction.hasSameContent(as: first)
            let reason = "same transaction as \(first.origin.file):\(first.origin.line)"
                + (sameContent ? "" : ", but with different content")
            if transaction.isReceipt {
                report(ReconException(kind: .duplicate, transaction: transaction, reason: reason, suggestedAction: "ignore"))
            } else {
                result.otherEntries.append(OtherEntry(kind: .duplicate, transaction: transaction, reason: reason))
            }
        case .other:
            result.otherEntries.append(OtherEntry.classify(transaction)!)
        case .payment(let found):
            settleReceipt(transaction, clues: found)
        }
    }

    /// `earlier`: partial payments settled by earlier runs whose exceptions are still open; their
    /// decisions' vouchers are dated `adjustmentDate`.
    mutating func finish(earlier: [ReconException] = [], adjustmentDate: CalendarDate? = nil) -> ReconciliationResult {
        for exception in earlier {
            decideEarlierPartialPayment(exception, on: adjustmentDate ?? exception.transaction.bookingDate)
        }
        // The vouchers numbered and the items still open copied out on the other core while the
        // exceptions are gone through here (both sides only read the book): this end of the run
        // had one core and the other idle.
        var vouchers: [Voucher] = []
        swap(&vouchers, &result.vouchers)
        let book = self.book
        let (_, stillOpen) = concurrently({
            reviewPartialPayments()
            for (id, decision) in decisions.sorted(by: { $0.value.origin.line < $1.value.origin.line })
            where !consumed.contains(id) {
                result.decisionProblems.append(Finding(decision.origin,
                    "exception_id \(id) names no exception of this run (already decided, or from other inputs?)"))
            }
        }, { () -> [OpenItem] in
            for index in vouchers.indices { vouchers[index].number = Reconciler.voucherNumber(index + 1) }
            return book.stillOpen()
        })
        result.openItems = stillOpen
        swap(&vouchers, &result.vouchers)
        result.settledTransactions = settledCounts.dictionary
        return result
    }

    /// A partial payment is reported for what stays open at the end of the run: when later payments
    /// settled the rest, there is nothing left to review.
    ///
    /// The exceptions are updated and removed in place, keeping their order (a copy of them all,
    /// made at the end of a large run, added to its memory peak).
    private mutating func reviewPartialPayments() {
        var kept = 0
        for index in result.exceptions.indices {
            if result.exceptions[index].kind == .partialPayment, result.exceptions[index].decision == nil {
                let open = ReconException.uniqueIds(of: result.exceptions[index].candidates)
                    .compactMap { id in book.index(ofInvoice: id).map { book[$0] } }
                    .filter { !$0.openAmount.isZero }
                guard !open.isEmpty else { continue }
                result.exceptions[index].candidates = open.map { Candidate(invoiceId: $0.invoiceId) }
                // Appended into one string made at about its size (pieces interpolated and then
                // joined cost ~8,000 instructions a payment, at the end of the run on one core).
                var reason = ""
                reason.reserveCapacity(open.count * 64 + 40)
                for (position, item) in open.enumerated() {
                    if position > 0 { reason += "; " }
                    reason += "invoice "
                    reason += item.invoiceId
                    reason += " stays open with "
                    reason += item.openAmount.formatted()
                    reason += " "
                    reason += item.currency.code
                }
                reason += ", more than the underpayment tolerance"
                result.exceptions[index].reason = reason
            }
            // Everything between `kept` and `index` was removed: the swap keeps the order.
            if kept != index { result.exceptions.swapAt(kept, index) }
            kept += 1
        }
        result.exceptions.removeLast(result.exceptions.count - kept)
    }

    private mutating func settleReceipt(_ transaction: BankTransaction, clues: Matcher.Clues) {
        let date = discountDate(of: transaction)
        switch matcher.decide(transaction, clues: clues, book: book, on: date) {
        case .settle(let items, let criteria):
            settle(transaction, items: engine.allocationOrder(items, on: date), rule: rule(for: criteria), decided: nil)
        case .exception(let kind, let candidates, let reason):
            report(ReconException(kind: kind, transaction: transaction, candidates: candidates, reason: reason,
                                  suggestedAction: "match"))
        }
    }

    /// The rule text of a settlement, built once per distinct set of criteria (a few dozen in a
    /// run of any size) instead of once per payment. Keyed by `MatchCriteria.textKey`: hashing the
    /// criteria themselves cost ~1,100 instructions a payment.
    private mutating func rule(for criteria: MatchCriteria) -> String {
        let key = criteria.textKey
        if let known = ruleTexts[key] { return known }
        let text = "\(criteria) score=\(criteria.score)"
        ruleTexts[key] = text
        return text
    }

    func discountDate(of transaction: BankTransaction) -> CalendarDate {
        policy.discountDate == .value ? (transaction.valueDate ?? transaction.bookingDate) : transaction.bookingDate
    }

    /// Settles `transaction` against `items` (in the order given) and posts its voucher. `decided` is
    /// the reviewer's decision when a person chose the items.
    mutating func settle(_ transaction: BankTransaction, items: [OpenItem], rule: String, decided: Decision?) {
        var outcome = engine.settle(payment: transaction.amount, on: discountDate(of: transaction), items: items,
                                    entryId: transaction.entryId, bankRef: transaction.bankRef,
                                    bookingDate: transaction.bookingDate)
        // Taken out, not copied: with the outcome still holding them, setting the rule copied the rows.
        var rows: [Settlement] = []
        swap(&rows, &outcome.rows)
        for index in rows.indices {
            rows[index].rule = rule
            rows[index].checkInvariants()
            book.apply(invoiceId: rows[index].invoiceId, openBefore: rows[index].openBefore,
                       openAfter: rows[index].openAfter, cashDiscount: rows[index].cashDiscount)
        }
        var credit: OpenItem?
        if outcome.unapplied.isPositive {
            let customer = items.first { $0.openAmount.isPositive } ?? items[0]
            let item = OpenItem(invoiceId: Reconciler.creditId(for: transaction.entryId), customerId: customer.customerId,
                                customerName: customer.customerName, type: .credit, amount: -outcome.unapplied,
                                invoiceDate: transaction.bookingDate,
                                customerIban: transaction.payerIban ?? customer.customerIban)
            book.add(item)
            result.newCredits.append(item)
            credit = item
        }
        if let decided {
            rows += settleRemainders(of: decided.invoiceIds, for: decided, transaction: transaction)
        } else if outcome.leftPartiallyOpen, let last = rows.last {
            // This reason stays only with a decision that keeps the row (`ignore`): an undecided
            // partial payment is given the reason of what stays open at the end of the run, or
            // dropped (`reviewPartialPayments`). Without decisions it is not worth making.
            let reason = decisions.isEmpty ? "" : "invoice \(last.invoiceId) is paid short by \(last.openAfter) "
                + "\(last.currency.code), more than the underpayment tolerance"
            let exception = ReconException(
                kind: .partialPayment, transaction: transaction, candidates: rows.map { Candidate(invoiceId: $0.invoiceId) },
                reason: reason, suggestedAction: "full_settlement", isSettled: true)
            rows += decidePartialPayment(exception, open: rows.filter { !$0.openAfter.isZero }.map(\.invoiceId))
        }
        settledCounts.update(transaction.amount.currency, default: 0) { $0 += 1 }
        post(transaction, lines: builder.receiptLines(for: transaction, settlements: rows, credit: credit))
        result.settlements.appendMoving(&rows)
    }

    mutating func post(_ transaction: BankTransaction, lines: [JournalLine]) {
        result.vouchers.append(Voucher(number: "", date: transaction.bookingDate, currency: transaction.amount.currency,
                                       entryId: transaction.entryId, lines: lines))
    }
}

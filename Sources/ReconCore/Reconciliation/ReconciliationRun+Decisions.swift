/// How a reviewer's decisions take effect: at the very point where their exception would be raised,
/// so that they interact with other payments in booking order, exactly as an automatic match would.
extension ReconciliationRun {
    /// Reports an unsettled exception, or applies the reviewer's decision for it.
    mutating func report(_ exception: consuming ReconException) {
        guard let decision = take(exception) else {
            result.exceptions.append(exception)
            return
        }
        let transaction = exception.transaction
        switch decision.kind {
        case .ignore:
            record(decision, exception, "left out of the journal, kept in the report")
            var decided = exception
            decided.decision = decision
            result.exceptions.append(decided)
        case .suspense:
            result.suspense.append(transaction)
            let reference = transaction.bankRef ?? transaction.entryId
            post(transaction, lines: [
                JournalLine(account: builder.accounts.bank, amount: transaction.amount, wording: .payment, subject: reference),
                JournalLine(account: builder.accounts.suspense, amount: -transaction.amount,
                            text: "Suspense \(reference)" + (decision.note.map { ": \($0)" } ?? "")),
            ])
            record(decision, exception, "posted \(transaction.amount) \(transaction.amount.currency.code) to suspense")
        case .match, .fullSettlement, .writeOff:
            guard let items = resolve(decision, exception) else {
                result.exceptions.append(exception)
                return
            }
            record(decision, exception, "\(decision.kind.rawValue) \(decision.invoiceIds.joined(separator: " "))")
            settle(transaction, items: items, rule: "decision:" + decision.kind.rawValue, decided: decision)
        }
    }

    /// The rows a decision adds to a partially paid transaction (none when undecided or ignored).
    /// `open` are the items the payment left open.
    mutating func decidePartialPayment(_ exception: consuming ReconException, open: [String]) -> [Settlement] {
        guard let decision = take(exception) else {
            result.exceptions.append(exception)
            return []
        }
        switch decision.kind {
        case .ignore:
            record(decision, exception, "partial payment accepted, the rest stays open")
            var decided = exception
            decided.decision = decision
            result.exceptions.append(decided)
            return []
        case .fullSettlement, .writeOff:
            let ids = decision.invoiceIds.isEmpty ? open : decision.invoiceIds
            for id in ids where !open.contains(id) {
                problem(decision, "invoice \(id) is not one this payment left open (\(open.joined(separator: " ")))")
                return []
            }
            record(decision, exception, "\(decision.kind.rawValue) \(ids.joined(separator: " "))")
            return settleRemainders(of: ids, for: decision, transaction: exception.transaction)
        case .match, .suspense:
            problem(decision, "\(decision.kind.rawValue) does not fit a partial payment, which is already settled "
                    + "(decide full_settlement, write_off or ignore)")
            result.exceptions.append(exception)
            return []
        }
    }

    /// A partial payment settled by an earlier run whose exception is still open (a workspace
    /// keeps it): a decision settles the rest on a voucher of its own, dated `date`, without a bank
    /// line (the money was posted with the payment); undecided, it is reviewed again.
    mutating func decideEarlierPartialPayment(_ exception: ReconException, on date: CalendarDate) {
        let rows = decidePartialPayment(exception, open: exception.candidateIds)
        guard !rows.isEmpty else { return }
        result.settlements.append(contentsOf: rows)
        let transaction = exception.transaction
        result.vouchers.append(Voucher(number: "", date: date, currency: transaction.amount.currency,
                                       entryId: transaction.entryId, lines: builder.adjustmentLines(for: rows)))
    }

    /// Settles what stays open of `ids` as extra cash discount (`full_settlement`) or on the
    /// over/underpayment account (`write_off`). Other decisions add nothing.
    mutating func settleRemainders(of ids: [String], for decision: Decision, transaction: BankTransaction) -> [Settlement] {
        guard decision.kind == .fullSettlement || decision.kind == .writeOff else { return [] }
        var rows: [Settlement] = []
        for id in ids {
            guard let index = book.index(ofInvoice: id) else { continue }
            let item = book[index]
            guard !item.openAmount.isZero else { continue }
            let zero = Money.zero(item.currency)
            let remainder = item.openAmount
            let isDiscount = decision.kind == .fullSettlement
            var row = Settlement(entryId: transaction.entryId, bankRef: transaction.bankRef,
                                 bookingDate: transaction.bookingDate, invoiceId: id, customerId: item.customerId,
                                 paid: zero, cashDiscount: isDiscount ? remainder : zero,
                                 writeOff: isDiscount ? zero : remainder, openBefore: remainder, openAfter: zero,
                                 kind: isDiscount ? .fullSettlement : .underpayment)
            row.rule = "decision:" + decision.kind.rawValue
            row.checkInvariants()
            book.apply(row)
            rows.append(row)
        }
        return rows
    }

    /// The open items a `match`, `full_settlement` or `write_off` decision names, in its order; nil
    /// (with a problem recorded) when they do not fit.
    private mutating func resolve(_ decision: Decision, _ exception: ReconException) -> [OpenItem]? {
        let currency = exception.transaction.amount.currency
        guard !decision.invoiceIds.isEmpty else {
            problem(decision, "\(decision.kind.rawValue) needs the invoice_ids to apply the payment to")
            return nil
        }
        var items: [OpenItem] = []
        for id in decision.invoiceIds {
            guard let index = book.index(ofInvoice: id) else {
                problem(decision, "invoice \(id) is not in the open items")
                return nil
            }
            let item = book[index]
            guard !item.openAmount.isZero else {
                problem(decision, "invoice \(id) is not open any more")
                return nil
            }
            guard item.currency == currency else {
                problem(decision, "invoice \(id) is in \(item.currency.code), the payment in \(currency.code)")
                return nil
            }
            guard !items.contains(where: { $0.invoiceId == id }) else {
                problem(decision, "invoice \(id) is listed twice")
                return nil
            }
            items.append(item)
        }
        guard items.contains(where: { $0.openAmount.isPositive }) else {
            problem(decision, "the listed items are all credit notes or credits")
            return nil
        }
        return items
    }

    /// The decision for `exception`, marked as used; nil when there is none.
    private mutating func take(_ exception: ReconException) -> Decision? {
        // Most runs have no decisions: the id is then not worth making.
        guard !decisions.isEmpty else { return nil }
        let id = exception.exceptionId
        guard let decision = decisions[id], !consumed.contains(id) else { return nil }
        consumed.insert(id)
        return decision
    }

    private mutating func problem(_ decision: Decision, _ message: String) {
        result.decisionProblems.append(Finding(decision.origin, "\(decision.exceptionId): \(message)"))
    }

    private mutating func record(_ decision: Decision, _ exception: ReconException, _ outcome: String) {
        result.appliedDecisions.append(AppliedDecision(decision: decision, exceptionKind: exception.kind,
                                                       transaction: exception.transaction, outcome: outcome))
    }
}

extension Matcher {
    /// Settles the best candidate when it clears the threshold alone; otherwise reports the top
    /// three with a reason that names the first criterion that failed.
    func choose(_ candidates: [MatchCandidate], evidence: ReferenceEvidence, payer: PayerMatch,
                transaction: BankTransaction, book: OpenItemBook, on date: CalendarDate) -> MatchDecision {
        // One candidate (the usual case) is ranked as it is: sorting would copy it into a new array.
        let ranked = candidates.count < 2 ? candidates : Self.ranked(candidates, book: book)
        // Only an exception lists candidates: a payment settled automatically does not describe them.
        var top: [Candidate] {
            ranked.prefix(3).map { candidate in
                Candidate(invoiceIds: candidate.items.map { book[$0].invoiceId }, score: candidate.criteria.score,
                          criteria: candidate.criteria.description)
            }
        }
        guard let best = ranked.first else {
            if let reference = evidence.unknownReference {
                let check = evidence.check.flatMap { $0.isValid == false ? " and fails its \($0.kind.rawValue) check digit" : nil } ?? ""
                return .exception(kind: .unknownReference, candidates: [],
                                  reason: "reference \(reference) matches no open item\(check); \(describe(payer))")
            }
            return .exception(kind: .noMatch, candidates: [], reason: "no reference found; \(describe(payer))")
        }
        let tied = ranked.count > 1 && ranked[1].criteria.score == best.criteria.score
        if best.criteria.score >= policy.autoThreshold && !tied && !best.neverAutomatic {
            // One array, made at its size (a filter and then a map made two, the first grown).
            var items: [OpenItem] = []
            items.reserveCapacity(best.items.count)
            for item in best.items where !book.openAmount(of: item).isZero { items.append(book[item]) }
            return .settle(items: items, criteria: best.criteria)
        }
        if tied && best.criteria.score >= policy.autoThreshold {
            return .exception(kind: .ambiguous, candidates: top,
                              reason: "\(ranked.filter { $0.criteria.score == best.criteria.score }.count) candidates score \(best.criteria.score): " +
                                      reasonFor(best, evidence: evidence, payer: payer, transaction: transaction, book: book))
        }
        let reason = reasonFor(best, evidence: evidence, payer: payer, transaction: transaction, book: book)
            + "; best candidate scores \(best.criteria.score), automatic from \(policy.autoThreshold)"
        let namedCustomers = candidates.filter { $0.basis == .named }.map { book.customerId(of: $0.items[0]) }.sortedUnique()
        if namedCustomers.count > 1 {
            return .exception(kind: .ambiguous, candidates: top, reason: "the payment names items of "
                              + "\(namedCustomers.count) customers: \(namedCustomers.joined(separator: ", ")); " + reason)
        }
        let kind: ExceptionKind = payer.isAmbiguous && evidence.named.isEmpty ? .ambiguous : .needsReview
        return .exception(kind: kind, candidates: top, reason: reason)
    }

    /// Best first: by score, then basis, then the first item by invoice date, invoice id and
    /// position (invoice ids are unique: ties never fall back on the order of the open-items file).
    /// Positions are sorted, not the candidates, by keys read once; an item's date is read from the
    /// book only when a tie needs it, and then once (the comparison this replaced copied both
    /// candidates' items out of the book whenever score and basis tied: a twentieth of the 1M run's
    /// settling thread).
    static func ranked(_ candidates: [MatchCandidate], book: OpenItemBook) -> [MatchCandidate] {
        let keys = candidates.map { (score: $0.criteria.score, basis: $0.basis.rawValue, item: $0.items[0]) }
        var dates = [CalendarDate?](repeating: nil, count: candidates.count)
        func date(_ position: Int) -> CalendarDate {
            if let known = dates[position] { return known }
            let date = book.invoiceDate(of: keys[position].item)
            dates[position] = date
            return date
        }
        let order = candidates.indices.sorted { left, right in
            let (lhs, rhs) = (keys[left], keys[right])
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.basis != rhs.basis { return lhs.basis < rhs.basis }
            let (leftDate, rightDate) = (date(left), date(right))
            if leftDate != rightDate { return leftDate < rightDate }
            return book.precedes(lhs.item, rhs.item)
        }
        return order.map { candidates[$0] }
    }

    /// The criteria that fell short, in the order reference, payer, amount, date.
    private func reasonFor(_ candidate: MatchCandidate, evidence: ReferenceEvidence, payer: PayerMatch,
                           transaction: BankTransaction, book: OpenItemBook) -> String {
        var reasons: [String] = []
        let ids = candidate.items.map { book[$0].invoiceId }.joined(separator: " ")
        switch candidate.criteria.reference {
        case .named(let source, _) where source == .textNumber:
            reasons.append("only the number of invoice \(ids) appears in the text")
        case .named: break
        case .suggested:
            if let reference = evidence.unknownReference {
                reasons.append("reference \(reference) matches no open item; one character differs from invoice \(ids)'s")
            } else {
                reasons.append("no exact reference; an invoice number in the text is one character from \(ids)")
            }
        case .contradicted where evidence.unknownReference == nil:
            let named = evidence.named.map { book[$0.item].invoiceId }.joined(separator: " ")
            reasons.append("the payment names invoice \(named), not \(ids)")
        case .none, .contradicted:
            reasons.append(evidence.unknownReference.map { "reference \($0) matches no open item" } ?? "no reference found")
        }
        switch candidate.criteria.payer {
        case .matched(.similarName): reasons.append("payer name only resembles customer \(book[candidate.items[0]].customerId)'s")
        case .matched: if payer.isAmbiguous { reasons.append(describe(payer)) }
        case .other(let customers):
            reasons.append("payer is customer \(customers.joined(separator: ", ")), the invoice belongs to \(book[candidate.items[0]].customerId)")
        case .unknown: reasons.append(describe(payer))
        }
        switch candidate.criteria.amount {
        case .partial, .over:
            let open = candidate.items.map { book.openAmount(of: $0) }.sum(startingAt: .zero(transaction.amount.currency))
            reasons.append("amount \(transaction.amount) \(transaction.amount.currency.code) differs from the open \(open)")
        case .allocated: reasons.append("no invoice or sum of invoices has the amount; allocated oldest first")
        case .sum where !candidate.criteria.isUniqueAmount: reasons.append("several sets of invoices add up to the amount")
        case .exact, .discount, .sum: if !candidate.criteria.isUniqueAmount && candidate.basis == .uniqueAmount {
            reasons.append("several invoices have the amount")
        }
        case .tolerance: break
        }
        if !candidate.criteria.isDatePlausible { reasons.append("paid more than a week before the invoice date") }
        return reasons.isEmpty ? "candidate \(ids)" : reasons.joined(separator: "; ")
    }

    func describe(_ payer: PayerMatch) -> String {
        switch payer.method {
        case .unknown: return "payer unknown"
        case .iban, .name, .similarName:
            let how = payer.method == .iban ? "account" : payer.method == .name ? "name" : "name (similar)"
            if payer.isAmbiguous { return "payer \(how) matches \(payer.customers.count) customers: \(payer.customers.joined(separator: ", "))" }
            return "payer is customer \(payer.customers[0]) by \(how), but no open item fits"
        }
    }
}

/// What the matcher decided for one payment.
enum MatchDecision {
    /// Settle against these items, in allocation order.
    case settle(items: [OpenItem], criteria: MatchCriteria)
    /// A person has to look.
    case exception(kind: ExceptionKind, candidates: [Candidate], reason: String)
}

/// Decides which open items a payment settles, from the evidence of its references, its payer,
/// its amount and its date. Every candidate is scored by named criteria; the best one is settled
/// automatically only at or above `autoThreshold` and only when no other candidate scores as much.
///
/// - Complexity: hash lookups per reference and token; a payer's items are searched only when the
///   references alone do not decide, the subset search being bounded by `maxSubsetItems`.
struct Matcher {
    let policy: MatchingPolicy
    let settlement: SettlementPolicy
    let index: ItemIndex
    let payers: PayerIndex
    let extractor: ReferenceExtractor
    let search: CandidateSearch

    init(book: OpenItemBook, customers: [String: Customer], policy: MatchingPolicy, settlement: SettlementPolicy) {
        self.policy = policy
        self.settlement = settlement
        // The two indexes share nothing but the items they read: built side by side (the second
        // takes a core only when one is idle, see `concurrently`).
        (index, payers) = concurrently({ ItemIndex(book) }, {
            PayerIndex(items: book.items, customers: customers, similarity: policy.nameSimilarity)
        })
        extractor = ReferenceExtractor(index: index, patterns: policy.invoicePatterns.compactMap { try? Regex($0) })
        search = CandidateSearch(settlement: settlement, matching: policy)
    }

    /// What a payment says by itself, before any balance is looked at: the items its references
    /// name (with the suggestions when they name none) and who paid. It reads only what never
    /// changes during a run, so it can be worked out on another thread ahead of `decide`.
    struct Clues: Sendable {
        var evidence: ReferenceEvidence
        var payer: PayerMatch
        /// Whether `evidence.suggestions` has been filled (it is when the references name nothing).
        var hasSuggestions: Bool
    }

    func clues(for transaction: BankTransaction) -> Clues {
        var evidence = extractor.evidence(for: transaction)
        let hasSuggestions = evidence.named.isEmpty
        if hasSuggestions { evidence.suggestions = extractor.suggestions(for: transaction, evidence: evidence) }
        return Clues(evidence: evidence, payer: payers.identify(iban: transaction.payerIban, name: transaction.payerName),
                     hasSuggestions: hasSuggestions)
    }

    func decide(_ transaction: BankTransaction, book: OpenItemBook, on date: CalendarDate) -> MatchDecision {
        decide(transaction, clues: clues(for: transaction), book: book, on: date)
    }

    /// `clues`: `clues(for: transaction)`, worked out ahead. Taken as they are (read, not copied:
    /// an optional unwrapped into a local copied every array of them, ~300 instructions a payment).
    func decide(_ transaction: BankTransaction, clues: Clues, book: OpenItemBook, on date: CalendarDate) -> MatchDecision {
        var evidence = clues.evidence
        let payer = clues.payer
        let currency = transaction.amount.currency
        var candidates: [MatchCandidate] = []

        // 1. The items the payment names, one candidate per customer. When they cannot be settled
        //    (another currency, nothing open, only credits), that is the answer unless the payer's
        //    own items give a better one (a mistyped number can name someone else's invoice).
        var namedProblem: MatchDecision?
        if evidence.named.count == 1 {
            namedProblem = candidateForTheOneNamed(evidence, payer: payer, transaction: transaction, book: book,
                                                   on: date, into: &candidates)
        } else if !evidence.named.isEmpty {
            let named = evidence.named
            let inCurrency = named.filter { book.currency(of: $0.item) == currency }
            let open = inCurrency.filter { !book.openAmount(of: $0.item).isZero }
            if inCurrency.isEmpty {
                let first = named[0].item
                namedProblem = .exception(kind: .currencyMismatch, candidates: named.map { Candidate(invoiceId: book[$0.item].invoiceId) },
                                          reason: "invoice \(book[first].invoiceId) is in \(book[first].currency.code), the payment in \(currency.code)")
            } else if open.isEmpty {
                namedProblem = .exception(kind: .alreadySettled, candidates: inCurrency.map { Candidate(invoiceId: book[$0.item].invoiceId) },
                                          reason: "invoice \(book[inCurrency[0].item].invoiceId) has no open amount left")
            }
            let customers = open.map { book.customerId(of: $0.item) }.sortedUnique()
            for customer in customers {
                let group = open.filter { book.customerId(of: $0.item) == customer }
                guard group.contains(where: { book.openAmount(of: $0.item).isPositive }) else { continue }
                let strongest = group.map(\.source).min()!
                let check = strongest == .reference ? evidence.check : nil
                candidates.append(candidate(group.map(\.item), basis: .named, reference: .named(strongest, check),
                                            payer: payer, transaction: transaction, book: book, on: date))
            }
            if candidates.isEmpty && namedProblem == nil {
                namedProblem = .exception(kind: .ambiguous, candidates: open.map { Candidate(invoiceId: book[$0.item].invoiceId) },
                                          reason: "the payment names only credit notes or credits")
            }
        }
        // 2. When the references do not decide: the payer's items by amount, and suggestions.
        if !isDecided(candidates) {
            if !clues.hasSuggestions { evidence.suggestions = extractor.suggestions(for: transaction, evidence: evidence) }
            candidates += payerCandidates(payer, evidence: evidence, transaction: transaction, book: book, on: date)
            // Compared in place: `$0.items == [item]` made an array for every candidate compared.
            for item in evidence.suggestions where !candidates.contains(where: { $0.items.count == 1 && $0.items[0] == item }) {
                guard book.currency(of: item) == currency, book.openAmount(of: item).isPositive else { continue }
                candidates.append(candidate([item], basis: .suggestion, reference: .suggested, payer: payer,
                                            transaction: transaction, book: book, on: date))
            }
        }
        if let namedProblem, !candidates.contains(where: { $0.criteria.score >= policy.autoThreshold && !$0.neverAutomatic }) {
            return namedProblem
        }
        return choose(candidates, evidence: evidence, payer: payer, transaction: transaction, book: book, on: date)
    }

    /// Step 1 of `decide` for a payment that names one item (most do): the same answers as the
    /// general case, without its half-dozen arrays of one element (~1,500 instructions a payment).
    private func candidateForTheOneNamed(_ evidence: ReferenceEvidence, payer: PayerMatch, transaction: BankTransaction,
                                         book: OpenItemBook, on date: CalendarDate,
                                         into candidates: inout [MatchCandidate]) -> MatchDecision? {
        let (item, source) = evidence.named[0]
        let currency = transaction.amount.currency
        let open = book.openAmount(of: item)
        guard book.currency(of: item) == currency, open.isPositive else {
            // The exceptions only: an item is read whole here.
            let id = book[item].invoiceId
            if book.currency(of: item) != currency {
                return .exception(kind: .currencyMismatch, candidates: [Candidate(invoiceId: id)],
                                  reason: "invoice \(id) is in \(book.currency(of: item).code), the payment in \(currency.code)")
            }
            return open.isZero
                ? .exception(kind: .alreadySettled, candidates: [Candidate(invoiceId: id)],
                             reason: "invoice \(id) has no open amount left")
                : .exception(kind: .ambiguous, candidates: [Candidate(invoiceId: id)],
                             reason: "the payment names only credit notes or credits")
        }
        let check = source == .reference ? evidence.check : nil
        candidates.append(candidate([item], basis: .named, reference: .named(source, check), payer: payer,
                                    transaction: transaction, book: book, on: date))
        return nil
    }

    private func isDecided(_ candidates: [MatchCandidate]) -> Bool {
        candidates.count == 1 && candidates[0].criteria.score >= policy.autoThreshold
    }

    private func payerCandidates(_ payer: PayerMatch, evidence: ReferenceEvidence, transaction: BankTransaction,
                                 book: OpenItemBook, on date: CalendarDate) -> [MatchCandidate] {
        var result: [MatchCandidate] = []
        let amount = transaction.amount
        let reference: MatchCriteria.Reference = .none
        for customer in payer.customers {
            let items = (index.byCustomer[customer] ?? []).filter { index in
                book.withItem(index) { $0.currency == amount.currency && !$0.openAmount.isZero }
            }
            guard !items.isEmpty else { continue }
            let single = search.itemsWithAmount(amount, among: items, book: book, on: date)
            if !single.isEmpty {
                for item in single {
                    var found = candidate([item], basis: .uniqueAmount, reference: agreement(evidence, [item]),
                                          payer: payer, transaction: transaction, book: book, on: date)
                    found.criteria.isUniqueAmount = single.count == 1 && payer.customers.count == 1
                    result.append(found)
                }
                continue
            }
            let subsets = search.subsets(summingTo: amount, among: items, book: book, on: date)
            if !subsets.isEmpty {
                for subset in subsets {
                    var found = candidate(subset, basis: .subset, reference: agreement(evidence, subset), payer: payer,
                                          transaction: transaction, book: book, on: date)
                    found.criteria.amount = .sum
                    found.criteria.isUniqueAmount = subsets.count == 1 && payer.customers.count == 1
                    result.append(found)
                }
                continue
            }
            if policy.allocateByCustomer && evidence.named.isEmpty && evidence.unknownReference == nil {
                let positive = items.filter { book.openAmount(of: $0).isPositive }
                guard !positive.isEmpty else { continue }
                var found = candidate(positive, basis: .allocation, reference: reference, payer: payer,
                                      transaction: transaction, book: book, on: date)
                found.criteria.amount = .allocated
                result.append(found)
            }
        }
        return result
    }

    /// A suggestion that agrees with a candidate found otherwise counts for it; a reference that
    /// names nothing and does not resemble the candidate, or that names other items, counts against it.
    private func agreement(_ evidence: ReferenceEvidence, _ items: [Int]) -> MatchCriteria.Reference {
        if items.contains(where: { evidence.suggestions.contains($0) }) { return .suggested }
        if !evidence.named.isEmpty && !items.contains(where: { item in evidence.named.contains { $0.item == item } }) {
            return .contradicted
        }
        return evidence.unknownReference == nil ? .none : .contradicted
    }

    private func candidate(_ items: [Int], basis: MatchCandidate.Basis, reference: MatchCriteria.Reference,
                           payer: PayerMatch, transaction: BankTransaction, book: OpenItemBook,
                           on date: CalendarDate) -> MatchCandidate {
        let customer = book.customerId(of: items[0])
        let payerFit: MatchCriteria.Payer
        if payer.customers.contains(customer) {
            payerFit = .matched(payer.method)
        } else if payer.customers.isEmpty {
            payerFit = .unknown
        } else {
            payerFit = .other(payer.customers)
        }
        let amount = search.amountFit(transaction.amount, items: items, book: book, on: date)
        let earliest = items.lazy.map { book.invoiceDate(of: $0) }.min()!
        let criteria = MatchCriteria(reference: reference, payer: payerFit, amount: amount, isUniqueAmount: false,
                                     isDatePlausible: transaction.bookingDate >= earliest.adding(days: -7))
        return MatchCandidate(items: items, basis: basis, criteria: criteria)
    }
}

import Testing
@testable import ReconCore

/// The matcher's decisions: which evidence settles automatically, and what a person sees otherwise.
@Suite struct MatcherTests {
    func item(_ id: String, _ amount: String, customer: String, name: String? = nil, iban: String? = nil,
              date: String = "2025-06-01", reference: String? = nil, discount: String = "") -> OpenItem {
        OpenItem(invoiceId: id, customerId: customer, customerName: name, type: .invoice, amount: money(amount),
                 invoiceDate: day(date), cashDiscount: DiscountTier.parseTiers(discount)!, reference: reference,
                 customerIban: iban)
    }

    func pay(_ amount: String, ref: String? = nil, text: String = "", payer: String? = nil, iban: String? = nil) -> BankTransaction {
        var transaction = payment(amount, ref: ref, text: text, bankRef: "T1")
        transaction.payerName = payer
        transaction.payerIban = iban
        return transaction
    }

    func decide(_ transaction: BankTransaction, _ items: [OpenItem], policy: MatchingPolicy = MatchingPolicy()) -> MatchDecision {
        let book = OpenItemBook(items)
        return Matcher(book: book, customers: [:], policy: policy, settlement: SettlementPolicy())
            .decide(transaction, book: book, on: transaction.bookingDate)
    }

    let acme = "NO9386011117947"
    var items: [OpenItem] {
        [item("20000001", "100.00", customer: "C1", name: "Acme AS", iban: acme, date: "2025-05-01", reference: "123456782"),
         item("20000002", "250.00", customer: "C1", name: "Acme AS", iban: acme, date: "2025-05-10"),
         item("20000003", "75.50", customer: "C1", name: "Acme AS", iban: acme, date: "2025-05-20"),
         item("30000777", "250.00", customer: "C2", name: "Other AS", date: "2025-05-20")]
    }

    func settled(_ decision: MatchDecision) -> [String]? {
        if case .settle(let items, _) = decision { return items.map(\.invoiceId) }
        return nil
    }

    func exception(_ decision: MatchDecision) -> (ExceptionKind, [Candidate], String)? {
        if case .exception(let kind, let candidates, let reason) = decision { return (kind, candidates, reason) }
        return nil
    }

    @Test func aValidReferenceSettlesEvenAPartialPaymentFromAnUnknownPayer() {
        let decision = decide(pay("40.00", ref: "123456782"), items)
        #expect(settled(decision) == ["20000001"])
        if case .settle(_, let criteria) = decision {
            #expect(criteria.description == "ref=KID-valid payer=unknown amount=partial date=ok")
            #expect(criteria.score == 70)
        }
    }

    @Test func payerAndAUniqueAmountSettleWithoutAReference() {
        let decision = decide(pay("75.50", payer: "ACME AS", iban: acme), items)
        #expect(settled(decision) == ["20000003"])
    }

    @Test func twoInvoicesWithTheAmountAreATie() throws {
        let tied = items + [item("20000005", "75.50", customer: "C1", iban: acme, date: "2025-05-21")]
        let (kind, candidates, reason) = try #require(exception(decide(pay("75.50", iban: acme), tied)))
        #expect(kind == .needsReview)
        #expect(candidates.map(\.invoiceId) == ["20000003", "20000005"])
        #expect(reason.hasPrefix("no reference found; several invoices have the amount"))
    }

    @Test func aSubsetOfThePayersItemsThatAddsUp() {
        #expect(settled(decide(pay("325.50", iban: acme), items)) == ["20000002", "20000003"])
    }

    @Test func withNothingElseAnIdentifiedPayerIsAllocatedOldestFirst() {
        #expect(settled(decide(pay("120.00", iban: acme), items)) == ["20000001", "20000002", "20000003"])
        var policy = MatchingPolicy()
        policy.allocateByCustomer = false
        if case .exception(let kind, _, let reason)? = Optional(decide(pay("120.00", iban: acme), items, policy: policy)) {
            #expect(kind == .noMatch)
            #expect(reason == "no reference found; payer is customer C1 by account, but no open item fits")
        } else {
            Issue.record("expected an exception")
        }
    }

    @Test func aMistypedReferenceIsASuggestionNeverAMatch() throws {
        // One digit off the KID of 20000001, from an unknown payer: only a suggestion.
        let (kind, candidates, reason) = try #require(exception(decide(pay("100.00", ref: "123456783"), items)))
        #expect(kind == .needsReview)
        #expect(candidates.first?.invoiceId == "20000001")
        #expect(candidates.first?.criteria == "ref=one-edit payer=unknown amount=exact date=ok")
        #expect(reason.hasPrefix("reference 123456783 matches no open item; one character differs from invoice 20000001's"))
    }

    @Test func aReferenceThatNamesNothingCountsAgainstThePayersAmount() throws {
        let (kind, _, _) = try #require(exception(decide(pay("75.50", ref: "555555555", iban: acme), items)))
        #expect(kind == .needsReview)
    }

    @Test func payingSomeoneElsesInvoiceIsForAPerson() throws {
        // C1 pays 250.00 naming C2's invoice; C1 has an invoice of 250.00 too. Neither wins alone.
        let (kind, candidates, reason) = try #require(exception(decide(pay("250.00", text: "faktura 30000777", iban: acme), items)))
        #expect(kind == .needsReview)
        #expect(candidates.map(\.invoiceId) == ["20000002", "30000777"])
        #expect(candidates[1].criteria == "ref=text payer=other-customer amount=exact date=ok")
        #expect(reason.hasPrefix("the payment names invoice 30000777, not 20000002"))
    }

    @Test func aMistypedNumberThatNamesAnotherCustomersInvoiceIsATypo() {
        // "20000007" is C2's invoice, one digit from C1's 20000002, and C1 paid exactly its 250.00.
        let typo = items + [item("20000007", "999.00", customer: "C2", name: "Other AS", date: "2025-05-20")]
        let decision = decide(pay("250.00", text: "faktura 20000007", iban: acme), typo)
        #expect(settled(decision) == ["20000002"])
        if case .settle(_, let criteria) = decision {
            #expect(criteria.description == "ref=one-edit payer=iban amount=exact-unique date=ok")
        }
    }

    @Test func aNameOfSeveralCustomersIsAmbiguous() throws {
        let twins = [item("A-1000", "10.00", customer: "C14", name: "Berg Consult AS"),
                     item("A-1001", "20.00", customer: "C22", name: "Berg Consult AS")]
        let (kind, _, reason) = try #require(exception(decide(pay("99.00", payer: "BERG CONSULT AS"), twins)))
        #expect(kind == .ambiguous)
        #expect(reason.hasPrefix("no reference found; payer name matches 2 customers: C14, C22"))
    }

    @Test func theThresholdIsConfigurable() {
        var strict = MatchingPolicy()
        strict.autoThreshold = 95
        #expect(settled(decide(pay("40.00", ref: "123456782"), items, policy: strict)) == nil)
        #expect(settled(decide(pay("100.00", ref: "123456782", iban: acme), items, policy: strict)) == ["20000001"])
    }

    @Test func discountedAmountsCountAsExact() {
        let discounted = [item("30000001", "100.00", customer: "C1", iban: acme, date: "2025-06-05", discount: "2%/10")]
        #expect(settled(decide(pay("98.00", iban: acme), discounted)) == ["30000001"])
    }
}

import Testing
@testable import ReconCore

@Suite struct DecisionTests {
    let items = [invoice("A", "100.00", reference: "R-A"), invoice("B", "50.00", date: "2025-06-02"),
                 invoice("C", "30.00", currency: .NOK)]
    let partial = payment("60.00", ref: "R-A", bankRef: "p1")
    let unmatched = payment("80.00", text: "see attached", bankRef: "u1")

    func run(_ transactions: [BankTransaction], _ decisions: [Decision]) -> ReconciliationResult {
        Reconciler().reconcile(openItems: items, transactions: transactions, decisions: decisions)
    }

    func decide(_ kind: DecisionKind, _ transaction: BankTransaction, as exceptionKind: ExceptionKind,
                _ ids: [String] = [], line: Int = 2) -> Decision {
        Decision(exceptionId: ReconException.id(entryId: transaction.entryId, kind: exceptionKind.rawValue),
                 kind: kind, invoiceIds: ids, note: "per phone call", origin: SourceLocation(file: "d.csv", line: line))
    }

    @Test func fullSettlementSettlesTheRemainderAsCashDiscount() {
        let result = run([partial], [decide(.fullSettlement, partial, as: .partialPayment)])
        #expect(result.decisionProblems.isEmpty)
        #expect(result.exceptions.isEmpty)
        #expect(result.settlements.map(\.kind) == [.partial, .fullSettlement])
        #expect(result.settlements[1].cashDiscount == money("40.00"))
        #expect(result.settlements[1].paid.isZero)
        #expect(!result.openItems.contains { $0.invoiceId == "A" })
        #expect(result.vouchers.count == 1)
        #expect(result.vouchers[0].isBalanced)
        #expect(result.vouchers[0].lines.contains { $0.account == "3080" && $0.amount == money("40.00") })
        #expect(result.appliedDecisions.count == 1)
        #expect(result.summary.isBalanced)
    }

    @Test func writeOffPostsTheRemainderToOverUnderpayment() {
        let result = run([partial], [decide(.writeOff, partial, as: .partialPayment, ["A"])])
        #expect(result.settlements[1].kind == .underpayment)
        #expect(result.settlements[1].writeOff == money("40.00"))
        #expect(result.vouchers[0].lines.contains { $0.account == "7790" && $0.amount == money("40.00") })
    }

    @Test func matchAppliesThePaymentToTheListedInvoicesInOrder() {
        // B first although A is older: the reviewer's order wins.
        let result = run([unmatched], [decide(.match, unmatched, as: .noMatch, ["B", "A"])])
        #expect(result.decisionProblems.isEmpty)
        #expect(result.settlements.map(\.invoiceId) == ["B", "A"])
        #expect(result.settlements.map { $0.paid.formatted() } == ["50.00", "30.00"])
        #expect(result.settlements.allSatisfy { $0.rule == "decision:match" })
        #expect(result.exceptions.isEmpty)
        #expect(result.summary.isBalanced)
    }

    @Test func matchWithFullSettlementClosesWhatStaysOpen() {
        let result = run([unmatched], [decide(.fullSettlement, unmatched, as: .noMatch, ["A"])])
        #expect(result.settlements.map(\.kind) == [.partial, .fullSettlement])
        #expect(result.settlements[1].cashDiscount == money("20.00"))
        #expect(result.exceptions.isEmpty)
    }

    @Test func suspensePostsTheTransactionToSuspense() {
        let result = run([unmatched], [decide(.suspense, unmatched, as: .noMatch)])
        #expect(result.exceptions.isEmpty)
        #expect(result.settlements.isEmpty)
        #expect(result.suspense.map(\.entryId) == [unmatched.entryId])
        #expect(result.vouchers[0].lines.map(\.account) == ["1920", "2990"])
        let eur = result.summary.currencies[0]
        #expect(eur.toSuspense == money("80.00"))
        #expect(result.summary.isBalanced)
    }

    @Test func ignoreKeepsTheRowAsDecided() {
        let result = run([unmatched], [decide(.ignore, unmatched, as: .noMatch)])
        #expect(result.vouchers.isEmpty)
        #expect(result.exceptions.count == 1)
        #expect(result.exceptions[0].decision?.kind == .ignore)
        #expect(result.summary.currencies[0].inExceptions == money("80.00"))
    }

    @Test func problemsNameTheDecisionsLine() {
        let stray = Decision(exceptionId: "X0000000000000000", kind: .ignore, origin: SourceLocation(file: "d.csv", line: 9))
        let result = run([partial, unmatched, payment("5.00", text: "x", bankRef: "u2")], [
            decide(.match, partial, as: .partialPayment, ["B"], line: 2),
            decide(.match, unmatched, as: .noMatch, ["C"], line: 3),
            decide(.match, payment("5.00", text: "x", bankRef: "u2"), as: .noMatch, [], line: 4),
            stray,
        ])
        #expect(result.decisionProblems.map(\.description) == [
            "d.csv:2: \(ReconException.id(entryId: partial.entryId, kind: "partial_payment")): match does not fit a partial payment, which is already settled (decide full_settlement, write_off or ignore)",
            "d.csv:3: \(ReconException.id(entryId: unmatched.entryId, kind: "no_match")): invoice C is in NOK, the payment in EUR",
            "d.csv:4: \(ReconException.id(entryId: payment("5.00", text: "x", bankRef: "u2").entryId, kind: "no_match")): match needs the invoice_ids to apply the payment to",
            "d.csv:9: exception_id X0000000000000000 names no exception of this run (already decided, or from other inputs?)",
        ])
    }

    @Test func anInvoiceThatIsNotOpenIsAProblem() {
        let first = payment("100.00", ref: "R-A", bankRef: "f1")
        let result = run([first, unmatched], [decide(.match, unmatched, as: .noMatch, ["A"])])
        #expect(result.decisionProblems.map(\.message).first?.hasSuffix("invoice A is not open any more") == true)
    }

    @Test func decidingTwiceIsAProblem() {
        let decision = decide(.ignore, unmatched, as: .noMatch)
        var again = decision
        again.origin.line = 5
        let result = run([unmatched], [decision, again])
        #expect(result.decisionProblems.map(\.description).first?.hasPrefix("d.csv:5: exception") == true)
    }
}

@Suite struct RefundPlannerTests {
    let planner = RefundPlanner(policy: policy { $0.minimumRefund = ConfiguredAmount("10.00")! }, accounts: LedgerAccounts())

    func credit(_ id: String, _ amount: String, customer: String, iban: String? = nil) -> OpenItem {
        OpenItem(invoiceId: id, customerId: customer, type: .credit, amount: money(amount), invoiceDate: day("2025-06-01"),
                 customerIban: iban)
    }

    @Test func refundsNetCreditBalancesAboveTheMinimum() {
        let items = [credit("CR-1", "-300.00", customer: "C1", iban: "NO111"), invoice("A", "200.00", customer: "C1"),
                     credit("CR-2", "-500.00", customer: "C1"),
                     credit("CR-3", "-5.00", customer: "C2"), invoice("B", "80.00", customer: "C3")]
        let customers = ["C1": Customer(id: "C1", name: "One AS", iban: "NO999", vendorAccount: "V-100")]
        let result = planner.plan(openItems: items, customers: customers, selected: nil, date: day("2025-07-01"))
        #expect(result.refunds.count == 1)
        let refund = result.refunds[0]
        #expect(refund.amount == money("600.00"))
        #expect(refund.vendorAccount == "V-100")
        #expect(!refund.isOneTimeVendor)
        #expect(refund.iban == "NO111")  // the account the customer paid from
        #expect(refund.items.map(\.invoiceId) == ["CR-1", "A", "CR-2"])
        #expect(result.openItems.map(\.invoiceId) == ["CR-3", "B"])
        #expect(result.skipped.map(\.customerId) == ["C2"])
        let voucher = result.vouchers[0]
        #expect(voucher.isBalanced)
        #expect(voucher.lines.last?.account == "2400")
        #expect(voucher.lines.last?.amount == money("-600.00"))
    }

    @Test func withoutAVendorAccountAOneTimeVendorIsNamed() {
        let result = planner.plan(openItems: [credit("CR-1", "-20.00", customer: "C9")], customers: [:], selected: nil,
                                  date: day("2025-07-01"))
        #expect(result.refunds[0].vendorAccount == "OTV-C9")
        #expect(result.refunds[0].isOneTimeVendor)
    }

    @Test func onlySelectedCustomers() {
        let items = [credit("CR-1", "-20.00", customer: "C1"), credit("CR-2", "-20.00", customer: "C2")]
        let result = planner.plan(openItems: items, customers: [:], selected: ["C2"], date: day("2025-07-01"))
        #expect(result.refunds.map(\.customerId) == ["C2"])
        #expect(result.openItems.map(\.invoiceId) == ["CR-1"])
    }
}

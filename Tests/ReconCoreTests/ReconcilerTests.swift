import Testing
@testable import ReconCore

@Suite struct ReconcilerTests {
    let reconciler = Reconciler()

    @Test func voucherNumbersHaveSixDigitsAtLeast() {
        for (sequence, number) in [(0, "000000"), (1, "000001"), (42, "000042"), (123_456, "123456"),
                                   (999_999, "999999"), (1_000_000, "1000000"), (12_345_678_901, "12345678901")] {
            #expect(Reconciler.voucherNumber(sequence) == number)
        }
        for sequence in [7, 10, 99, 100, 54_321, 100_000, 2_500_000] {
            let digits = String(sequence)
            #expect(Reconciler.voucherNumber(sequence) == String(repeating: "0", count: max(0, 6 - digits.count)) + digits)
        }
    }

    @Test func everyTransactionEndsUpSomewhere() {
        let items = [invoice("A", "100.00", reference: "R-A"), invoice("B", "50.00", reference: "R-B"),
                     invoice("N-100", "10.00", currency: .NOK)]
        let transactions = [
            payment("100.00", ref: "R-A", bankRef: "1"),
            payment("20.00", ref: "R-B", bankRef: "2"),
            payment("70.00", text: "nothing useful", bankRef: "3"),
            payment("-30.00", text: "fee", bankRef: "4"),
            payment("5.00", ref: "R-A", bankRef: "5", status: .pending),
            payment("12.00", text: "N-100", bankRef: "6"),
            payment("100.00", ref: "R-A", bankRef: "1"),  // the first one again
        ]
        let result = reconciler.reconcile(openItems: items, transactions: transactions)
        #expect(result.settlements.map(\.invoiceId) == ["A", "B"])
        #expect(Set(result.exceptions.map(\.kind)) == [.partialPayment, .noMatch, .currencyMismatch, .duplicate])
        #expect(result.otherEntries.map(\.kind) == [.notAReceipt, .pending])
        #expect(result.summary.isBalanced)
        let eur = result.summary.currencies.first { $0.currency == .EUR }!
        #expect(eur.received == money("302.00"))
        #expect(eur.applied == money("120.00"))
        #expect(eur.inExceptions == money("182.00"))
        #expect(result.openItems.map(\.invoiceId) == ["B", "N-100"])
        #expect(result.vouchers.allSatisfy { $0.isBalanced })
    }

    @Test func settlesInBookingOrder() {
        let items = [invoice("A", "100.00", reference: "R")]
        let later = payment("60.00", on: "2025-06-12", ref: "R", bankRef: "late")
        let earlier = payment("60.00", on: "2025-06-11", ref: "R", bankRef: "early")
        let result = reconciler.reconcile(openItems: items, transactions: [later, earlier])
        #expect(result.settlements.map(\.bankRef) == ["early", "late"])
        #expect(result.settlements[1].openBefore == money("40.00"))
        #expect(result.newCredits.map(\.amount) == [money("-20.00")])
        #expect(result.vouchers.map(\.number) == ["000001", "000002"])
    }

    @Test func overpaymentBecomesACustomerCreditOnTheJournal() {
        let result = reconciler.reconcile(openItems: [invoice("A", "100.00", reference: "R")],
                                          transactions: [payment("130.00", ref: "R", bankRef: "1")])
        let credit = result.newCredits[0]
        #expect(credit.type == .credit)
        #expect(credit.invoiceId.hasPrefix("CR-"))
        #expect(result.openItems.map(\.invoiceId) == [credit.invoiceId])
        let lines = result.vouchers[0].lines
        #expect(lines.map(\.account) == ["1920", "1500", "1500"])
        #expect(lines.map { $0.amount.formatted() } == ["130.00", "-100.00", "-30.00"])
    }

    @Test func paymentNamingTwoCustomersIsAmbiguous() {
        let items = [invoice("INV-1", "10.00", customer: "C1"), invoice("INV-2", "10.00", customer: "C2")]
        let result = reconciler.reconcile(openItems: items, transactions: [payment("20.00", text: "INV-1 INV-2", bankRef: "1")])
        #expect(result.exceptions.map(\.kind) == [.ambiguous])
        #expect(result.exceptions[0].reason.contains("C1, C2"))
    }

    @Test func exceptionIdsAreStableAcrossRuns() {
        let transaction = payment("70.00", text: "?", bankRef: "3")
        let first = reconciler.reconcile(openItems: [], transactions: [transaction]).exceptions[0].exceptionId
        let second = reconciler.reconcile(openItems: [], transactions: [transaction]).exceptions[0].exceptionId
        #expect(first == second)
        #expect(first.count == 17)
        #expect(ReconException.id(entryId: transaction.entryId, kind: "duplicate") != first)
    }
}

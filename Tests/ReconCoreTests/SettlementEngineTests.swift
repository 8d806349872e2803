import Testing
@testable import ReconCore

@Suite struct SettlementEngineTests {
    let engine = SettlementEngine(policy: SettlementPolicy())

    func settle(_ amount: String, on date: String, _ items: [OpenItem], policy: SettlementPolicy = SettlementPolicy())
        -> SettlementOutcome {
        let engine = SettlementEngine(policy: policy)
        let ordered = engine.allocationOrder(items, on: day(date))
        return engine.settle(payment: money(amount), on: day(date), items: ordered, entryId: "E1", bankRef: nil,
                             bookingDate: day(date))
    }

    @Test func exactPaymentSettlesInFull() {
        let outcome = settle("100.00", on: "2025-06-10", [invoice("A", "100.00")])
        #expect(outcome.rows.count == 1)
        #expect(outcome.rows[0].kind == .exact)
        #expect(outcome.rows[0].openAfter.isZero)
        #expect(outcome.unapplied.isZero)
        #expect(!outcome.leftPartiallyOpen)
    }

    @Test func shortPaymentIsPartial() {
        let outcome = settle("40.00", on: "2025-06-10", [invoice("A", "100.00")])
        #expect(outcome.rows[0].kind == .partial)
        #expect(outcome.rows[0].openAfter == money("60.00"))
        #expect(outcome.leftPartiallyOpen)
    }

    @Test func overpaymentLeavesTheRestAsCredit() {
        let outcome = settle("130.00", on: "2025-06-10", [invoice("A", "100.00")])
        #expect(outcome.rows[0].kind == .exact)
        #expect(outcome.rows[0].paid == money("100.00"))
        #expect(outcome.unapplied == money("30.00"))
    }

    @Test func fullPaymentWithDiscountInPeriod() {
        let outcome = settle("98.00", on: "2025-06-05", [invoice("A", "100.00", discount: "2%/5 1%/14")])
        #expect(outcome.rows[0].kind == .discount)
        #expect(outcome.rows[0].cashDiscount == money("2.00"))
        #expect(outcome.rows[0].openAfter.isZero)
    }

    @Test func discountPeriodEndsOnItsLastDay() {
        // Invoice June 1, 2 % within 5 days: June 6 is the last day, June 7 falls to the 1 % tier.
        let item = invoice("A", "100.00", discount: "2%/5 1%/14")
        #expect(settle("98.00", on: "2025-06-06", [item]).rows[0].kind == .discount)
        let late = settle("99.00", on: "2025-06-07", [item])
        #expect(late.rows[0].cashDiscount == money("1.00"))
        #expect(late.rows[0].openAfter.isZero)
        let tooLate = settle("99.00", on: "2025-06-16", [item])
        #expect(tooLate.rows[0].kind == .partial)
    }

    @Test func microsoftExampleOnePaymentThreeInvoices() {
        // Dynamics 365 "Cash discounts for several invoices": three invoices of 1,000.00.
        let items = [invoice("MAY15", "1000.00", date: "2025-05-15", discount: "1%/14"),
                     invoice("JUN25A", "1000.00", date: "2025-06-25", discount: "1%/14"),
                     invoice("JUN25B", "1000.00", date: "2025-06-25", discount: "2%/5 1%/14")]
        let june29 = settle("2970.00", on: "2025-06-29", items)
        #expect(june29.rows.map(\.invoiceId) == ["MAY15", "JUN25B", "JUN25A"])
        #expect(june29.rows.map { $0.cashDiscount.formatted() } == ["0.00", "20.00", "10.00"])
        #expect(june29.rows.allSatisfy { $0.openAfter.isZero })
        #expect(june29.unapplied.isZero)

        let july1 = settle("2980.00", on: "2025-07-01", items)
        #expect(july1.rows.map { $0.cashDiscount.formatted() }.sorted() == ["0.00", "10.00", "10.00"])
        #expect(july1.rows.allSatisfy { $0.openAfter.isZero })

        let partial = settle("1485.00", on: "2025-06-29", items)
        #expect(partial.rows.count == 2)
        #expect(partial.rows[0].invoiceId == "MAY15")
        #expect(partial.rows[0].openAfter.isZero)
        #expect(partial.rows[1].invoiceId == "JUN25B")
        #expect(partial.rows[1].cashDiscount == money("9.90"))
        #expect(partial.rows[1].openAfter == money("505.10"))
        #expect(partial.rows[1].kind == .partialDiscount)
    }

    @Test func creditNoteAndInvoiceTogether() {
        let items = [invoice("INV", "500.00", date: "2025-06-01"), invoice("CN", "-100.00", date: "2025-06-03")]
        let outcome = settle("400.00", on: "2025-06-10", items)
        #expect(outcome.rows.map(\.invoiceId) == ["CN", "INV"])
        #expect(outcome.rows[0].kind == .creditNote)
        #expect(outcome.rows[0].paid == money("-100.00"))
        #expect(outcome.rows.allSatisfy { $0.openAfter.isZero })
        #expect(outcome.unapplied.isZero)
    }

    @Test func everyRowKeepsItsIdentity() {
        let items = [invoice("A", "100.00", discount: "3%/10"), invoice("B", "55.55", date: "2025-06-02")]
        for amount in ["1.00", "50.00", "97.00", "150.00", "152.55", "500.00"] {
            let outcome = settle(amount, on: "2025-06-05", items)
            var applied = outcome.unapplied
            for row in outcome.rows {
                #expect(row.settled == row.openBefore - row.openAfter)
                applied += row.paid
            }
            #expect(applied == money(amount), "\(amount)")
        }
    }
}

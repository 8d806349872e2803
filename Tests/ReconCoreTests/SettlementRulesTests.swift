import Testing
@testable import ReconCore

/// The settlement rules of the settlement issue, one suite per rule, with Microsoft's numbers.
func settleOne(_ amount: String, on date: String, _ items: [OpenItem], policy: SettlementPolicy = SettlementPolicy(),
               currency: Currency = .EUR) -> SettlementOutcome {
    let engine = SettlementEngine(policy: policy)
    return engine.settle(payment: money(amount, currency), on: day(date), items: engine.allocationOrder(items, on: day(date)),
                         entryId: "E", bankRef: nil, bookingDate: day(date))
}

func policy(_ change: (inout SettlementPolicy) -> Void) -> SettlementPolicy {
    var policy = SettlementPolicy()
    change(&policy)
    return policy
}

@Suite struct PartialPaymentDiscountTests {
    @Test func discountOnAPartialPayment() {
        // 100.00 at 2 %, 49.00 paid → discount 1.00, open 50.00.
        let outcome = settleOne("49.00", on: "2025-06-03", [invoice("A", "100.00", discount: "2%/5")])
        #expect(outcome.rows[0].kind == .partialDiscount)
        #expect(outcome.rows[0].cashDiscount == money("1.00"))
        #expect(outcome.rows[0].openAfter == money("50.00"))
    }

    @Test func disabledLeavesFiftyOne() {
        let outcome = settleOne("49.00", on: "2025-06-03", [invoice("A", "100.00", discount: "2%/5")],
                                policy: policy { $0.discountOnPartialPayments = false })
        #expect(outcome.rows[0].kind == .partial)
        #expect(outcome.rows[0].cashDiscount.isZero)
        #expect(outcome.rows[0].openAfter == money("51.00"))
    }

    @Test func secondPartialAfterADiscountedFirstTakesOnlyWhatIsLeft() {
        var item = invoice("A", "100.00", discount: "2%/5 1%/14")
        let first = settleOne("49.00", on: "2025-06-03", [item]).rows[0]
        item.openAmount = first.openAfter
        item.discountTaken = first.cashDiscount
        // Still in the 2 % period: 49.00 settles the remaining 50.00 with the remaining 1.00.
        let second = settleOne("49.00", on: "2025-06-05", [item]).rows[0]
        #expect(second.kind == .discount)
        #expect(second.cashDiscount == money("1.00"))
        #expect(second.openAfter.isZero)
        // In the 1 % period the cap (1 % of 100.00 = 1.00) is already used up: no more discount.
        let late = settleOne("49.00", on: "2025-06-10", [item]).rows[0]
        #expect(late.kind == .partial)
        #expect(late.cashDiscount.isZero)
        #expect(late.openAfter == money("1.00"))
    }

    @Test func theDiscountNeverExceedsTheTierOnTheOriginalAmount() {
        var item = invoice("A", "100.00", discount: "2%/30")
        var taken = Money.zero(.EUR)
        for _ in 0..<6 {
            guard !item.openAmount.isZero else { break }
            let row = settleOne("16.33", on: "2025-06-10", [item]).rows[0]
            item.openAmount = row.openAfter
            item.discountTaken += row.cashDiscount
            taken += row.cashDiscount
        }
        #expect(taken <= money("2.00"))
        #expect(item.openAmount.isZero || item.openAmount.isPositive)
    }
}

@Suite struct CreditNoteDiscountTests {
    let items = [invoice("INV", "500.00", date: "2025-06-01", discount: "2%/10"),
                 invoice("CN", "-100.00", date: "2025-06-02", discount: "2%/10")]

    @Test func creditNoteSettlesNetOfItsDiscount() {
        // 490.00 − 98.00 = 392.00 settles both.
        let outcome = settleOne("392.00", on: "2025-06-05", items)
        let note = outcome.rows.first { $0.invoiceId == "CN" }!
        #expect(note.paid == money("-98.00"))
        #expect(note.cashDiscount == money("-2.00"))
        #expect(note.kind == .creditNote)
        #expect(outcome.rows.allSatisfy { $0.openAfter.isZero })
        #expect(outcome.unapplied.isZero)
    }

    @Test func withoutCreditNoteDiscountTheNoteCountsInFull() {
        let outcome = settleOne("390.00", on: "2025-06-05", items, policy: policy { $0.discountOnCreditNotes = false })
        let note = outcome.rows.first { $0.invoiceId == "CN" }!
        #expect(note.paid == money("-100.00"))
        #expect(note.cashDiscount.isZero)
        #expect(outcome.rows.allSatisfy { $0.openAfter.isZero })
    }

    @Test func theJournalReversesTheCreditNoteDiscount() {
        let outcome = settleOne("392.00", on: "2025-06-05", items)
        let transaction = payment("392.00", on: "2025-06-05", bankRef: "1")
        let lines = VoucherBuilder(accounts: LedgerAccounts()).receiptLines(for: transaction, settlements: outcome.rows, credit: nil)
        let discountLines = lines.filter { $0.account == "3080" }.map { $0.amount.formatted() }.sorted()
        #expect(discountLines == ["-2.00", "10.00"])
        #expect(lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 0)
    }
}

@Suite struct ToleranceTests {
    let tolerant = policy {
        $0.maxUnderpayment = ConfiguredAmount("0.05")!
        $0.maxOverpayment = ConfiguredAmount("0.05")!
    }

    @Test func underpaymentAtTheLimitIsWrittenOff() {
        let row = settleOne("99.95", on: "2025-06-10", [invoice("A", "100.00")], policy: tolerant).rows[0]
        #expect(row.kind == .underpayment)
        #expect(row.writeOff == money("0.05"))
        #expect(row.openAfter.isZero)
    }

    @Test func underpaymentBeyondTheLimitStaysOpen() {
        let outcome = settleOne("99.94", on: "2025-06-10", [invoice("A", "100.00")], policy: tolerant)
        #expect(outcome.rows[0].kind == .partial)
        #expect(outcome.rows[0].openAfter == money("0.06"))
        #expect(outcome.leftPartiallyOpen)
    }

    @Test func overpaymentAtTheLimitIsAbsorbed() {
        let outcome = settleOne("100.05", on: "2025-06-10", [invoice("A", "100.00")], policy: tolerant)
        #expect(outcome.rows[0].kind == .overpayment)
        #expect(outcome.rows[0].writeOff == money("-0.05"))
        #expect(outcome.rows[0].paid == money("100.05"))
        #expect(outcome.unapplied.isZero)
    }

    @Test func overpaymentBeyondTheLimitBecomesCredit() {
        let outcome = settleOne("100.06", on: "2025-06-10", [invoice("A", "100.00")], policy: tolerant)
        #expect(outcome.rows[0].kind == .exact)
        #expect(outcome.unapplied == money("0.06"))
    }

    @Test func exactOrDiscountedMatchComesBeforeTolerance() {
        // 98.00 is the discounted amount: a discount, not an underpayment of 2.00 or 0.00.
        let row = settleOne("98.00", on: "2025-06-03", [invoice("A", "100.00", discount: "2%/5")], policy: tolerant).rows[0]
        #expect(row.kind == .discount)
        #expect(row.writeOff.isZero)
    }

    @Test func toleranceInAZeroDecimalCurrencyRoundsTowardZero() {
        let yen = policy { $0.maxUnderpayment = ConfiguredAmount("0.9")! }
        let outcome = settleOne("9999", on: "2025-06-10", [invoice("A", "10000", currency: .JPY)], policy: yen, currency: .JPY)
        #expect(outcome.rows[0].kind == .partial)
    }
}

@Suite struct OverpaidDiscountTests {
    // Invoice 105.00, discount 10 % = 10.50, 95.00 paid in the period (0.50 more than 94.50).
    let item = invoice("A", "105.00", discount: "10%/10")

    @Test func specificTakesTheFullDiscountAndAbsorbsTheRest() {
        let outcome = settleOne("95.00", on: "2025-06-05", [item], policy: policy { $0.maxOverpayment = ConfiguredAmount("0.50")! })
        #expect(outcome.rows[0].cashDiscount == money("10.50"))
        #expect(outcome.rows[0].writeOff == money("-0.50"))
        #expect(outcome.rows[0].kind == .overpayment)
        #expect(outcome.unapplied.isZero)
    }

    @Test func specificWithoutToleranceLeavesTheRestAsCredit() {
        let outcome = settleOne("95.00", on: "2025-06-05", [item])
        #expect(outcome.rows[0].cashDiscount == money("10.50"))
        #expect(outcome.rows[0].paid == money("94.50"))
        #expect(outcome.unapplied == money("0.50"))
    }

    @Test func unspecificReducesTheDiscount() {
        let outcome = settleOne("95.00", on: "2025-06-05", [item], policy: policy { $0.cashDiscountAdministration = .unspecific })
        #expect(outcome.rows[0].cashDiscount == money("10.00"))
        #expect(outcome.rows[0].kind == .discount)
        #expect(outcome.rows[0].openAfter.isZero)
        #expect(outcome.unapplied.isZero)
    }

    @Test func unspecificBeyondTheWholeDiscountFallsToTheOverpaymentRules() {
        let outcome = settleOne("106.00", on: "2025-06-05", [item], policy: policy { $0.cashDiscountAdministration = .unspecific })
        #expect(outcome.rows[0].cashDiscount.isZero)
        #expect(outcome.unapplied == money("1.00"))
    }
}

@Suite struct DiscountRoundingTests {
    @Test func halfACentRoundsByTheConfiguredMode() {
        // 100.25 × 2 % = 2.005
        let item = invoice("A", "100.25", discount: "2%/5")
        #expect(settleOne("98.24", on: "2025-06-02", [item]).rows[0].cashDiscount == money("2.01"))
        let even = settleOne("98.25", on: "2025-06-02", [item], policy: policy { $0.rounding = .halfEven })
        #expect(even.rows[0].cashDiscount == money("2.00"))
        #expect(even.rows[0].openAfter.isZero)
    }

    @Test func partialDiscountAtHalfACent() {
        // 10.02 × 20 % / 80 % = 2.505
        let item = invoice("A", "100.00", discount: "20%/10")
        #expect(settleOne("10.02", on: "2025-06-02", [item]).rows[0].cashDiscount == money("2.51"))
        #expect(settleOne("10.02", on: "2025-06-02", [item], policy: policy { $0.rounding = .halfEven })
            .rows[0].cashDiscount == money("2.50"))
    }

    @Test func zeroDecimalCurrency() {
        // 10025 JPY × 2 % = 200.5 yen
        let item = invoice("A", "10025", discount: "2%/5", currency: .JPY)
        #expect(settleOne("9824", on: "2025-06-02", [item], currency: .JPY).rows[0].cashDiscount.minorUnits == 201)
        let partial = settleOne("4900", on: "2025-06-02", [invoice("B", "10000", discount: "2%/5", currency: .JPY)], currency: .JPY)
        #expect(partial.rows[0].cashDiscount.minorUnits == 100)
        #expect(partial.rows[0].openAfter.minorUnits == 5000)
    }

    @Test func threeDecimalCurrency() {
        // 100.020 KWD × 2.5 % = 2.5005 → 2.501 half-up, 2.500 half-even
        let item = invoice("A", "100.020", discount: "2.5%/5", currency: .KWD)
        #expect(settleOne("97.519", on: "2025-06-02", [item], currency: .KWD).rows[0].cashDiscount.formatted() == "2.501")
        #expect(settleOne("97.520", on: "2025-06-02", [item], policy: policy { $0.rounding = .halfEven }, currency: .KWD)
            .rows[0].cashDiscount.formatted() == "2.500")
    }
}

@Suite struct DiscountDateTests {
    @Test func valueDateDecidesWhenConfigured() throws {
        var transaction = payment("98.00", on: "2025-06-09", ref: "R", bankRef: "1")
        transaction.valueDate = day("2025-06-04")
        let items = [invoice("A", "100.00", discount: "2%/5", reference: "R")]
        let byBooking = Reconciler().reconcile(openItems: items, transactions: [transaction])
        #expect(byBooking.settlements[0].kind == .partial)
        let byValue = Reconciler(policy: policy { $0.discountDate = .value }).reconcile(openItems: items, transactions: [transaction])
        #expect(byValue.settlements[0].kind == .discount)
    }
}

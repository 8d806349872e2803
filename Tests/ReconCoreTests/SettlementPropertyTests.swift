import PropertyBased
import Testing
@testable import ReconCore

/// Random open items and payments in currencies with 0, 2 and 3 decimals, with random discount
/// tiers, tolerances and policies: money is conserved, vouchers balance, rows keep their identity,
/// open amounts never change sign, and the result does not depend on the order of the items.
@Suite struct SettlementPropertyTests {
    /// An item: amount in minor units, discount choice, age in days, is it a credit note.
    typealias ItemSeed = (Int, Int, Int, Bool)
    /// A payment: which item it names (index, or none), percent of that item's amount, day, how it names it.
    typealias PaymentSeed = (Int, Int, Int, Int)
    /// Policy: currency, under- and overpayment tolerance in minor units, flags.
    typealias PolicySeed = (Int, Int, Int, Int)

    static let items = zip(Gen.int(in: 1...200_000), Gen.int(in: 0...4), Gen.int(in: 0...20), Gen.bool(0.2)).array(of: 1...8)
    static let payments = zip(Gen.int(in: 0...9), Gen.int(in: 1...130), Gen.int(in: 0...30), Gen.int(in: 0...3)).array(of: 1...10)
    static let policies = zip(Gen.int(in: 0...2), Gen.int(in: 0...150), Gen.int(in: 0...150), Gen.int(in: 0...15))

    static let tiers = ["", "2%/5", "2%/5 1%/14", "3%/10", "1.5%/30"]

    static func scenario(_ itemSeeds: [ItemSeed], _ paymentSeeds: [PaymentSeed], _ policySeed: PolicySeed)
        -> (items: [OpenItem], payments: [BankTransaction], policy: SettlementPolicy) {
        let currency = [Currency.EUR, .JPY, .KWD][policySeed.0]
        let start = day("2025-06-01")
        var items: [OpenItem] = []
        for (index, seed) in itemSeeds.enumerated() {
            let amount = Money(minorUnits: Int64(seed.3 ? -seed.0 : seed.0), currency: currency)
            items.append(OpenItem(invoiceId: "I\(index)", customerId: index % 3 == 0 ? "C2" : "C1",
                                  type: seed.3 ? .creditNote : .invoice, amount: amount,
                                  invoiceDate: start.adding(days: seed.2),
                                  cashDiscount: DiscountTier.parseTiers(tiers[seed.1])!, reference: "R\(index)"))
        }
        var payments: [BankTransaction] = []
        for (index, seed) in paymentSeeds.enumerated() {
            let named = seed.0 < items.count ? items[seed.0].invoiceId : "nothing"
            let other = items[(seed.0 + 1) % items.count].invoiceId
            let base = items[seed.0 % items.count].amount.minorUnits.magnitude
            let units = max(1, Int64(base) * Int64(seed.1) / 100)
            var transaction = BankTransaction(
                bankRef: "B\(index)", account: "ACC", amount: Money(minorUnits: units, currency: currency),
                bookingDate: start.adding(days: seed.2),
                structuredRef: seed.3 == 0 ? "R\(seed.0)" : nil,
                text: seed.3 == 1 ? "invoice \(named)" : seed.3 == 2 ? "\(named) and \(other)" : "", origin: testOrigin)
            var identity = EntryIdentity()
            identity.assign(&transaction, entryReference: transaction.bankRef, index: 1)
            payments.append(transaction)
        }
        var policy = SettlementPolicy()
        policy.maxUnderpayment = ConfiguredAmount(tenThousandths: Int64(policySeed.1) * 100)
        policy.maxOverpayment = ConfiguredAmount(tenThousandths: Int64(policySeed.2) * 100)
        policy.discountOnPartialPayments = policySeed.3 & 1 == 0
        policy.discountOnCreditNotes = policySeed.3 & 2 == 0
        policy.cashDiscountAdministration = policySeed.3 & 4 == 0 ? .specific : .unspecific
        policy.rounding = policySeed.3 & 8 == 0 ? .halfUp : .halfEven
        return (items, payments, policy)
    }

    @Test func moneyIsConservedAndEveryVoucherBalances() async {
        await propertyCheck(count: 300, input: Self.items, Self.payments, Self.policies) { itemSeeds, paymentSeeds, policySeed in
            let (items, payments, policy) = Self.scenario(itemSeeds, paymentSeeds, policySeed)
            let result = Reconciler(policy: policy).reconcile(openItems: items, transactions: payments)
            #expect(result.summary.isBalanced)
            #expect(result.vouchers.allSatisfy { $0.isBalanced })
            // Every payment is settled or reported, exactly once.
            let settled = result.settledTransactions.values.reduce(0, +)
            #expect(settled + result.exceptions.filter { !$0.isSettled }.count == payments.count)
            for row in result.settlements {
                #expect(row.settled == row.openBefore - row.openAfter)
                #expect(row.openAfter.isZero || row.openAfter.isNegative == row.openBefore.isNegative)
            }
            // What each item lost is what its rows settled, and no item changed sign.
            let after = Dictionary(uniqueKeysWithValues: result.openItems.map { ($0.invoiceId, $0) })
            for item in items {
                let rows = result.settlements.filter { $0.invoiceId == item.invoiceId }
                let settledTotal = rows.map(\.settled).sum(startingAt: .zero(item.currency))
                let remaining = after[item.invoiceId]?.openAmount ?? .zero(item.currency)
                #expect(item.openAmount - settledTotal == remaining, "\(item.invoiceId)")
                #expect(remaining.isZero || remaining.isNegative == item.amount.isNegative, "\(item.invoiceId)")
                // The discount taken up to each payment never exceeds the tier in force that day
                // on the original amount.
                var taken = Money.zero(item.currency)
                for row in rows where !row.cashDiscount.isZero {
                    taken += row.cashDiscount
                    let rate = item.discountTier(on: row.bookingDate)?.rate ?? Rate(partsPerMillion: 0)
                    let cap = item.amount.magnitude.multiplied(by: rate, rounding: policy.rounding)
                    #expect(taken.magnitude <= cap, "\(item.invoiceId): discount \(taken) above \(cap) on \(row.bookingDate)")
                }
            }
        }
    }

    @Test func theOrderOfTheOpenItemsDoesNotMatter() async {
        await propertyCheck(count: 150, input: Self.items, Self.payments, Self.policies) { itemSeeds, paymentSeeds, policySeed in
            let (items, payments, policy) = Self.scenario(itemSeeds, paymentSeeds, policySeed)
            let reconciler = Reconciler(policy: policy)
            let forward = reconciler.reconcile(openItems: items, transactions: payments)
            let backward = reconciler.reconcile(openItems: items.reversed(), transactions: payments)
            #expect(forward.settlements == backward.settlements)
            #expect(forward.vouchers == backward.vouchers)
            #expect(Set(forward.openItems) == Set(backward.openItems))
        }
    }
}

import PropertyBased
import Testing
@testable import ReconCore

/// Properties of any reconciliation (see `RandomRun` for what is random), each computed from the
/// result's rows rather than taken from its summary — which is checked against them too.
@Suite struct ReconciliationPropertyTests {
    /// Money is conserved per currency: every receipt is applied, left as a customer credit, posted
    /// to suspense or waiting in the exception report — and the summary says the same.
    static func checkConservation(_ run: RandomRun, _ result: ReconciliationResult) {
        for currency in Set(run.transactions.map(\.amount.currency) + run.items.map(\.currency)) {
            func sum(_ amounts: [Money]) -> Int64 { amounts.filter { $0.currency == currency }.reduce(0) { $0 + $1.minorUnits } }
            let received = sum(run.transactions.filter(\.isReceipt).map(\.amount))
            let applied = sum(result.settlements.map(\.paid))
            let credits = -sum(result.newCredits.map(\.amount))
            let suspense = sum(result.suspense.map(\.amount))
            let waiting = sum(result.exceptions.filter { !$0.isSettled }.map(\.transaction.amount))
            #expect(received == applied + credits + suspense + waiting,
                    "\(currency.code): received \(received) ≠ applied \(applied) + credits \(credits) + suspense \(suspense) + waiting \(waiting)")
            if let summary = result.summary.currencies.first(where: { $0.currency == currency }) {
                #expect(summary.received.minorUnits == received && summary.applied.minorUnits == applied)
                #expect(summary.newCredits.minorUnits == credits && summary.toSuspense.minorUnits == suspense)
                #expect(summary.inExceptions.minorUnits == waiting)
            }
        }
        #expect(result.summary.isBalanced)
    }

    /// Every voucher's lines add up to zero in its currency, and its bank line is the money received.
    static func checkVouchers(_ run: RandomRun, _ result: ReconciliationResult) {
        let byId = Dictionary(uniqueKeysWithValues: run.transactions.map { ($0.entryId, $0) })
        for voucher in result.vouchers {
            #expect(voucher.lines.allSatisfy { $0.amount.currency == voucher.currency })
            #expect(voucher.lines.reduce(0) { $0 + $1.amount.minorUnits } == 0, "voucher \(voucher.number)")
            let bank = voucher.lines.filter { $0.account == LedgerAccounts().bank }.reduce(0) { $0 + $1.amount.minorUnits }
            #expect(bank == byId[voucher.entryId]?.amount.minorUnits, "voucher \(voucher.number) banks \(bank)")
        }
        #expect(result.summary.unbalancedVouchers == 0)
    }

    /// Each row: paid + discount + write-off = settled = open before − open after; an item's rows
    /// take it from its open amount to what stays open, never past zero.
    static func checkRows(_ run: RandomRun, _ result: ReconciliationResult) {
        for row in result.settlements {
            #expect(row.paid + row.cashDiscount + row.writeOff == row.settled)
            #expect(row.settled + row.openAfter == row.openBefore)
            #expect(row.openAfter.isZero || row.openAfter.isNegative == row.openBefore.isNegative)
        }
        let after = Dictionary(uniqueKeysWithValues: result.openItems.map { ($0.invoiceId, $0.openAmount) })
        for item in run.items {
            let settled = result.settlements.filter { $0.invoiceId == item.invoiceId }.map(\.settled)
            #expect(item.openAmount - settled.sum(startingAt: .zero(item.currency)) == after[item.invoiceId] ?? .zero(item.currency))
        }
        // Every transaction is settled, reported, listed or in suspense — exactly once.
        let settled = result.settledTransactions.values.reduce(0, +)
        let accounted = settled + result.exceptions.filter { !$0.isSettled }.count + result.otherEntries.count + result.suspense.count
        #expect(accounted == run.transactions.count)
    }

    @Test func moneyIsConservedVouchersBalanceRowsAddUp() async {
        await propertyCheck(count: 250, input: RandomRun.items, RandomRun.payments, RandomRun.policies) { items, payments, policy in
            let run = RandomRun(items, payments, policy)
            let result = run.reconcile()
            Self.checkConservation(run, result)
            Self.checkVouchers(run, result)
            Self.checkRows(run, result)
        }
    }

    /// What the next payments say, and whether their entry id came before, is worked out on the
    /// other core while the current ones settle: however many are worked out ahead, the result is
    /// the sequential run's (chunk 0), field for field — nothing a payment's clues depend on
    /// changes as the book does. Every third transaction comes twice (every sixth with another
    /// amount), so that repeats fall inside and across chunks.
    @Test func workingAheadOnTheOtherCoreChangesNothing() async {
        await propertyCheck(count: 100, input: RandomRun.items, RandomRun.payments, RandomRun.policies) { items, payments, policy in
            var run = RandomRun(items, payments, policy)
            for (index, transaction) in run.transactions.enumerated() where index % 3 == 0 {
                var again = transaction
                if index % 2 == 0 { again.amount = again.amount + Money(minorUnits: 1, currency: again.amount.currency) }
                again.origin = SourceLocation(file: "bank", line: 10_000 + index)
                run.transactions.append(again)
            }
            let reconciler = Reconciler(policy: run.policy)
            // Every field as text, but the one dictionary compared as such (its order of description
            // is not fixed).
            func result(chunk: Int) -> (fields: String, settled: [Currency: Int]) {
                var result = reconciler.reconcile(reconciler.prepare(openItems: run.items), transactions: run.transactions,
                                                  chunk: chunk)
                let settled = result.settledTransactions
                result.settledTransactions = [:]
                return (String(describing: result), settled)
            }
            let sequential = result(chunk: 0)
            for chunk in [1, 2, 5, ReconciliationRun.chunk] {
                let ahead = result(chunk: chunk)
                #expect(ahead.fields == sequential.fields && ahead.settled == sequential.settled, "chunk \(chunk)")
            }
        }
    }

    /// A reviewer sends some unsettled receipts to suspense and ignores others: the money moves
    /// from "waiting" to "suspense", each with a balanced voucher, and nothing else changes.
    @Test func decisionsMoveMoneyToSuspenseAndNowhereElse() async {
        await propertyCheck(count: 120, input: RandomRun.items, RandomRun.payments, RandomRun.policies,
                            Gen.int(in: 0...Int(UInt16.max))) { items, payments, policy, choice in
            let run = RandomRun(items, payments, policy)
            let first = run.reconcile()
            let open = first.exceptions.filter { !$0.isSettled }
            let decisions = open.enumerated().map { index, exception in
                Decision(exceptionId: exception.exceptionId, kind: choice >> (index % 16) & 1 == 0 ? .suspense : .ignore,
                         origin: SourceLocation(file: "decisions", line: index + 2))
            }
            let decided = run.reconcile(decisions: decisions)
            #expect(decided.decisionProblems.isEmpty, "\(decided.decisionProblems)")
            #expect(decided.suspense.count == decisions.filter { $0.kind == .suspense }.count)
            #expect(decided.settlements == first.settlements)
            Self.checkConservation(run, decided)
            Self.checkVouchers(run, decided)
            Self.checkRows(run, decided)
        }
    }
}

import PropertyBased
import Testing
@testable import ReconCore

/// Where order matters and where it does not (docs/reliability.md):
/// - the order of the open items never matters;
/// - receipts are settled in booking-date order, and receipts booked on the same day in input
///   order (first come, first served, as Dynamics 365 settles them) — so a permutation of the bank
///   rows gives the same result when it keeps the order of each day's rows, whatever it does
///   across days; a same-day reordering may give an item to the other payment, and then the
///   result is a different one that still conserves money and balances.
@Suite struct PermutationPropertyTests {
    /// A random permutation of `values`, from one sort key per element.
    static func permuted<T>(_ values: [T], keys: [Int]) -> [T] {
        values.enumerated().sorted { (keys[$0.offset % keys.count], $0.offset) < (keys[$1.offset % keys.count], $1.offset) }
            .map(\.element)
    }

    static let keys = Gen.int(in: 0...1_000).array(of: 1...16)

    static func same(_ first: ReconciliationResult, _ second: ReconciliationResult) {
        #expect(first.settlements == second.settlements)
        #expect(first.vouchers == second.vouchers)
        #expect(first.exceptions == second.exceptions)
        #expect(first.otherEntries == second.otherEntries)
        #expect(Set(first.openItems) == Set(second.openItems))
        #expect(first.newCredits == second.newCredits)
        #expect(first.summary == second.summary)
    }

    @Test func theOrderOfTheOpenItemsNeverMatters() async {
        await propertyCheck(count: 150, input: RandomRun.items, RandomRun.payments, RandomRun.policies, Self.keys) { items, payments, policy, keys in
            let run = RandomRun(items, payments, policy)
            Self.same(run.reconcile(), run.reconcile(items: Self.permuted(run.items, keys: keys)))
        }
    }

    @Test func bankRowsMayMoveAcrossDaysButNotWithinOne() async {
        await propertyCheck(count: 150, input: RandomRun.items, RandomRun.payments, RandomRun.policies, Self.keys) { items, payments, policy, keys in
            let run = RandomRun(items, payments, policy)
            // Shuffle, then put each day's rows back in their original order.
            let shuffled = Self.permuted(Array(run.transactions.enumerated()), keys: keys)
            var byDay: [CalendarDate: [Int]] = [:]
            for (offset, transaction) in run.transactions.enumerated() { byDay[transaction.bookingDate, default: []].append(offset) }
            var next: [CalendarDate: Int] = [:]
            let reordered = shuffled.map { _, transaction in
                let day = transaction.bookingDate
                defer { next[day, default: 0] += 1 }
                return run.transactions[byDay[day]![next[day, default: 0]]]
            }
            Self.same(run.reconcile(), run.reconcile(transactions: reordered))
        }
    }

    /// Reordering a day's rows is allowed to change who gets an item, never the bookkeeping.
    @Test func anyOrderOfTheBankRowsConservesMoney() async {
        await propertyCheck(count: 100, input: RandomRun.items, RandomRun.payments, RandomRun.policies, Self.keys) { items, payments, policy, keys in
            let run = RandomRun(items, payments, policy)
            let result = run.reconcile(transactions: Self.permuted(run.transactions, keys: keys))
            ReconciliationPropertyTests.checkConservation(run, result)
            ReconciliationPropertyTests.checkVouchers(run, result)
            ReconciliationPropertyTests.checkRows(run, result)
        }
    }
}

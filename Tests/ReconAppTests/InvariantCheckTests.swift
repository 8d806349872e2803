import Testing
@testable import ReconCore
import ReconApp

/// `ReconcileJob.checkInvariants` stops a run whose vouchers do not balance or whose transactions
/// are not all accounted for; it counts them in place, without copies.
@Suite struct InvariantCheckTests {
    let date = CalendarDate(iso: "2025-03-10")!

    func voucher(_ number: String, _ amounts: [(Int64, Currency)]) -> Voucher {
        Voucher(number: number, date: date, currency: .EUR, entryId: "E-\(number)",
                lines: amounts.map { JournalLine(account: "1920", amount: Money(minorUnits: $0.0, currency: $0.1), text: "x") })
    }

    func failure(_ result: ReconciliationResult, transactions: Int) -> [String] {
        do {
            try ReconcileJob.checkInvariants(result, transactionCount: transactions)
            return []
        } catch let failure as ReconFailure {
            return failure.messages
        } catch {
            return ["\(error)"]
        }
    }

    @Test func balancedVouchersPass() {
        var result = ReconciliationResult()
        result.vouchers = [voucher("V1", [(100, .EUR), (-100, .EUR)]), voucher("V2", [(5, .EUR), (-2, .EUR), (-3, .EUR)])]
        result.settledTransactions[.EUR] = 2
        #expect(failure(result, transactions: 2) == [])
    }

    @Test func anUnbalancedVoucherOrALineInAnotherCurrencyIsNamed() {
        var result = ReconciliationResult()
        result.vouchers = [voucher("V1", [(100, .EUR), (-100, .EUR)]), voucher("V2", [(100, .EUR), (-99, .EUR)]),
                           voucher("V3", [(100, .EUR), (-100, .NOK)])]
        result.settledTransactions[.EUR] = 3
        #expect(failure(result, transactions: 3) == ["internal error: voucher V2 (E-V2) does not balance",
                                                     "internal error: voucher V3 (E-V3) does not balance"])
    }

    @Test func unsettledExceptionsCountAndSettledOnesDoNot() {
        let transaction = BankTransaction(amount: Money(minorUnits: 100, currency: .EUR), bookingDate: date,
                                          origin: SourceLocation(file: "b.csv", line: 2))
        var result = ReconciliationResult()
        result.exceptions = [ReconException(kind: .noMatch, transaction: transaction, reason: "r", suggestedAction: "match"),
                             ReconException(kind: .partialPayment, transaction: transaction, reason: "r",
                                            suggestedAction: "full_settlement", isSettled: true)]
        result.settledTransactions[.EUR] = 1
        #expect(failure(result, transactions: 2) == [])
        #expect(failure(result, transactions: 3) == ["internal error: 3 transactions read, but 2 settled, reported or listed"])
    }
}

import GRDB
import ReconCore

/// The workspace's totals per currency, in the shape of a run's summary: every transaction a match
/// has looked at is settled, to suspense, in the report (or ignored there) or among the other
/// entries, so that `received = applied + new credits + suspense + in exceptions` holds for the
/// whole workspace as it does for one `reconcile`. Transactions not matched yet are left out here
/// (`WorkspaceStatus` counts them).
enum WorkspaceSummary {
    static func compute(_ db: Database, columns decode: Columns) throws -> Summary {
        var byCurrency: [String: CurrencySummary] = [:]
        func update(_ code: String, _ change: (inout CurrencySummary, Currency) -> Void) throws {
            let currency = try decode.currency(code)
            change(&byCurrency[code, default: CurrencySummary(currency: currency)], currency)
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT currency, count(*), sum(state = 'settled'), sum(state = 'other'), sum(CASE WHEN state = 'other' THEN amount END),
              sum(state = 'suspense'), sum(CASE WHEN state = 'suspense' THEN amount END),
              sum(status = 'booked' AND NOT is_reversal AND amount > 0),
              sum(CASE WHEN status = 'booked' AND NOT is_reversal AND amount > 0 THEN amount END),
              sum(CASE WHEN state IN ('exception', 'ignored') THEN amount END)
            FROM transactions WHERE state <> 'new' GROUP BY currency
            """) {
            try update(row[0]) { summary, currency in
                summary.transactions = row[1]
                summary.settledTransactions = row[2]
                summary.otherEntries = row[3]
                summary.otherEntriesAmount = Money(minorUnits: row[4] ?? 0, currency: currency)
                summary.suspenseTransactions = row[5]
                summary.toSuspense = Money(minorUnits: row[6] ?? 0, currency: currency)
                summary.receipts = row[7]
                summary.received = Money(minorUnits: row[8] ?? 0, currency: currency)
                summary.inExceptions = Money(minorUnits: row[9] ?? 0, currency: currency)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT currency, sum(paid), sum(cash_discount), sum(write_off) FROM settlements GROUP BY currency
            """) {
            try update(row[0]) { summary, currency in
                summary.applied = Money(minorUnits: row[1] ?? 0, currency: currency)
                summary.discounts = Money(minorUnits: row[2] ?? 0, currency: currency)
                summary.writeOffs = Money(minorUnits: row[3] ?? 0, currency: currency)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT currency, -sum(amount) FROM items WHERE source_entry_id IS NOT NULL GROUP BY currency
            """) {
            try update(row[0]) { summary, currency in summary.newCredits = Money(minorUnits: row[1] ?? 0, currency: currency) }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT t.currency, count(*) FROM exceptions e JOIN transactions t ON t.entry_id = e.entry_id GROUP BY t.currency
            """) {
            try update(row[0]) { summary, _ in summary.exceptions = row[1] }
        }
        let vouchers = try Int.fetchOne(db, sql: "SELECT count(*) FROM vouchers") ?? 0
        let unbalanced = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT voucher FROM journal_lines GROUP BY voucher HAVING sum(amount) <> 0)
            """) ?? 0
        return Summary(currencies: byCurrency.values.sorted { $0.currency.code < $1.currency.code },
                       vouchers: vouchers, unbalancedVouchers: unbalanced)
    }
}

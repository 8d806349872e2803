import GRDB
import ReconCore

/// The workspace's own consistency, as `recon status --check` and the crash tests check it:
/// SQLite's integrity check and foreign keys, and the ledger's rules — every voucher balances,
/// every item's open amount is what it was imported with less what was settled on it, every
/// transaction's state agrees with its rows, and every currency balances.
enum Invariants {
    static func problems(_ db: Database, columns decode: Columns) throws -> [String] {
        var problems: [String] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { problems += integrity.map { "integrity check: \($0)" } }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            problems.append("foreign key: table \(row[0] as String) row \(row[1] as Int64? ?? 0) points to a missing \(row[2] as String)")
        }
        func check(_ sql: String, _ message: (Row) -> String) throws {
            for row in try Row.fetchAll(db, sql: sql + " LIMIT 20") { problems.append(message(row)) }
        }
        try check("SELECT voucher, sum(amount) FROM journal_lines GROUP BY voucher HAVING sum(amount) <> 0") {
            "voucher \(SettlementRecords.number($0[0])) does not balance (\($0[1] as Int64))"
        }
        try check("""
            SELECT i.invoice_id, i.open_amount, i.initial_open - coalesce(sum(s.paid + s.cash_discount + s.write_off), 0)
            FROM items i LEFT JOIN settlements s ON s.invoice_id = i.invoice_id GROUP BY i.invoice_id
            HAVING i.open_amount <> i.initial_open - coalesce(sum(s.paid + s.cash_discount + s.write_off), 0)
            """) { "item \($0[0] as String) is open \($0[1] as Int64), but its settlements leave \($0[2] as Int64)" }
        try check("""
            SELECT entry_id FROM transactions t WHERE state = 'settled'
            AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.entry_id = t.entry_id)
            """) { "transaction \($0[0] as String) is settled without settlements" }
        try check("""
            SELECT entry_id, state FROM transactions t WHERE state IN ('new', 'other', 'exception', 'ignored')
            AND EXISTS (SELECT 1 FROM settlements s WHERE s.entry_id = t.entry_id)
            """) { "transaction \($0[0] as String) is \($0[1] as String) but has settlements" }
        try check("""
            SELECT entry_id FROM transactions t WHERE state = 'exception'
            AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.entry_id = t.entry_id AND e.decision IS NULL)
            """) { "transaction \($0[0] as String) waits in the report, but has no open exception" }
        let summary = try WorkspaceSummary.compute(db, columns: decode)
        for currency in summary.currencies where !currency.isBalanced {
            problems.append("\(currency.currency.code): received \(currency.received) ≠ applied \(currency.applied) + new credits "
                            + "\(currency.newCredits) + suspense \(currency.toSuspense) + in exceptions \(currency.inExceptions)")
        }
        return problems
    }
}

extension Workspace {
    /// What is inconsistent in the workspace; empty when all is well.
    public func check() throws -> [String] {
        let decode = Columns(path: databasePath)
        return try read { try Invariants.problems($0, columns: decode) }
    }
}

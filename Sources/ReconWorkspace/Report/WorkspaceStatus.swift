import GRDB
import ReconCore

/// `recon status`: what is open in the workspace and when it last changed.
public struct WorkspaceStatus: Sendable {
    /// Counts and totals of one currency.
    public struct CurrencyStatus: Sendable, Hashable {
        public var currency: Currency
        public var openItems = 0
        /// The sum of what is open: invoices less credit notes and customer credits.
        public var openAmount: Money
        /// Transactions imported but not matched yet.
        public var unmatched = 0
        public var unmatchedAmount: Money
        /// Receipts waiting in the exception report, and partial payments still under review.
        public var openExceptions = 0
        public var openExceptionsAmount: Money
        public var unexportedVouchers = 0

        init(currency: Currency) {
            self.currency = currency
            openAmount = .zero(currency)
            unmatchedAmount = .zero(currency)
            openExceptionsAmount = .zero(currency)
        }
    }

    public var schemaVersion: Int
    public var currencies: [CurrencyStatus]
    /// The totals of everything matched so far (`balanced` as in summary.json).
    public var summary: Summary
    public var lastImport: AuditLog.Entry?
    public var lastMatch: AuditLog.Entry?
    public var lastExport: AuditLog.Entry?
    public var exports: Int

    static func compute(_ db: Database, columns decode: Columns) throws -> WorkspaceStatus {
        var byCurrency: [String: CurrencyStatus] = [:]
        func update(_ code: String, _ change: (inout CurrencyStatus, Currency) -> Void) throws {
            let currency = try decode.currency(code)
            change(&byCurrency[code, default: CurrencyStatus(currency: currency)], currency)
        }
        for row in try Row.fetchAll(db, sql: "SELECT currency, count(*), sum(open_amount) FROM items WHERE open_amount <> 0 GROUP BY currency") {
            try update(row[0]) { status, currency in
                status.openItems = row[1]
                status.openAmount = Money(minorUnits: row[2], currency: currency)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT currency, count(*), sum(amount) FROM transactions WHERE state = 'new' GROUP BY currency") {
            try update(row[0]) { status, currency in
                status.unmatched = row[1]
                status.unmatchedAmount = Money(minorUnits: row[2], currency: currency)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT t.currency, count(*), sum(CASE WHEN e.is_settled THEN 0 ELSE t.amount END)
            FROM exceptions e JOIN transactions t ON t.entry_id = e.entry_id WHERE e.decision IS NULL GROUP BY t.currency
            """) {
            try update(row[0]) { status, currency in
                status.openExceptions = row[1]
                status.openExceptionsAmount = Money(minorUnits: row[2], currency: currency)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT currency, count(*) FROM vouchers WHERE export IS NULL GROUP BY currency") {
            try update(row[0]) { status, _ in status.unexportedVouchers = row[1] }
        }
        func last(_ commands: String) throws -> AuditLog.Entry? {
            try AuditLog.last(db, commands: commands)
        }
        return WorkspaceStatus(
            schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
            currencies: byCurrency.values.sorted { $0.currency.code < $1.currency.code },
            summary: try WorkspaceSummary.compute(db, columns: decode),
            lastImport: try last("'import invoices', 'import bank'"), lastMatch: try last("'match', 'decide'"),
            lastExport: try last("'export'"), exports: try Int.fetchOne(db, sql: "SELECT count(*) FROM exports") ?? 0)
    }
}

extension Workspace {
    /// Counts and totals, read in one snapshot.
    public func status() throws -> WorkspaceStatus {
        let decode = Columns(path: databasePath)
        return try read { try WorkspaceStatus.compute($0, columns: decode) }
    }

    /// The audit trail, oldest first (`limit`: only the last so many).
    public func log(limit: Int? = nil) throws -> [AuditLog.Entry] {
        try read { try AuditLog.entries($0, limit: limit) }
    }
}

import GRDB
import ReconCore
import ReconFormats

/// `recon import invoices FILE`: loads open items into the workspace, or updates them by
/// `invoice_id`.
///
/// A new id is added. An item recon has not settled on yet takes everything the file says (the
/// ERP is the authority). An item that already has settlements keeps recon's open amount and
/// discount taken — the ERP may not have booked recon's journal yet — and takes only what
/// describes it (name, due date, reference, IBAN, discount terms); a different amount, currency
/// or customer for it is an error naming the file's line, both values and the settlements, and
/// nothing of the file is imported.
public struct InvoiceImport: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public struct Report: Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var warnings: [Finding] = []
        public var logId: Int64 = 0

        public var counts: String { "\(added) new, \(updated) updated, \(unchanged) unchanged" }
    }

    public func run(in workspace: Workspace) throws -> Report {
        let hash = FileHash(path: path)
        var reader = OpenItemsReader()
        let items = try reader.read(FileByteSource(path: path))
        let sha = try hash.value()
        let decode = Columns(path: workspace.databasePath)
        return try workspace.write { db in
            var report = Report(warnings: reader.warnings)
            report.logId = try AuditLog.add(db, command: "import invoices", file: Environment.absolutePath(path), sha256: sha)
            var findings: [Finding] = []
            let existing = try db.cachedStatement(sql: "SELECT \(ItemRecords.columns) FROM items WHERE invoice_id = ?")
            for item in items {
                guard let row = try Row.fetchOne(existing, arguments: [item.invoiceId]) else {
                    try ItemRecords.insert(item, log: report.logId, db)
                    report.added += 1
                    continue
                }
                let stored = try ItemRecords.item(row, decode)
                let settlements = try Self.settlements(of: item.invoiceId, db)
                if settlements.isEmpty {
                    if Self.sameContent(stored, item) {
                        report.unchanged += 1
                    } else {
                        try ItemRecords.replace(item, log: report.logId, db)
                        report.updated += 1
                    }
                    continue
                }
                if let problem = Self.conflict(stored: stored, new: item, settlements: settlements) {
                    findings.append(Finding(item.origin ?? SourceLocation(file: path, line: 0), problem))
                    continue
                }
                var described = stored
                described.customerName = item.customerName
                described.dueDate = item.dueDate
                described.cashDiscount = item.cashDiscount
                described.reference = item.reference
                described.customerIban = item.customerIban
                if Self.sameContent(stored, described) {
                    report.unchanged += 1
                } else {
                    try ItemRecords.describe(item, log: report.logId, db)
                    report.updated += 1
                }
            }
            if !findings.isEmpty { throw ReadError.invalid(findings) }
            try AuditLog.setCounts(db, id: report.logId, counts: report.counts)
            return report
        }
    }

    /// Why the file's item cannot replace a settled one, or nil.
    static func conflict(stored: OpenItem, new: OpenItem, settlements: [String]) -> String? {
        let settled = "it already has settlements (" + settlements.joined(separator: ", ") + ")"
        if new.amount != stored.amount {
            return "invoice \(new.invoiceId): amount \(new.amount) \(new.currency.code) differs from "
                + "\(stored.amount) \(stored.currency.code) in the workspace (\(stored.origin?.description ?? "created by recon")), and \(settled)"
        }
        if new.customerId != stored.customerId {
            return "invoice \(new.invoiceId): customer \(new.customerId) differs from \(stored.customerId) in the workspace "
                + "(\(stored.origin?.description ?? "created by recon")), and \(settled)"
        }
        return nil
    }

    /// The first settlements of an item, as `ENTRY_ID on DATE`.
    static func settlements(of invoiceId: String, _ db: Database) throws -> [String] {
        let statement = try db.cachedStatement(sql: """
            SELECT entry_id, booking_date FROM settlements WHERE invoice_id = ? ORDER BY id LIMIT 3
            """)
        return try Row.fetchAll(statement, arguments: [invoiceId]).map { "\($0[0] as String) on \($0[1] as String)" }
    }

    static func sameContent(_ lhs: OpenItem, _ rhs: OpenItem) -> Bool {
        var rhs = rhs
        rhs.origin = lhs.origin
        return lhs == rhs
    }
}

import GRDB
import ReconApp
import ReconCore
import ReconFormats

/// `recon export --out DIR`: the journals of everything settled and not yet exported, marked with
/// a new export batch id; `--since ID` writes batch ID and the later ones again (and marks nothing).
///
/// The files are written and synced first, then the batch is committed in the database, then the
/// files are renamed into place. A crash before the commit exports nothing (the next export takes
/// the same vouchers); a crash after it leaves the batch recorded, and `--since ID` writes its
/// files again. A voucher is never in two batches, so a ledger never gets it twice from recon.
public struct ExportJob: Sendable {
    public var outputPath: String
    public var since: Int64?
    public var journalFormats: [JournalFormat]

    public init(outputPath: String, since: Int64? = nil, journalFormats: [JournalFormat] = []) {
        self.outputPath = outputPath
        self.since = since
        self.journalFormats = journalFormats
    }

    public struct Report: Sendable {
        /// The batch written (the new one, or the first of `--since`); nil when there was nothing.
        public var batch: Int64?
        public var vouchers: Int
        public var files: [String]
        public var warnings: [Finding]
    }

    public func run(in workspace: Workspace) throws -> Report {
        let config = try WorkspaceConfig.read(workspace)
        let formats = uniqueFormats
        var templates: [String: JournalTemplate] = [:]
        for case .template(let path) in formats { templates[path] = try JournalTemplate.load(path: path) }
        let decode = Columns(path: workspace.databasePath)
        var output: OutputDirectory?
        let report = try workspace.write { db -> Report in
            let batch: Int64
            let condition: String
            if let since {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM exports WHERE id = ?)", arguments: [since]) == true else {
                    let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM exports")
                    throw ReconFailure(.dataError, ["--since \(since): no such export (" + (last.map { "the last is \($0)" } ?? "nothing was exported yet") + ")"])
                }
                batch = since
                condition = "v.export >= \(since)"
            } else {
                let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM vouchers WHERE export IS NULL") ?? 0
                guard pending > 0 else { return Report(batch: nil, vouchers: 0, files: [], warnings: []) }
                let log = try AuditLog.add(db, command: "export", file: Environment.absolutePath(outputPath))
                try db.execute(sql: "INSERT INTO exports (log, directory, vouchers) VALUES (?, ?, ?)",
                               arguments: [log, outputPath, pending])
                batch = db.lastInsertedRowID
                try db.execute(sql: "UPDATE vouchers SET export = ? WHERE export IS NULL", arguments: [batch])
                try AuditLog.setCounts(db, id: log, counts: "export \(batch): \(pending) vouchers",
                                       detail: (["generic"] + formats.map(Self.name)).joined(separator: ", "))
                condition = "v.export = \(batch)"
            }
            let journal = try Self.journalInput(db, condition: condition, accounts: config.accounts, columns: decode)
            let directory = try OutputDirectory(path: outputPath)
            output = directory
            try ReportWriters.writeJournal(journal.vouchers, to: directory.create("journal.csv"))
            try ReportWriters.writeSettlements(journal.settlements, to: directory.create("settlements.csv"))
            var files = ["journal.csv", "settlements.csv"], warnings: [Finding] = []
            for format in formats {
                let written = try JournalWriters.write(format, input: journal, templates: templates, to: directory)
                files += written.files
                warnings += written.warnings.map { Finding(SourceLocation(file: outputPath + "/" + $0.location.file,
                                                                          line: $0.location.line), $0.message) }
            }
            try directory.prepare()
            return Report(batch: batch, vouchers: journal.vouchers.count, files: files, warnings: warnings)
        }
        do {
            try output?.commit()
        } catch {
            if since == nil, let batch = report.batch {
                throw ReconFailure(.ioError, ["\(error)", "export \(batch) is recorded in the workspace; "
                                              + "`recon export --since \(batch) --out DIR` writes its files again"])
            }
            throw error
        }
        return report
    }

    /// The vouchers of the batch(es), their settlements, the credits they created and their
    /// transactions: what every journal format is written from.
    static func journalInput(_ db: Database, condition: String, accounts: LedgerAccounts, columns decode: Columns) throws -> JournalInput {
        let vouchers = try SettlementRecords.vouchers(db, where: condition, columns: decode)
        let settlements = try SettlementRecords.settlements(db, vouchers: condition, columns: decode)
        var transactions: [String: BankTransaction] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(TransactionRecords.columns) FROM transactions
            WHERE entry_id IN (SELECT v.entry_id FROM vouchers v WHERE \(condition))
            """)
        while let row = try rows.next() {
            let transaction = try TransactionRecords.transaction(row, decode)
            transactions[transaction.entryId] = transaction
        }
        let credits = try Row.fetchAll(db, sql: """
            SELECT \(ItemRecords.columns) FROM items WHERE source_entry_id IS NOT NULL
            AND source_entry_id IN (SELECT v.entry_id FROM vouchers v WHERE \(condition)) ORDER BY rowid
            """).map { try ItemRecords.item($0, decode) }
        return JournalInput(vouchers: vouchers, settlements: settlements, newCredits: credits, accounts: accounts,
                            transactions: vouchers.compactMap { transactions[$0.entryId] })
    }

    /// The formats asked for, each once, without `generic` (journal.csv is always written).
    var uniqueFormats: [JournalFormat] {
        var formats: [JournalFormat] = []
        for format in journalFormats where format != .generic && !formats.contains(format) { formats.append(format) }
        return formats
    }

    static func name(_ format: JournalFormat) -> String {
        switch format {
        case .generic: return "generic"
        case .d365: return "d365"
        case .hledger: return "hledger"
        case .beancount: return "beancount"
        case .sie: return "sie"
        case .template(let path): return path
        }
    }
}

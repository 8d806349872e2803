import GRDB
import ReconApp
import ReconCore
import ReconFormats

/// `recon match` and `recon decide FILE`: every transaction not yet settled (new ones and those in
/// the report) against the open items, with the settlement and matching rules of `recon.toml`, in
/// one database transaction. Settled transactions are never matched again; exceptions are
/// evaluated again on every match, so that items imported since can settle them.
///
/// With decisions (`recon decide`), the reviewer's answers take effect as `--decisions` does in
/// `reconcile`: all of them or none, each where its exception is raised. A decision for a partial
/// payment settled by an earlier match settles the rest on a voucher dated `adjustmentDate`.
public struct MatchJob: Sendable {
    /// Compute and report, change nothing.
    public var dryRun: Bool
    /// A reviewed exceptions.csv or exceptions.xlsx (`recon decide`).
    public var decisionsPath: String?
    /// The date of vouchers for decisions on partial payments settled before (default: today).
    public var adjustmentDate: CalendarDate?

    public init(dryRun: Bool = false, decisionsPath: String? = nil, adjustmentDate: CalendarDate? = nil) {
        self.dryRun = dryRun
        self.decisionsPath = decisionsPath
        self.adjustmentDate = adjustmentDate
    }

    public struct Report: Sendable {
        public var result: ReconciliationResult
        /// Transactions matched (new ones and those in the report before).
        public var transactions: Int
        /// Of those, how many were in the report before.
        public var reconsidered: Int
        public var dryRun: Bool
        public var logId: Int64?
    }

    public func run(in workspace: Workspace, progress: ((Int) -> Void)? = nil) throws -> Report {
        let config = try WorkspaceConfig.read(workspace)
        let hash = decisionsPath.map { FileHash(path: $0) }
        let decisions = try decisionsPath.map { try DecisionsReader.read(path: $0) } ?? []
        let sha = try hash?.value()
        let decode = Columns(path: workspace.databasePath)
        let body = { (db: Database) throws -> Report in
            let items = try ItemRecords.all(db, columns: decode)
            let unsettled = try TransactionRecords.unsettled(db, columns: decode)
            let earlier = try ExceptionRecords.open(db, settledOnly: true, columns: decode)
            let reconciler = Reconciler(policy: config.settlement, matching: config.matching, accounts: config.accounts)
            let result = reconciler.reconcile(openItems: items, transactions: unsettled.map(\.transaction),
                                              decisions: decisions, earlierPartialPayments: earlier,
                                              adjustmentDate: adjustmentDate ?? Self.today(), progress: progress)
            if !result.decisionProblems.isEmpty {
                throw ReadError.invalid(try Self.explain(result.decisionProblems, db))
            }
            try ReconcileJob.checkInvariants(result, transactionCount: unsettled.count)
            var report = Report(result: result, transactions: unsettled.count,
                                reconsidered: unsettled.filter { $0.state == .exception }.count, dryRun: dryRun)
            if dryRun { return report }
            let log = try AuditLog.add(db, command: decisionsPath == nil ? "match" : "decide",
                                       file: decisionsPath.map(Environment.absolutePath), sha256: sha)
            var store = ResultStore(db: db, log: log, items: items)
            try store.save(result, unsettled: unsettled, earlier: earlier, decisionsFile: decisionsPath)
            try AuditLog.setCounts(db, id: log, counts: Self.counts(report))
            report.logId = log
            return report
        }
        return dryRun ? try workspace.read(body) : try workspace.write(body)
    }

    static func counts(_ report: Report) -> String {
        let result = report.result
        let settled = result.settledTransactions.values.reduce(0, +)
        var text = "\(report.transactions) transactions: \(settled) settled, "
            + "\(result.exceptions.filter { !$0.isSettled && $0.decision == nil }.count) in the report, "
            + "\(result.otherEntries.count) other entries"
        if !result.suspense.isEmpty { text += ", \(result.suspense.count) to suspense" }
        text += "; \(result.vouchers.count) vouchers"
        if !result.appliedDecisions.isEmpty { text += "; \(result.appliedDecisions.count) decisions applied" }
        return text
    }

    /// A decision that names no exception of this match: says whether the exception was decided or
    /// settled since the report was written, rather than only "names no exception".
    static func explain(_ problems: [Finding], _ db: Database) throws -> [Finding] {
        try problems.map { finding in
            guard finding.message.contains("names no exception of this run"),
                  let id = finding.message.split(separator: " ").dropFirst().first.map(String.init) else { return finding }
            if let row = try Row.fetchOne(db, sql: "SELECT decision, log FROM decisions WHERE exception_id = ? ORDER BY id DESC LIMIT 1",
                                          arguments: [id]) {
                return Finding(finding.location, "\(id): already decided (\(row[0] as String), recon log entry \(row[1] as Int64))")
            }
            return Finding(finding.location, "\(id): not an open exception of this workspace "
                           + "(settled or changed by a match since the report was written? run recon review again)")
        }
    }

    static func today() -> CalendarDate { Environment.today() }
}

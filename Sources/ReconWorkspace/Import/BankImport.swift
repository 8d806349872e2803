import GRDB
import ReconApp
import ReconCore
import ReconFormats

/// `recon import bank FILE…`: stores statements and their transactions, each transaction once.
///
/// A transaction's identity is its `entry_id` (`EntryIdentity`: account + bank reference + TxDtls
/// index, else a content hash and a same-day occurrence counter). An id already in the workspace
/// with the same content is "already imported"; with different content it is "conflicting":
/// reported with both origins and not imported. A pending entry seen again as booked is stored as
/// booked (and counts as new). Every file of the command is read in one transaction: a file with
/// bad data imports nothing of any file. Statements are checked against the previous statement of
/// their account (`StatementChain`).
public struct BankImport: Sendable {
    public var paths: [String]
    /// A bank profile (built-in name or .toml file) for every file, instead of detecting the format.
    public var profile: String?

    public init(paths: [String], profile: String? = nil) {
        self.paths = paths
        self.profile = profile
    }

    public struct FileReport: Sendable {
        public var path: String
        public var format = ""
        public var added = 0
        public var known = 0
        public var conflicting = 0
        public var statements = 0

        public var counts: String { "\(added) new, \(known) already imported, \(conflicting) conflicting" }
    }

    public struct Report: Sendable {
        public var files: [FileReport] = []
        public var warnings: [Finding] = []

        public var total: FileReport {
            var total = FileReport(path: "total")
            for file in files {
                total.added += file.added
                total.known += file.known
                total.conflicting += file.conflicting
                total.statements += file.statements
            }
            return total
        }
    }

    /// `progress` is told how many transactions have been read, after each entry.
    public func run(in workspace: Workspace, progress: ((Int) -> Void)? = nil) throws -> Report {
        let decode = Columns(path: workspace.databasePath)
        let limits = try Limits.fromEnvironment()
        let bankProfile = try profile.map(ProfileCatalog.profile)
        return try workspace.write { db in
            var report = Report()
            var findings: [Finding] = []
            var newStatements: [Int64] = []
            var store = try TransactionStore(db, decode: decode)
            var read = 0
            for path in paths {
                let hash = FileHash(path: path)
                let log = try AuditLog.add(db, command: "import bank", file: Environment.absolutePath(path))
                var file = FileReport(path: path)
                do {
                    let reader = try BankFile.open(path: path, profile: bankProfile, limits: limits)
                    var statement: StatementRecords.Tally?
                    func close() throws {
                        guard var tally = statement else { return }
                        if let id = try StatementRecords.finish(&tally, db) {
                            newStatements.append(id)
                            file.statements += 1
                        }
                        report.warnings += tally.warnings
                    }
                    try reader.forEachRecord { record in
                        switch record {
                        case .statement(let info):
                            try close()
                            statement = try StatementRecords.start(info, log: log, db)
                        case .entry(let entry):
                            if statement == nil { statement = try StatementRecords.start(Self.unnamed(path), log: log, db) }
                            statement!.add(entry)
                            for transaction in entry.transactions {
                                switch try store.add(transaction, statement: statement!.id, log: log) {
                                case .added:
                                    file.added += 1
                                    statement!.added += 1
                                case .known: file.known += 1
                                case .conflicting(let finding):
                                    file.conflicting += 1
                                    report.warnings.append(finding)
                                }
                            }
                            read += entry.transactions.count
                            progress?(read)
                        }
                    }
                    try close()
                    file.format = reader.format ?? "unknown"
                    report.warnings += reader.warnings
                    if file.added + file.known + file.conflicting == 0 {
                        report.warnings.append(Finding(SourceLocation(file: path, line: 1), "no transactions in this file"))
                    }
                } catch ReadError.invalid(let found) {
                    findings += found
                }
                try AuditLog.update(db, id: log, sha256: try hash.value(), counts: file.counts,
                                    detail: "\(file.format), \(file.statements) statements")
                report.files.append(file)
            }
            if !findings.isEmpty { throw ReadError.invalid(findings) }
            report.warnings += try StatementChain.check(newStatements, db, decode: decode)
            return report
        }
    }

    /// The statement of a file whose format has no statement header.
    static func unnamed(_ path: String) -> StatementInfo {
        StatementInfo(format: "", id: "", account: "", currency: nil, balances: [], date: nil,
                      origin: SourceLocation(file: path, line: 1))
    }
}

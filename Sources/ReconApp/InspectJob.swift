import ReconCore
import ReconFormats

/// `recon inspect`: what recon read from one bank file — statements, entries, transactions and
/// warnings — so that a person (and a test) can see it. The whole file is read before anything is
/// printed, so a file with errors prints nothing but the errors.
public struct InspectJob: Sendable {
    public var path: String
    /// A built-in profile name or a path to a profile file; nil detects the format.
    public var profile: String?
    public var limits: ReadLimits

    public init(path: String, profile: String? = nil, limits: ReadLimits = .standard) {
        self.path = path
        self.profile = profile
        self.limits = limits
    }

    public struct Statement: Sendable {
        public var info: StatementInfo
        public var entries: [BankEntry]
        public var balanceCheck: BalanceCheck
    }

    public struct Report: Sendable {
        public var format: String
        public var statements: [Statement]
        public var warnings: [Finding]
    }

    /// The reader of `path` for `inspect` (`profile` a built-in name or a profile file; nil
    /// detects the format). Each entry id is read once at most here, so a bank CSV's may stay the
    /// parts it is made of (`ProfileCSVReader.keepsEntryIds`).
    static func openReader(path: String, profile: String?, limits: ReadLimits) throws -> any BankStatementReader {
        let reader = try BankFile.open(path: path, profile: profile.map(ProfileCatalog.profile), limits: limits)
        (reader as? ProfileCSVReader)?.keepsEntryIds = false
        return reader
    }

    public func run() throws -> Report {
        let reader = try Self.openReader(path: path, profile: profile, limits: limits)
        var statements: [Statement] = []
        var check: StatementCheck?
        var entries: [BankEntry] = []
        var balanceWarnings: [Finding] = []
        func close() {
            guard let current = check else { return }
            statements.append(Statement(info: current.info, entries: entries, balanceCheck: current.result))
            if let warning = current.warning { balanceWarnings.append(warning) }
            entries = []
        }
        try reader.forEachRecord { record in
            switch record {
            case .statement(let info):
                close()
                check = StatementCheck(info)
            case .entry(let entry):
                check?.add(entry)
                entries.append(entry)
            }
        }
        close()
        let warnings = (reader.warnings + balanceWarnings).enumerated().sorted {
            ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset)
        }.map(\.element)
        return Report(format: reader.format ?? "unknown", statements: statements, warnings: warnings)
    }

    /// An entry's identity: its transactions' `entry_id` without the `/N` of the TxDtls.
    public static func entryId(_ entry: BankEntry) -> String {
        guard let id = entry.transactions.first?.entryId else { return "" }
        let base = NotificationLinker.baseId(id)
        return base.prefix + base.suffix
    }
}

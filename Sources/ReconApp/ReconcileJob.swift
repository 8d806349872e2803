import ReconCore
import ReconFormats

/// `recon reconcile`: open items and bank files in; settlements, journal, exceptions, open items,
/// other entries and a summary out — all or nothing.
public struct ReconcileJob: Sendable {
    public var invoicesPath: String
    public var bankPaths: [String]
    public var configPath: String?
    /// A reviewed exceptions.csv whose decisions this run applies.
    public var decisionsPath: String?
    /// The customers file: more IBANs and names to recognise payers by.
    public var customersPath: String?
    public var outputPath: String

    public init(invoicesPath: String, bankPaths: [String], configPath: String?, decisionsPath: String? = nil,
                customersPath: String? = nil, outputPath: String) {
        self.customersPath = customersPath
        self.invoicesPath = invoicesPath
        self.bankPaths = bankPaths
        self.configPath = configPath
        self.decisionsPath = decisionsPath
        self.outputPath = outputPath
    }

    public static let outputFiles = ["settlements.csv", "journal.csv", "exceptions.csv", "open-items.csv",
                                     "other-entries.csv", "decisions-applied.csv", "summary.json"]

    public struct Report: Sendable {
        public var result: ReconciliationResult
        public var warnings: [Finding]
        public var summaryJSON: String
        public var outputPath: String
    }

    /// Reads and checks every input before anything is written: on bad input no output file is
    /// created or changed.
    public func run() throws -> Report {
        let config = try configPath.map(ConfigReader.read(path:)) ?? ReconConfig()
        var itemsReader = OpenItemsReader()
        let items = try itemsReader.read(FileByteSource(path: invoicesPath))
        let bank = try BankInput.read(paths: bankPaths)
        let decisions = try decisionsPath.map { try DecisionsReader.read(FileByteSource(path: $0)) } ?? []
        let customers = try customersPath.map { try CustomersReader.read(FileByteSource(path: $0)) } ?? [:]

        let reconciler = Reconciler(policy: config.settlement, matching: config.matching, accounts: config.accounts)
        let result = reconciler.reconcile(openItems: items, transactions: bank.transactions, decisions: decisions,
                                          customers: customers)
        // A decisions file is applied whole or not at all.
        if !result.decisionProblems.isEmpty { throw ReadError.invalid(result.decisionProblems) }
        try Self.checkInvariants(result, transactionCount: bank.transactions.count)

        var inputs = ["invoices": [invoicesPath], "bank": bank.formats]
        if let decisionsPath { inputs["decisions"] = [decisionsPath] }
        if let customersPath { inputs["customers"] = [customersPath] }
        let summaryJSON = SummaryWriter.json(result.summary, decisionsApplied: result.appliedDecisions.count,
                                             inputs: inputs)
        let output = try OutputDirectory(path: outputPath)
        try ReportWriters.writeSettlements(result.settlements, to: output.create("settlements.csv"))
        try ReportWriters.writeJournal(result.vouchers, to: output.create("journal.csv"))
        try ReportWriters.writeExceptions(result.exceptions, to: output.create("exceptions.csv"))
        try OpenItemsWriter.write(result.openItems, to: output.create("open-items.csv"))
        try ReportWriters.writeOtherEntries(result.otherEntries, to: output.create("other-entries.csv"))
        try ReportWriters.writeAppliedDecisions(result.appliedDecisions, to: output.create("decisions-applied.csv"))
        try output.create("summary.json").write(summaryJSON)
        try output.commit()
        return Report(result: result, warnings: itemsReader.warnings + bank.warnings, summaryJSON: summaryJSON,
                      outputPath: outputPath)
    }

    /// Every transaction is settled, in the report or among the other entries; every voucher and
    /// every currency balances. A violation is a bug in recon: nothing is written.
    static func checkInvariants(_ result: ReconciliationResult, transactionCount: Int) throws {
        var problems: [String] = []
        let settled = result.settledTransactions.values.reduce(0, +)
        let unsettledExceptions = result.exceptions.filter { !$0.isSettled }.count
        let accounted = settled + unsettledExceptions + result.otherEntries.count + result.suspense.count
        if accounted != transactionCount {
            problems.append("\(transactionCount) transactions read, but \(accounted) settled, reported or listed")
        }
        for voucher in result.vouchers where !voucher.isBalanced {
            problems.append("voucher \(voucher.number) (\(voucher.entryId)) does not balance")
        }
        for currency in result.summary.currencies where !currency.isBalanced {
            problems.append("\(currency.currency.code): received \(currency.received) ≠ applied \(currency.applied) + new credits \(currency.newCredits) + suspense \(currency.toSuspense) + in exceptions \(currency.inExceptions)")
        }
        if !problems.isEmpty {
            throw ReconFailure(.internalError, problems.map { "internal error: \($0)" })
        }
    }
}

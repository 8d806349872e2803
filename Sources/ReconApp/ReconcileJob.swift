import ReconCore
import ReconFormats

/// `recon reconcile`: open items and bank files in; settlements, journals, exceptions (CSV, workbook,
/// HTML), open items, other entries and a summary out — all or nothing.
public struct ReconcileJob: Sendable {
    public var invoicesPath: String
    public var bankPaths: [String]
    public var configPath: String?
    /// A reviewed exceptions.csv or exceptions.xlsx whose decisions this run applies.
    public var decisionsPath: String?
    /// The customers file: more IBANs and names to recognise payers by.
    public var customersPath: String?
    /// A bank profile (built-in name or file) for every bank file, instead of detecting the format.
    public var profile: String?
    public var outputPath: String
    /// Journal formats besides journal.csv (`--journal-format`).
    public var journalFormats: [JournalFormat]
    /// How exceptions.csv is written (`--csv-dialect`).
    public var csvDialect: CSVOutputDialect
    /// Told how far reading and matching are (the progress line), when set.
    public var progress: ProgressLine?

    public init(invoicesPath: String, bankPaths: [String], configPath: String?, decisionsPath: String? = nil,
                customersPath: String? = nil, outputPath: String, journalFormats: [JournalFormat] = [],
                csvDialect: CSVOutputDialect = .standard, progress: ProgressLine? = nil) {
        self.customersPath = customersPath
        self.invoicesPath = invoicesPath
        self.bankPaths = bankPaths
        self.configPath = configPath
        self.decisionsPath = decisionsPath
        self.outputPath = outputPath
        self.journalFormats = journalFormats
        self.csvDialect = csvDialect
        self.progress = progress
    }

    /// The files every run writes as CSV and JSON (the file contracts of docs/outputs.md).
    public static let outputFiles = ["settlements.csv", "journal.csv", "exceptions.csv", "open-items.csv",
                                     "other-entries.csv", "decisions-applied.csv", "summary.json"]
    /// The exception reports for people, written beside them on every run.
    public static let reportFiles = [ExceptionsWorkbook.fileName, HTMLReportWriter.fileName]

    public struct Report: Sendable {
        public var result: ReconciliationResult
        public var warnings: [Finding]
        public var summaryJSON: String
        public var outputPath: String
        /// Every file written, in the order written.
        public var files: [String]
        /// The transactions read, in input order: handed on rather than freed at the end of `run`,
        /// so that a caller about to end its process need not free them one by one (see `Reconcile`).
        public var transactions: [BankTransaction]
    }

    /// Reads and checks every input (templates included) before anything is written: on bad input
    /// no output file is created or changed.
    public func run() throws -> Report {
        var timer = PhaseTimer()
        let config = try configPath.map(ConfigReader.read(path:)) ?? ReconConfig()
        let decisions = try decisionsPath.map { try DecisionsReader.read(path: $0) } ?? []
        let customers = try customersPath.map { try CustomersReader.read(FileByteSource(path: $0)) } ?? [:]
        let templates = try loadTemplates()
        let reconciler = Reconciler(policy: config.settlement, matching: config.matching, accounts: config.accounts)
        let profiles = profile.map { name in Dictionary(uniqueKeysWithValues: bankPaths.map { ($0, name) }) } ?? [:]
        // The open items are read and indexed on one core while the bank files are read on the
        // other (at normal priority: a camt file takes longest); an error in the open items is
        // reported first, as when they were read first.
        let (bankRead, itemsRead) = concurrently({
            Result {
                try BankInput.read(paths: bankPaths, profiles: profiles,
                                   progress: progress.map { line in { line.entriesRead($0) } })
            }
        }, { Result { () throws -> (PreparedReconciliation, AmountLimit, [Finding], [PhaseTimer.Stopwatch.Reading]) in
            let reading = PhaseTimer.Stopwatch()
            var itemsReader = OpenItemsReader()
            let items = try itemsReader.read(FileByteSource(path: invoicesPath))
            var limit = AmountLimit()
            limit.add(items)
            try limit.check()
            let read = reading.reading
            let indexing = PhaseTimer.Stopwatch()
            let prepared = reconciler.prepare(openItems: items, decisions: decisions, customers: customers)
            return (prepared, limit, itemsReader.warnings, [read, indexing.reading])
        } })
        let (prepared, itemsLimit, itemWarnings, itemsTimes) = try itemsRead.get()
        let bank = try bankRead.get()
        timer.note("read open items (beside)", itemsTimes[0])
        timer.note("index open items (beside)", itemsTimes[1])
        timer.mark("read inputs")
        var limit = itemsLimit
        limit.add(bank.transactions)
        try limit.check()

        let settling = PhaseTimer.ThreadUsage()
        let result = reconciler.reconcile(prepared, transactions: bank.transactions,
                                          progress: progress.map { line in { line.transactionsMatched($0) } })
        timer.noteThread("settling thread", since: settling)
        progress?.finish()
        // A decisions file is applied whole or not at all.
        if !result.decisionProblems.isEmpty { throw ReadError.invalid(result.decisionProblems) }
        try Self.checkInvariants(result, transactionCount: bank.transactions.count)
        timer.mark("match and settle")

        var inputs = ["invoices": [invoicesPath], "bank": bank.formats]
        if let decisionsPath { inputs["decisions"] = [decisionsPath] }
        if let customersPath { inputs["customers"] = [customersPath] }
        let summaryJSON = SummaryWriter.json(result.summary, decisionsApplied: result.appliedDecisions.count,
                                             inputs: inputs)
        let output = try OutputDirectory(path: outputPath)
        // Created here, in this order (the order they are synced and renamed in).
        let workbook = try output.create(ExceptionsWorkbook.fileName)
        let html = try output.create(HTMLReportWriter.fileName)
        let csv = try ["settlements.csv", "journal.csv", "exceptions.csv", "open-items.csv", "other-entries.csv",
                       "decisions-applied.csv", "summary.json"].map { try output.create($0) }
        let written = WrittenParts()
        // Every file (and each of the workbook's two large sheets) is a piece of its own; the two
        // cores take the next piece as they finish one, the longest first, so that they finish close
        // together whatever the run's mix (1M payments: the workbook alone took 2.8–3.0 s on one
        // core while the other wrote everything else). The sheets are put together after.
        try concurrently(pieces: [
            { written.journals = try writeJournalFormats(result, config: config, transactions: bank.transactions,
                                                         templates: templates, to: output) },
            { written.exceptionsSheet = try ExceptionsWorkbook.exceptionsSheet(result.exceptions, path: workbook.path) },
            { try ReportWriters.writeJournal(result.vouchers, to: csv[1]) },
            { written.candidatesSheet = try ExceptionsWorkbook.candidatesSheet(result.exceptions, path: workbook.path) },
            { try ReportWriters.writeSettlements(result.settlements, to: csv[0]) },
            { try ReportWriters.writeExceptions(result.exceptions, to: csv[2], dialect: csvDialect) },
            { try OpenItemsWriter.write(result.openItems, to: csv[3]) },
            { try HTMLReportWriter.write(.init(summary: result.summary, settlements: result.settlements,
                                               exceptions: result.exceptions, decisionsApplied: result.appliedDecisions.count),
                                         to: html) },
            { try ReportWriters.writeOtherEntries(result.otherEntries, to: csv[4]) },
            { try ReportWriters.writeAppliedDecisions(result.appliedDecisions, to: csv[5]) },
            { try csv[6].write(summaryJSON) },
        ])
        try ExceptionsWorkbook.write(result.exceptions, summary: result.summary,
                                     sheets: (exceptions: written.exceptionsSheet!, candidates: written.candidatesSheet!),
                                     to: workbook)
        let journalOutput = written.journals
        timer.mark("write outputs")
        try output.commit()
        timer.mark("commit")
        timer.report()
        let files = Self.outputFiles + Self.reportFiles + journalOutput.files
        let warnings = itemWarnings + bank.warnings + journalOutput.warnings
        return Report(result: result, warnings: warnings, summaryJSON: summaryJSON, outputPath: outputPath, files: files,
                      transactions: bank.transactions)
    }

    /// What the pieces of the write phase hand back, each field set by one piece only.
    private final class WrittenParts: @unchecked Sendable {
        var journals = (files: [String](), warnings: [Finding]())
        var exceptionsSheet: ExceptionsWorkbook.Sheet?
        var candidatesSheet: ExceptionsWorkbook.Sheet?
    }

    /// The journals of `--journal-format` (journal.csv is written on its own).
    private func writeJournalFormats(_ result: ReconciliationResult, config: ReconConfig, transactions: [BankTransaction],
                                     templates: [String: JournalTemplate],
                                     to output: OutputDirectory) throws -> (files: [String], warnings: [Finding]) {
        var files: [String] = [], warnings: [Finding] = []
        // Built only for other formats: its table of a million entry ids cost 0.4 s for nothing.
        guard !uniqueFormats.isEmpty else { return (files: files, warnings: warnings) }
        let journal = JournalInput(vouchers: result.vouchers, settlements: result.settlements,
                                   newCredits: result.newCredits, accounts: config.accounts, transactions: transactions)
        for format in uniqueFormats {
            let written = try JournalWriters.write(format, input: journal, templates: templates, to: output)
            files += written.files
            warnings += written.warnings.map { Finding(SourceLocation(file: outputPath + "/" + $0.location.file,
                                                                      line: $0.location.line), $0.message) }
        }
        return (files: files, warnings: warnings)
    }

    /// The formats asked for, each once, without `generic` (journal.csv is always written).
    var uniqueFormats: [JournalFormat] {
        var formats: [JournalFormat] = []
        for format in journalFormats where format != .generic && !formats.contains(format) { formats.append(format) }
        return formats
    }

    /// Loads and checks every template; two templates that would write the same file are an error.
    func loadTemplates() throws -> [String: JournalTemplate] {
        var templates: [String: JournalTemplate] = [:]
        var outputs: [String: String] = [:]
        for case .template(let path) in uniqueFormats {
            let template = try JournalTemplate.load(path: path)
            if let other = outputs[template.outputName] {
                throw ReconFailure(.usage, ["--journal-format \(path): writes \(template.outputName), as \(other) does"])
            }
            outputs[template.outputName] = path
            templates[path] = template
        }
        return templates
    }

    /// Every transaction is settled, in the report or among the other entries; every voucher and
    /// every currency balances. A violation is a bug in recon: nothing is written.
    public static func checkInvariants(_ result: ReconciliationResult, transactionCount: Int) throws {
        var problems: [String] = []
        let settled = result.settledTransactions.values.reduce(0, +)
        // Counted in place: a filtered array was a copy of nearly every exception.
        let unsettledExceptions = result.exceptions.withUnsafeBufferPointer { exceptions in
            exceptions.indices.count { !exceptions[$0].isSettled }
        }
        let accounted = settled + unsettledExceptions + result.otherEntries.count + result.suspense.count
        if accounted != transactionCount {
            problems.append("\(transactionCount) transactions read, but \(accounted) settled, reported or listed")
        }
        // Counted in place; gone through again (each voucher copied) only to name them.
        if Voucher.unbalancedCount(in: result.vouchers) > 0 {
            for voucher in result.vouchers where !voucher.isBalanced {
                problems.append("voucher \(voucher.number) (\(voucher.entryId)) does not balance")
            }
        }
        for currency in result.summary.currencies where !currency.isBalanced {
            problems.append("\(currency.currency.code): received \(currency.received) ≠ applied \(currency.applied) + new credits \(currency.newCredits) + suspense \(currency.toSuspense) + in exceptions \(currency.inExceptions)")
        }
        if !problems.isEmpty {
            throw ReconFailure(.internalError, problems.map { "internal error: \($0)" })
        }
    }
}

import ArgumentParser
import ReconApp
import ReconFormats

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Match bank transactions to open items, settle them, and write journal and reports.")

    @Option(name: .customLong("invoices"), help: "Open items CSV (invoices, credit notes, credits).")
    var invoices: String

    @Option(name: .customLong("bank"), help: "A bank file (camt.05x XML or CSV); repeat for several.")
    var bank: [String]

    @Option(help: "A bank profile (see `recon profiles`) or a profile .toml for every --bank file; default: detect.")
    var profile: String?

    @Option(help: "TOML configuration ([accounts], [settlement]).")
    var config: String?

    @Option(help: "A reviewed exceptions.csv or exceptions.xlsx: its decisions are applied (all or none).")
    var decisions: String?

    @Option(help: "Customers CSV (customer_id,name,iban,vendor_account): more IBANs and names to recognise payers.")
    var customers: String?

    @Option(name: .customLong("journal-format"),
            help: "Also write the journal as generic, d365, hledger, beancount, sie, or a Mustache template file (NAME.csv.mustache, NAME.xml.mustache); repeat for several.")
    var journalFormats: [String] = []

    @Option(name: .customLong("csv-dialect"), help: "exceptions.csv as standard (comma) or excel-eu (semicolon, decimal comma, BOM).")
    var csvDialect: String = CSVOutputDialect.standard.rawValue

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Flag(help: "Print the summary as JSON on stdout instead of the table.")
    var json = false

    @Option(help: "Output directory (created if missing).")
    var out: String

    func validate() throws {
        if bank.isEmpty { throw ValidationError("give at least one --bank FILE") }
        if CSVOutputDialect(rawValue: csvDialect) == nil {
            throw ValidationError("--csv-dialect must be one of \(CSVOutputDialect.allCases.map(\.rawValue).joined(separator: ", ")), not '\(csvDialect)'")
        }
        for name in journalFormats where JournalFormat(argument: name, fileExists: fileExists) == nil {
            throw ValidationError("--journal-format \(name): neither a built-in format (\(JournalFormat.builtInNames.joined(separator: ", "))) nor a template file")
        }
    }

    func run() throws {
        let progress = !quiet && Terminal.stderrIsTerminal ? ProgressLine(sink: Terminal.errorText) : nil
        var job = ReconcileJob(invoicesPath: invoices, bankPaths: bank, configPath: config, decisionsPath: decisions,
                               customersPath: customers, outputPath: out,
                               journalFormats: journalFormats.compactMap { JournalFormat(argument: $0, fileExists: fileExists) },
                               csvDialect: CSVOutputDialect(rawValue: csvDialect) ?? .standard, progress: progress)
        job.profile = profile
        do {
            let report = try job.run()
            printWarnings(report.warnings.map(\.description))
            Terminal.output(json ? report.summaryJSON : SummaryText.render(report) + "\n")
            // The run is over and the process ends here: the report (a million transactions and
            // their results on the 1M benchmark) is left to the kernel instead of being freed
            // string by string on the way out, which took about a second.
            withExtendedLifetime(report) { Recon.exit() }
        } catch {
            progress?.finish()
            fail(with: ReconFailure(error))
        }
    }
}

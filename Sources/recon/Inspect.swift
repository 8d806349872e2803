import ArgumentParser
import ReconApp

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print what recon reads from a bank file (statements, entries, transactions, warnings) or an open-items file.")

    @Argument(help: "A bank file (camt.052/053/054, MT940/MT942 or a bank CSV export).")
    var file: String?

    @Option(help: "An open-items CSV instead of a bank file: prints items by type, customers and open amounts per currency (JSON).")
    var invoices: String?

    @Option(help: "A built-in profile (see `recon profiles`) or a path to a profile .toml; default: detect.")
    var profile: String?

    @Option(help: "json (default), csv (one row per transaction), or summary (counts and totals per statement, streaming).")
    var format: InspectOutput.Format = .json

    func validate() throws {
        if (file == nil) == (invoices == nil) {
            throw ValidationError("give either a bank file or --invoices FILE")
        }
    }

    func run() throws {
        do {
            if let invoices {
                try InspectOpenItems.write(path: invoices, limits: Limits.fromEnvironment(), to: .standardOutput())
                return
            }
            guard let file else { return }
            if format == .summary {
                try InspectSummary.write(path: file, profile: profile, limits: Limits.fromEnvironment(), to: .standardOutput())
                return
            }
            let report = try InspectJob(path: file, profile: profile, limits: Limits.fromEnvironment()).run()
            if format == .csv { printWarnings(report.warnings.map(\.description)) }
            try InspectOutput.write(report, as: format, to: .standardOutput())
        } catch {
            fail(with: ReconFailure(error))
        }
    }
}

extension InspectOutput.Format: ExpressibleByArgument {}

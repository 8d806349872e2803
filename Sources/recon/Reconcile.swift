import ArgumentParser
import ReconApp

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match bank transactions to open items, settle them, and write journal and reports.")

    @Option(name: .customLong("invoices"), help: "Open items CSV (invoices, credit notes, credits).")
    var invoices: String

    @Option(name: .customLong("bank"), help: "A bank file (camt.05x XML or CSV); repeat for several.")
    var bank: [String]

    @Option(help: "TOML configuration ([accounts], [settlement]).")
    var config: String?

    @Option(help: "A reviewed exceptions.csv: its decisions are applied (all or none).")
    var decisions: String?

    @Option(help: "Customers CSV (customer_id,name,iban,vendor_account): more IBANs and names to recognise payers.")
    var customers: String?

    @Option(help: "Output directory (created if missing).")
    var out: String

    func validate() throws {
        if bank.isEmpty { throw ValidationError("give at least one --bank FILE") }
    }

    func run() throws {
        let job = ReconcileJob(invoicesPath: invoices, bankPaths: bank, configPath: config,
                                decisionsPath: decisions, customersPath: customers, outputPath: out)
        do {
            let report = try job.run()
            printWarnings(report.warnings.map(\.description))
            Terminal.output(SummaryText.render(report) + "\n")
        } catch {
            fail(with: ReconFailure(error))
        }
    }
}

import ArgumentParser
import ReconApp
import ReconCore

struct Refund: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refund", abstract: "Refund customer credit balances of at least [settlement] minimum_refund.")

    @Option(name: .customLong("open-items"), help: "Open items CSV (e.g. a reconcile run's open-items.csv).")
    var openItems: String

    @Option(help: "Customers CSV: customer_id,name,iban,vendor_account.")
    var customers: String?

    @Option(name: .customLong("customer"), help: "Only this customer; repeat for several (default: all).")
    var customerIds: [String] = []

    @Option(help: "TOML configuration ([accounts], [settlement]).")
    var config: String?

    @Option(help: "Date of the refund vouchers, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Output directory (created if missing).")
    var out: String

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let job = RefundJob(openItemsPath: openItems, customersPath: customers, customerIds: customerIds,
                            configPath: config, date: date.flatMap { CalendarDate(iso: $0) }, outputPath: out)
        do {
            let report = try job.run()
            printWarnings(report.warnings.map(\.description))
            var lines = report.result.refunds.map {
                "refund \($0.amount) \($0.amount.currency.code) to \($0.customerId) (\($0.vendorAccount)\($0.isOneTimeVendor ? ", one-time vendor" : ""))"
            }
            lines += report.result.skipped.map { "no refund for \($0.customerId): \($0.reason)" }
            lines.append("wrote \(out)/: " + RefundJob.outputFiles.joined(separator: ", "))
            Terminal.output(lines.joined(separator: "\n") + "\n")
        } catch {
            fail(with: ReconFailure(error))
        }
    }
}

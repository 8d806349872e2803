import ArgumentParser
import ReconApp
import ReconFormats
import ReconWorkspace

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the journals of everything settled and not yet exported, as a new export batch.")

    @Option(help: "Write export batch ID and the later ones again (marks nothing new).")
    var since: Int64?

    @Option(name: .customLong("journal-format"),
            help: "Also write the journal as d365, hledger, beancount, sie, or a Mustache template file; repeat for several.")
    var journalFormats: [String] = []

    @Option(help: "Output directory (created if missing).")
    var out: String

    @OptionGroup var workspace: WorkspaceOption

    func validate() throws {
        for name in journalFormats where JournalFormat(argument: name, fileExists: fileExists) == nil {
            throw ValidationError("--journal-format \(name): neither a built-in format (\(JournalFormat.builtInNames.joined(separator: ", "))) nor a template file")
        }
    }

    func run() throws {
        let job = ExportJob(outputPath: out, since: since,
                            journalFormats: journalFormats.compactMap { JournalFormat(argument: $0, fileExists: fileExists) })
        let report = workspace.run { try job.run(in: $0) }
        printWarnings(report.warnings.map(\.description))
        guard let batch = report.batch else {
            Terminal.output("nothing to export: every voucher is in an export batch already\n")
            return
        }
        let what = since == nil ? "export \(batch)" : "exports \(batch) and later, written again"
        Terminal.output("\(what): \(report.vouchers) vouchers; wrote \(out)/: \(report.files.joined(separator: ", "))\n")
    }
}

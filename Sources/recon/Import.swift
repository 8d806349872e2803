import ArgumentParser
import ReconApp
import ReconWorkspace

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import open items or bank statements into the workspace.",
        subcommands: [ImportInvoices.self, ImportBank.self])
}

struct ImportInvoices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "Load open items, or update them by invoice_id.")

    @Argument(help: "Open items CSV (the --invoices format).")
    var file: String

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        let report = workspace.run { try InvoiceImport(path: file).run(in: $0) }
        printWarnings(report.warnings.map(\.description))
        Terminal.output("\(file): \(report.counts)\n")
    }
}

struct ImportBank: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank", abstract: "Store statements and their transactions, each transaction once.")

    @Argument(help: "Bank files (camt.05x XML, CSV …).")
    var files: [String]

    @Option(help: "A bank profile (see `recon profiles`) or a profile .toml for every file; default: detect.")
    var profile: String?

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @OptionGroup var workspace: WorkspaceOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one bank FILE") }
    }

    func run() throws {
        let progress = !quiet && Terminal.stderrIsTerminal ? ProgressLine(sink: Terminal.errorText) : nil
        let report = workspace.run { workspace in
            defer { progress?.finish() }
            return try BankImport(paths: files, profile: profile).run(in: workspace, progress: progress.map { line in { line.entriesRead($0) } })
        }
        printWarnings(report.warnings.map(\.description))
        Terminal.output(WorkspaceText.bankImport(report) + "\n")
    }
}

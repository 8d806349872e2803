import ArgumentParser
import ReconApp
import ReconCore
import ReconWorkspace

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Apply a reviewed exception report (csv or xlsx): all its decisions, or none.")

    @Argument(help: "The reviewed exceptions.csv or exceptions.xlsx of `recon review`.")
    var file: String

    @Option(help: "Date of the vouchers that settle the rest of an earlier partial payment, YYYY-MM-DD (default: today).")
    var date: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would happen; change nothing.")
    var dryRun = false

    @OptionGroup var workspace: WorkspaceOption

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let job = MatchJob(dryRun: dryRun, decisionsPath: file, adjustmentDate: date.flatMap { CalendarDate(iso: $0) })
        let report = workspace.run { try job.run(in: $0) }
        Terminal.output(WorkspaceText.match(report) + "\n")
    }
}

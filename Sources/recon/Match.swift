import ArgumentParser
import ReconApp
import ReconWorkspace

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Match and settle every unsettled transaction of the workspace, in one transaction.")

    @Flag(name: .customLong("dry-run"), help: "Show what would happen; change nothing.")
    var dryRun = false

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        let progress = !quiet && Terminal.stderrIsTerminal ? ProgressLine(sink: Terminal.errorText) : nil
        let report = workspace.run { workspace in
            defer { progress?.finish() }
            return try MatchJob(dryRun: dryRun).run(in: workspace, progress: progress.map { line in { line.transactionsMatched($0) } })
        }
        Terminal.output(WorkspaceText.match(report) + "\n")
    }
}

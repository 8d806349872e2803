import ArgumentParser
import ReconApp
import ReconWorkspace

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Counts and totals: open items, unmatched transactions, open exceptions, last import and export.")

    @Flag(help: "Print the status as JSON.")
    var json = false

    @Flag(help: "Also check the workspace: SQLite's integrity check and the ledger's rules (exit 70 on a problem).")
    var check = false

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        let (status, problems) = workspace.run { (try $0.status() as WorkspaceStatus, check ? try $0.check() : []) }
        Terminal.output(json ? StatusJSON.render(status) : WorkspaceText.status(status) + "\n")
        if check {
            if !problems.isEmpty { fail(with: ReconFailure(.internalError, problems.map { "check: \($0)" })) }
            if !json { Terminal.output("check: ok\n") }
        }
    }
}

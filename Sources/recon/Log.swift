import ArgumentParser
import ReconApp
import ReconWorkspace

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The audit trail: every import, match, decision and export with time, user, file hash and counts.")

    @Option(help: "Only the last N entries.")
    var limit: Int?

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        let entries = workspace.run { try $0.log(limit: limit) }
        Terminal.output(WorkspaceText.log(entries) + "\n")
    }
}

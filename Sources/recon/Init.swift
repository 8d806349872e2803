import ArgumentParser
import ReconApp
import ReconWorkspace

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a workspace: recon.sqlite and a commented recon.toml with the defaults.")

    @Argument(help: "The directory (default: --workspace, else the current directory).")
    var directory: String?

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        let path = directory ?? workspace.directory
        do {
            let report = try InitJob(directory: path).run()
            Terminal.output("created workspace \(path)/\(Workspace.databaseName) (schema version \(report.schemaVersion)); "
                            + (report.wroteConfig ? "wrote" : "kept the existing") + " \(path)/\(Workspace.configName)\n")
        } catch {
            fail(with: ReconFailure.workspace(error))
        }
    }
}

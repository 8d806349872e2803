import ArgumentParser
import ReconApp
import ReconWorkspace

/// `--workspace DIR`, which every workspace command takes.
struct WorkspaceOption: ParsableArguments {
    @Option(name: .customLong("workspace"), help: "The workspace directory (recon.sqlite, recon.toml).")
    var directory: String = "."

    /// Opens the workspace and runs `body`; a failure prints its messages and exits with its status.
    func run<T>(_ body: (Workspace) throws -> T) -> T {
        do {
            let workspace = try Workspace(directory: directory)
            return try body(workspace)
        } catch {
            fail(with: ReconFailure.workspace(error))
        }
    }
}

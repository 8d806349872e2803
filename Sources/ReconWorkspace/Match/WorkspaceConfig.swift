#if canImport(Glibc)
import Glibc
#endif
import ReconFormats

/// The workspace's configuration: its `recon.toml` (the defaults when the file is gone).
enum WorkspaceConfig {
    static func read(_ workspace: Workspace) throws -> ReconConfig {
        guard access(workspace.configPath, F_OK) == 0 else { return ReconConfig() }
        return try ConfigReader.read(path: workspace.configPath)
    }
}

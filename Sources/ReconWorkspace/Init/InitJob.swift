#if canImport(Glibc)
import Glibc
#endif
import ReconFormats

/// `recon init [DIR]`: creates the directory when missing, `recon.sqlite` at the current schema
/// version and — unless one is there — a commented `recon.toml` with every documented default.
/// Never overwrites a workspace.
public struct InitJob: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public struct Report: Sendable {
        public var wroteConfig: Bool
        public var schemaVersion: Int
    }

    public func run() throws -> Report {
        let database = directory + "/" + Workspace.databaseName
        if access(database, F_OK) == 0 { throw WorkspaceError.alreadyExists(database) }
        let output = try OutputDirectory(path: directory)
        let config = directory + "/" + Workspace.configName
        let wroteConfig = access(config, F_OK) != 0
        if wroteConfig {
            try output.create(Workspace.configName).write(ConfigTemplate.text)
            try output.commit()
        }
        let workspace = try Workspace.create(directory: directory)
        _ = try workspace.write { db in
            try AuditLog.add(db, command: "init", file: Environment.absolutePath(directory),
                             counts: "schema version \(Schema.version)",
                             detail: wroteConfig ? "wrote recon.toml" : "kept the recon.toml there")
        }
        return Report(wroteConfig: wroteConfig, schemaVersion: Schema.version)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import GRDB
import ReconApp

/// An open workspace: a directory with `recon.sqlite` (the state) and `recon.toml` (the
/// configuration). A class, since it owns the database connection for its lifetime.
///
/// Every command runs in one SQLite transaction (`write`, `read`) in WAL mode, so that a crash or a
/// kill leaves the file as it was before the command or after it. Writers take the lock at the
/// start of their transaction (`BEGIN IMMEDIATE`); a second recon waits up to `busyTimeout` seconds
/// and then fails with `WorkspaceError.busy` instead of corrupting anything.
public final class Workspace {
    public static let databaseName = "recon.sqlite"
    public static let configName = "recon.toml"

    public let directory: String
    let queue: DatabaseQueue

    public var databasePath: String { directory + "/" + Workspace.databaseName }
    public var configPath: String { directory + "/" + Workspace.configName }

    /// Opens an existing workspace and brings its schema up to date. Refuses a directory without a
    /// workspace and a file written by a newer recon.
    public convenience init(directory: String, busyTimeout: Double = Workspace.defaultBusyTimeout) throws {
        let path = directory + "/" + Workspace.databaseName
        guard access(path, F_OK) == 0 else { throw WorkspaceError.noWorkspace(directory) }
        try self.init(directory: directory, creating: false, busyTimeout: busyTimeout)
    }

    init(directory: String, creating: Bool, busyTimeout: Double) throws {
        self.directory = directory
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "recon"
        configuration.prepareDatabase { db in
            // A committed command survives a power cut too, not only a kill.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let path = directory + "/" + Workspace.databaseName
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Schema.prepare(queue, path: path)
        } catch let error as DatabaseError {
            throw WorkspaceError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Creates `recon.sqlite` (schema at the current version) in `directory`, which must exist.
    public static func create(directory: String) throws -> Workspace {
        try Workspace(directory: directory, creating: true, busyTimeout: defaultBusyTimeout)
    }

    /// Seconds a command waits for another recon that holds the workspace: `RECON_BUSY_TIMEOUT`,
    /// else 10.
    public static var defaultBusyTimeout: Double {
        if let text = getenv("RECON_BUSY_TIMEOUT").map({ String(cString: $0) }), let seconds = Double(text), seconds >= 0 {
            return seconds
        }
        return 10
    }

    /// Runs `body` in one immediate write transaction: all of it is committed, or nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.inDatabase { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                return value!
            }
        } catch let error as DatabaseError {
            throw WorkspaceError(error, path: databasePath, busyTimeout: busyTimeoutSeconds)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot; never blocks a writer).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw WorkspaceError(error, path: databasePath, busyTimeout: busyTimeoutSeconds)
        }
    }

    private var busyTimeoutSeconds: Double {
        if case .timeout(let seconds) = queue.configuration.busyMode { return seconds }
        return 0
    }
}

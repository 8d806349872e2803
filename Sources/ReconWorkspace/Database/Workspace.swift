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
    /// Milliseconds a command waits for another recon that holds the workspace.
    let busyTimeout: Int

    public var databasePath: String { directory + "/" + Workspace.databaseName }
    public var configPath: String { directory + "/" + Workspace.configName }

    /// Opens an existing workspace and brings its schema up to date. Refuses a directory without a
    /// workspace and a file written by a newer recon.
    public convenience init(directory: String, busyTimeout: Int = Workspace.defaultBusyTimeout) throws {
        let path = directory + "/" + Workspace.databaseName
        guard access(path, F_OK) == 0 else { throw WorkspaceError.noWorkspace(directory) }
        try self.init(directory: directory, creating: false, busyTimeout: busyTimeout)
    }

    init(directory: String, creating: Bool, busyTimeout: Int) throws {
        self.directory = directory
        self.busyTimeout = busyTimeout
        var configuration = Configuration()
        configuration.journalMode = .wal
        // GRDB takes the timeout as a TimeInterval: the one place it is not whole milliseconds.
        configuration.busyMode = .timeout(.init(busyTimeout) / 1000)
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

    /// Milliseconds a command waits for another recon that holds the workspace:
    /// `RECON_BUSY_TIMEOUT` (seconds, up to three decimals), else 10 s.
    public static var defaultBusyTimeout: Int {
        getenv("RECON_BUSY_TIMEOUT").flatMap { milliseconds(fromSeconds: String(cString: $0)) } ?? 10_000
    }

    /// `"0.5"` → 500, `"20"` → 20,000; nil for anything else (a sign, an exponent, a fourth decimal).
    static func milliseconds(fromSeconds text: String) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard digits(parts[0]), parts[0].count <= 9, let whole = Int(parts[0]) else { return nil }
        guard parts.count == 2 else { return whole * 1000 }
        guard digits(parts[1]), parts[1].count <= 3, let fraction = Int(parts[1]) else { return nil }
        return whole * 1000 + fraction * [100, 10, 1][parts[1].count - 1]
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
            throw WorkspaceError(error, path: databasePath, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot; never blocks a writer).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw WorkspaceError(error, path: databasePath, busyTimeout: busyTimeout)
        }
    }
}

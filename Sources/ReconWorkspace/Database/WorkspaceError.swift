import GRDB
import ReconApp
import ReconFormats

/// Why a workspace cannot be used. Each case maps to a documented exit status.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// No `recon.sqlite` in the directory.
    case noWorkspace(String)
    /// `recon init` in a directory that already has one.
    case alreadyExists(String)
    /// The file was written by a newer recon: its schema has migrations this recon does not know.
    case newerSchema(path: String, fileVersion: Int, knownVersion: Int, unknown: [String])
    /// Another recon holds the workspace for longer than the busy timeout.
    case busy(path: String, milliseconds: Int)
    /// The file is not a SQLite database, or SQLite reports damage.
    case damaged(path: String, message: String)
    /// Any other SQLite failure (disk full, I/O error …).
    case database(path: String, message: String)

    /// `busyTimeout` in milliseconds.
    init(_ error: any Error, path: String, busyTimeout: Int) {
        switch error {
        case let error as WorkspaceError:
            self = error
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            self = .busy(path: path, milliseconds: busyTimeout)
        case let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT:
            self = .damaged(path: path, message: error.message ?? "\(error)")
        case let error as DatabaseError:
            self = .database(path: path, message: error.message ?? "\(error)")
        default:
            self = .database(path: path, message: "\(error)")
        }
    }

    public var description: String {
        switch self {
        case .noWorkspace(let directory):
            return "\(directory): no workspace here (no \(Workspace.databaseName)); `recon init \(directory)` creates one"
        case .alreadyExists(let path):
            return "\(path): a workspace already exists here; recon init never overwrites one"
        case .newerSchema(let path, let file, let known, let unknown):
            return "\(path): written by a newer recon (schema version \(file), this recon knows up to \(known): "
                + "\(unknown.joined(separator: ", ")) unknown); use that recon or a newer one — nothing was changed"
        case .busy(let path, let milliseconds):
            return "\(path): another recon is working on this workspace (waited \(Self.seconds(milliseconds)) s); "
                + "nothing was changed — try again when it has finished, or set RECON_BUSY_TIMEOUT to wait longer"
        case .damaged(let path, let message):
            return "\(path): not a readable recon workspace: \(message)"
        case .database(let path, let message):
            return "\(path): \(message)"
        }
    }

    /// Milliseconds as seconds: 10000 → "10", 500 → "0.5", 1250 → "1.25".
    static func seconds(_ milliseconds: Int) -> String {
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return String(milliseconds / 1000) }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(milliseconds / 1000).\(decimals)"
    }

    /// The exit status and message for this failure.
    public var failure: ReconFailure {
        switch self {
        case .noWorkspace: return ReconFailure(.noInput, [description])
        case .alreadyExists: return ReconFailure(.cannotCreate, [description])
        case .newerSchema: return ReconFailure(.dataError, [description])
        case .busy: return ReconFailure(.busy, [description])
        case .damaged: return ReconFailure(.dataError, [description])
        case .database: return ReconFailure(.ioError, [description])
        }
    }
}

extension ReconFailure {
    /// Maps what a workspace command throws to an exit status and messages: workspace problems
    /// first, then everything `ReconFailure` knows (bad input 65, missing file 66, I/O 74 …).
    public static func workspace(_ error: any Error) -> ReconFailure {
        if let error = error as? WorkspaceError { return error.failure }
        return ReconFailure(error)
    }
}

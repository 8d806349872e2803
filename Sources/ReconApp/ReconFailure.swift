import ReconCore
import ReconFormats

/// The documented exit codes (sysexits.h), one per kind of failure.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// recon found its own result inconsistent (a bug): nothing is written.
    case internalError = 70
    /// A file recon was to create exists already (`recon init` on a workspace).
    case cannotCreate = 73
    case ioError = 74
    /// The workspace is held by another recon for longer than the busy timeout: nothing changed.
    case busy = 75
}

/// A failure of a command: its exit status and the lines to print on stderr.
public struct ReconFailure: Error, Sendable {
    public let status: ExitStatus
    public let messages: [String]

    public init(_ status: ExitStatus, _ messages: [String]) {
        self.status = status
        self.messages = messages
    }

    /// Maps what readers and writers throw to an exit status and `FILE:LINE[:COLUMN]: message` lines.
    public init(_ error: any Error) {
        switch error {
        case let failure as ReconFailure:
            self = failure
        case ReadError.missingFile(let path):
            self.init(.noInput, ["\(path): no such file"])
        case ReadError.io(let path, let message):
            self.init(.ioError, ["\(path): \(message)"])
        case ReadError.invalid(let findings):
            self.init(.dataError, findings.map(\.description))
        case let error as WriteError:
            self.init(.ioError, [error.description])
        default:
            self.init(.ioError, ["\(error)"])
        }
    }
}

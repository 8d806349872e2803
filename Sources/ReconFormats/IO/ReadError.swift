import ReconCore

/// Why reading an input failed. The CLI maps each case to its exit code.
public enum ReadError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist (exit 66).
    case missingFile(path: String)
    /// The operating system could not read it (exit 74).
    case io(path: String, message: String)
    /// The data is wrong: every problem found, each with its location (exit 65).
    case invalid([Finding])

    public static func invalid(_ location: SourceLocation, _ message: String) -> ReadError {
        .invalid([Finding(location, message)])
    }

    public var description: String {
        switch self {
        case .missingFile(let path): return "\(path): no such file"
        case .io(let path, let message): return "\(path): \(message)"
        case .invalid(let findings): return findings.map(\.description).joined(separator: "\n")
        }
    }
}

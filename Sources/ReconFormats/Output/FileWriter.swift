#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why writing an output failed (exit 74).
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    static func errno(_ path: String, _ what: String) -> WriteError {
        WriteError(path: path, message: "\(what): \(String(cString: strerror(Glibc.errno)))")
    }

    public var description: String { "\(path): \(message)" }
}

/// A buffered writer to a file descriptor. A class: it owns the descriptor.
public final class FileWriter {
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// A writer to standard output (a duplicate of descriptor 1, closed when the writer goes away).
    public static func standardOutput() -> FileWriter {
        FileWriter(path: "<stdout>", descriptor: dup(1))
    }

    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws {
        try write(text.utf8)
    }

    /// Appends through a closure that writes into the buffer directly (no intermediate array).
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if Glibc.errno == EINTR { continue }
                throw WriteError.errno(path, "write failed")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and closes.
    func finish() throws {
        try flush()
        if fsync(descriptor) != 0 { throw WriteError.errno(path, "fsync failed") }
        if close(descriptor) != 0 { throw WriteError.errno(path, "close failed") }
        descriptor = -1
    }
}

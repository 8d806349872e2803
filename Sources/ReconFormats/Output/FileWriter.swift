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
///
/// The buffer is memory of its own rather than a `[UInt8]`: the CSV writers put millions of
/// fields into it, and `Array.append(contentsOf:)` cost ~90 instructions a call before the first
/// byte was copied (see `room(_:)`).
public final class FileWriter {
    public let path: String
    private var descriptor: Int32
    private let capacity = 1 << 20
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Bytes handed to the file so far, and how many of them the kernel was asked to write out.
    private(set) var sent: Int64 = 0
    private(set) var writeBackStart: Int64 = 0

    init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
        storage = .allocate(capacity: capacity)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        storage.deallocate()
    }

    /// A writer to standard output (a duplicate of descriptor 1, closed when the writer goes away).
    public static func standardOutput() -> FileWriter {
        FileWriter(path: "<stdout>", descriptor: dup(1))
    }

    public func write(_ bytes: some Sequence<UInt8>) throws {
        let done: Void?? = try bytes.withContiguousStorageIfAvailable { try write(bytes: $0) }
        if done == nil {
            for byte in bytes {
                if count == capacity { try flush() }
                storage[count] = byte
                count += 1
            }
        }
    }

    public func write(_ text: String) throws {
        try text.withUTF8Bytes { try write(bytes: $0) }
    }

    /// Appends `bytes`; a run longer than the buffer goes to the file directly, after what is buffered.
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - count {
            try flush()
            if bytes.count >= capacity { return try send(UnsafeRawBufferPointer(bytes)) }
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Where the next `needed` bytes (at most the buffer's size, 1 MiB) may be written: the end of
    /// the buffer, flushed first when there is not that much room left. The caller writes up to
    /// `needed` bytes there and then calls `advance(by:)` with how many it wrote.
    func room(_ needed: Int) throws -> UnsafeMutablePointer<UInt8> {
        precondition(needed <= capacity, "\(needed) bytes do not fit the buffer")
        if needed > capacity - count { try flush() }
        return storage + count
    }

    /// Takes `written` bytes put at `room(_:)` into the buffer.
    func advance(by written: Int) {
        count += written
    }

    public func flush() throws {
        try send(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    private func send(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if Glibc.errno == EINTR { continue }
                throw WriteError.errno(path, "write failed")
            }
            offset += written
        }
        sent += Int64(bytes.count)
        if sent - writeBackStart >= Self.writeBackRun { startWriteBack() }
    }

    /// Has the kernel start writing what was sent and not yet started to disk (`WriteBack`).
    private func startWriteBack() {
        guard sent > writeBackStart else { return }
        WriteBack.start(descriptor, from: writeBackStart, count: sent - writeBackStart)
        writeBackStart = sent
    }

    /// Sends what is buffered and has the kernel start writing all of it to disk, without waiting:
    /// called on every file before the first `finish()`, so that their last writes go out together.
    func flushAndStartWriteBack() throws {
        try flush()
        startWriteBack()
    }

    /// How much is written before the kernel is asked to start writing it to disk (`WriteBack`).
    static let writeBackRun: Int64 = 8 << 20

    /// Flushes, syncs to disk and closes.
    func finish() throws {
        try flush()
        if fsync(descriptor) != 0 { throw WriteError.errno(path, "fsync failed") }
        if close(descriptor) != 0 { throw WriteError.errno(path, "close failed") }
        descriptor = -1
    }
}

/// Linux `sync_file_range(…, SYNC_FILE_RANGE_WRITE)`: the kernel starts writing a file's range to
/// disk and returns without waiting. Otherwise nothing of a run's outputs (534 MB at 1M payments)
/// went to disk before `fsync` at the end — the kernel's own writeback waits 30 s or for a tenth
/// of memory to be dirty — and the run waited for all of it there. Started as they are written,
/// the bytes go out while the run still computes, and the final `fsync` finds little left to do.
/// It only starts writes: `fsync` still decides that the files are on disk. Swift's Glibc module
/// does not export it (a GNU extension): looked up by name (`GNUFunction`). Without it (or where
/// it fails, as on a pipe) nothing changes.
enum WriteBack {
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// `SYNC_FILE_RANGE_WRITE` from <fcntl.h>.
    private static let write: UInt32 = 2

    private static let syncFileRange = GNUFunction.named("sync_file_range", as: SyncFileRange.self)

    /// Whether the call exists here (Linux with glibc).
    static var isAvailable: Bool { syncFileRange != nil }

    static func start(_ descriptor: Int32, from offset: Int64, count: Int64) {
        _ = syncFileRange?(descriptor, offset, count, write)
    }
}

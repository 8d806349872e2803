#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

/// Something that hands out bytes in chunks: a file, or a transcoder in front of one.
public protocol ByteSource: AnyObject {
    /// Where the bytes come from, for messages.
    var path: String { get }
    /// Fills up to `buffer.count` bytes; returns 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// All of the input, when it already lies in memory that stays put and unchanged for as long
    /// as the source lives: a reader may read it where it is instead of copying it out with
    /// `read(into:)` (which it then does not call). nil (the default): read it.
    var bytesInMemory: UnsafeBufferPointer<UInt8>? { get }
}

public extension ByteSource {
    var bytesInMemory: UnsafeBufferPointer<UInt8>? { nil }
}

/// A file read with POSIX `read(2)`, closed when the source goes away.
public final class FileByteSource: ByteSource {
    public let path: String
    private let descriptor: Int32

    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw ReadError.missingFile(path: path) }
            throw ReadError.io(path: path, message: String(cString: strerror(code)))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw ReadError.io(path: path, message: "is a directory")
        }
        self.descriptor = descriptor
        #if canImport(Glibc)
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= Self.readAheadFrom {
            readAhead = ReadAhead.start(descriptor: descriptor, size: Int(info.st_size))
        }
        #endif
    }

    deinit {
        #if canImport(Glibc)
        readAhead?.stop()
        #endif
        close(descriptor)
    }

    /// Files of this size or more are brought in ahead of their reader by another thread.
    static let readAheadFrom = 32 << 20
    #if canImport(Glibc)
    private var readAhead: ReadAhead?
    #endif

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                #if canImport(Glibc)
                readAhead?.advance(by: count)
                #endif
                return count
            }
            if errno == EINTR { continue }
            throw ReadError.io(path: path, message: String(cString: strerror(errno)))
        }
    }

    /// The file's size in bytes, when it is a regular file.
    public var size: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}

/// Bytes already in memory (tests, and small inputs).
public final class MemoryByteSource: ByteSource {
    public let path: String
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8], path: String = "<memory>") {
        self.bytes = bytes
        self.path = path
    }

    public convenience init(_ text: String, path: String = "<memory>") {
        self.init(Array(text.utf8), path: path)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        if count > 0 {
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            offset += count
        }
        return count
    }
}

/// Bytes that lie in memory someone else holds (a block of a file, a file's first kilobytes),
/// for a reader made over them in place (`bytesInMemory`). Valid only while that memory is: made
/// inside its `withUnsafeBufferPointer`, the source and any reader over it must not outlive it.
final class BorrowedBytes: ByteSource {
    let path: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    var bytesInMemory: UnsafeBufferPointer<UInt8>? { bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        if count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }
}

public extension ByteSource {
    /// Reads everything that is left (for small inputs such as configuration files).
    func readAll() throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in try read(into: buffer) }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

import CDeflate
import CIgzip

/// A raw deflate stream with the CRC-32 and size of what went in, handed over in pieces of any
/// size: the same bytes give the same stream however they are cut.
///
/// At `.fast` (what recon writes) ISA-L's igzip deflates, at its level 1: the 195 MB Exceptions
/// sheet of a million-entry run in 0.29 s into 31.9 MB, where zlib's fastest level took 1.19 s
/// for 34.2 MB (docs/performance-log.md). igzip's output depends on how its input is cut, so the
/// pieces are gathered into blocks of `blockSize` first. At `.zlibDefault` zlib deflates at its
/// default level and memory level 9, as ZIPFoundation did (a test compares the two).
final class Deflater {
    enum Level {
        /// igzip's level 1.
        case fast
        /// zlib's default level (6) with memory level 9: ZIPFoundation's bytes.
        case zlibDefault
    }

    /// What one deflate library does with the blocks.
    private let engine: any DeflateEngine
    /// Bytes not yet in a whole block.
    private var pending: [UInt8] = []
    private var compressed: [UInt8] = []
    private(set) var crc: UInt32 = 0
    private(set) var size = 0

    /// Every block handed to the engine but the last is this long.
    static let blockSize = 1 << 18

    init(path: String, level: Level) throws {
        switch level {
        case .fast: engine = IgzipEngine(path: path)
        case .zlibDefault: engine = try ZlibEngine(path: path)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        crc = crc32_gzip_refl(crc, bytes.baseAddress, UInt64(bytes.count))
        size += bytes.count
        var rest = bytes[...]
        while !rest.isEmpty {
            if pending.isEmpty && rest.count >= Self.blockSize {
                // A whole block straight from the caller's bytes.
                try engine.deflate(UnsafeBufferPointer(rebasing: rest.prefix(Self.blockSize)), last: false,
                                   into: &compressed)
                rest = rest.dropFirst(Self.blockSize)
            } else {
                let taken = rest.prefix(Self.blockSize - pending.count)
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: taken))
                rest = rest.dropFirst(taken.count)
                if pending.count == Self.blockSize { try deflatePending(last: false) }
            }
        }
    }

    /// Ends the stream and gives its bytes.
    func finish() throws -> [UInt8] {
        try deflatePending(last: true)
        return compressed
    }

    private func deflatePending(last: Bool) throws {
        try pending.withUnsafeBufferPointer { try engine.deflate($0, last: last, into: &compressed) }
        pending.removeAll(keepingCapacity: true)
    }
}

/// One deflate library behind `Deflater`.
private protocol DeflateEngine: AnyObject {
    /// Deflates `input` (at most `Deflater.blockSize` bytes), appending what comes out to
    /// `output`; `last` ends the stream.
    func deflate(_ input: UnsafeBufferPointer<UInt8>, last: Bool, into output: inout [UInt8]) throws
}

/// igzip at level 1. A class: the stream, its level buffer and its history stay where they are.
private final class IgzipEngine: DeflateEngine {
    private let path: String
    private let stream = UnsafeMutablePointer<isal_zstream>.allocate(capacity: 1)
    private let levelBuffer: UnsafeMutableBufferPointer<UInt8>
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(path: String) {
        self.path = path
        // 82 KB: zeroed in place, not built on the stack and copied.
        UnsafeMutableRawPointer(stream).initializeMemory(as: UInt8.self, repeating: 0,
                                                         count: MemoryLayout<isal_zstream>.size)
        isal_deflate_init(stream)
        levelBuffer = .allocate(capacity: Int(recon_igzip_level1_buffer_size()))
        stream.pointee.level = 1
        stream.pointee.level_buf = levelBuffer.baseAddress
        stream.pointee.level_buf_size = UInt32(levelBuffer.count)
        stream.pointee.gzip_flag = UInt16(IGZIP_DEFLATE)
        stream.pointee.flush = UInt16(NO_FLUSH)
    }

    deinit {
        levelBuffer.deallocate()
        stream.deallocate()
    }

    func deflate(_ input: UnsafeBufferPointer<UInt8>, last: Bool, into output: inout [UInt8]) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.end_of_stream = last ? 1 : 0
        var ended = false
        repeat {
            var status: Int32 = 0
            let unread = stream.pointee.avail_in
            let produced = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                status = isal_deflate(stream)
                return buffer.count - Int(stream.pointee.avail_out)
            }
            ended = recon_igzip_ended(stream) != 0
            // A call that neither reads, writes nor ends would be made again forever.
            guard status == COMP_OK, produced > 0 || stream.pointee.avail_in < unread || ended else {
                throw WriteError(path: path, message: "igzip failed to deflate (\(status))")
            }
            output += buffer[..<produced]
        } while stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0 || (last && !ended)
    }
}

/// zlib at its default level and memory level 9 (ZIPFoundation's settings). A class: zlib keeps
/// a pointer to its stream, which must not move.
private final class ZlibEngine: DeflateEngine {
    private let path: String
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(path: String) throws {
        self.path = path
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw WriteError(path: path, message: "zlib could not start a deflate stream (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func deflate(_ input: UnsafeBufferPointer<UInt8>, last: Bool, into output: inout [UInt8]) throws {
        let flush = last ? Z_FINISH : Z_NO_FLUSH
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        var status: Int32 = Z_OK
        repeat {
            let produced = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                status = CDeflate.deflate(stream, flush)
                return buffer.count - Int(stream.pointee.avail_out)
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw WriteError(path: path, message: "zlib failed to deflate (\(status))")
            }
            output += buffer[..<produced]
        } while stream.pointee.avail_out == 0 || (last && status != Z_STREAM_END)
    }
}

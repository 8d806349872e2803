/// A single-byte code page turned into UTF-8 on the fly, chunk by chunk, so that every reader
/// behind it only ever sees UTF-8. Line ends and ASCII are unchanged, so line numbers stay true.
public final class TranscodingByteSource: ByteSource {
    public var path: String { source.path }
    private let source: any ByteSource
    /// The UTF-8 bytes of each byte 0x80–0xFF.
    private let sequences: [[UInt8]]
    private var input = [UInt8](repeating: 0, count: 64 * 1024)
    private var pending: [UInt8] = []
    private var pendingStart = 0

    public init(source: any ByteSource, encoding: TextEncoding) {
        precondition(!encoding.isUTF8, "UTF-8 needs no transcoding")
        self.source = source
        sequences = encoding.highTable!.map { Array(String(Character(Unicode.Scalar($0)!)).utf8) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            let count = try input.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { return 0 }
            pending.reserveCapacity(count * 2)
            for byte in input[0..<count] {
                if byte < 0x80 {
                    pending.append(byte)
                } else {
                    pending.append(contentsOf: sequences[Int(byte) - 0x80])
                }
            }
        }
        let count = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + pendingStart, byteCount: count)
        }
        pendingStart += count
        return count
    }
}

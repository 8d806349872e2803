import ReconCore

/// Splits a byte stream into lines (LF, CRLF or a lone CR), one at a time, with 1-based line
/// numbers. Transmission framing bytes (SOH 0x01, ETX 0x03, Ctrl-Z 0x1A) are dropped wherever
/// they appear; a line longer than `maxLineBytes` is refused.
///
/// - Complexity: O(n) over the input; memory is one chunk plus the longest line.
public struct LineReader {
    public let path: String
    public var maxLineBytes: Int
    private let source: any ByteSource
    private var buffer: [UInt8]
    private var position = 0
    private var end = 0
    private var atEOF = false
    private var nextLineNumber = 1
    /// The current line's bytes (without its line end).
    public private(set) var line: [UInt8] = []
    /// The current line's number.
    public private(set) var lineNumber = 0

    public init(source: any ByteSource, maxLineBytes: Int = 1 << 20, chunkSize: Int = 64 * 1024) {
        self.source = source
        self.path = source.path
        self.maxLineBytes = maxLineBytes
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
        line.reserveCapacity(256)
    }

    /// Reads the next line into `line`; false at the end of the input.
    public mutating func next() throws -> Bool {
        line.removeAll(keepingCapacity: true)
        lineNumber = nextLineNumber
        var sawAnything = false
        while true {
            if position == end {
                try fill()
                if position == end {
                    return sawAnything && !(line.isEmpty && lastWasFramingOnly)
                }
            }
            let byte = buffer[position]
            position += 1
            sawAnything = true
            switch byte {
            case 0x0A:
                nextLineNumber += 1
                return true
            case 0x0D:
                if position == end { try fill() }
                if position < end && buffer[position] == 0x0A { position += 1 }
                nextLineNumber += 1
                return true
            case 0x01, 0x03, 0x1A:
                lastWasFramingOnly = line.isEmpty
                continue
            default:
                lastWasFramingOnly = false
                line.append(byte)
                if line.count > maxLineBytes {
                    throw ReadError.invalid(SourceLocation(file: path, line: lineNumber),
                                            "line longer than \(maxLineBytes) bytes")
                }
            }
        }
    }

    /// True while the last line so far held only framing bytes (a trailing Ctrl-Z is no line).
    private var lastWasFramingOnly = false

    private mutating func fill() throws {
        guard !atEOF else { return }
        position = 0
        end = 0
        let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if count == 0 { atEOF = true } else { end = count }
    }
}

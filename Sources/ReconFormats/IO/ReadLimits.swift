import ReconCore

/// What recon refuses to read, whatever the format: bigger files, longer lines, deeper XML.
public struct ReadLimits: Sendable, Equatable {
    /// 2 GiB: a year of a busy account's camt.053 is far smaller, and reconcile keeps every
    /// transaction in memory. `RECON_MAX_FILE_SIZE` (e.g. `4GiB`, `500MB`, bytes) raises or lowers it.
    public static let defaultMaxFileBytes = 2 << 30

    public var maxFileBytes: Int = ReadLimits.defaultMaxFileBytes
    /// A line of MT940 or CSV (a CSV record, quoted line breaks included); XML line breaks mean
    /// nothing, so XML is bounded per text value (`CamtReader.maxTextBytes`, also 1 MiB) instead.
    public var maxLineBytes: Int = 1 << 20
    /// XML element nesting.
    public var maxDepth: Int = SafeXMLParser.defaultMaxDepth

    public init() {}

    public static let standard = ReadLimits()

    /// Opens `path`, refusing a file larger than `maxFileBytes` before anything of it is read.
    public func open(_ path: String) throws -> FileByteSource {
        let file = try FileByteSource(path: path)
        if let size = file.size, size > maxFileBytes {
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "file is \(size) bytes, over the limit of \(maxFileBytes) (RECON_MAX_FILE_SIZE raises it)")
        }
        return file
    }

    /// `1048576`, `500MB`, `500MiB`, `4GiB`, `2G` …: bytes, with decimal (kB, MB, GB) or binary
    /// (KiB, MiB, GiB; K, M, G) units. nil for anything else.
    public static func parseSize(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let units: [String: Int] = ["": 1, "B": 1, "K": 1 << 10, "KIB": 1 << 10, "KB": 1000, "M": 1 << 20,
                                    "MIB": 1 << 20, "MB": 1_000_000, "G": 1 << 30, "GIB": 1 << 30, "GB": 1_000_000_000,
                                    "T": 1 << 40, "TIB": 1 << 40, "TB": 1_000_000_000_000]
        guard let unit = units[trimmed.dropFirst(digits.count).uppercased()] else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}

/// Hands out bytes already read (the head a format was detected from), then the rest of the
/// source; refuses to go past `limit` bytes in total (for inputs whose size is not known up front).
public final class PrefixedByteSource: ByteSource {
    public var path: String { source.path }
    private let source: any ByteSource
    private let head: [UInt8]
    private var offset = 0
    private var total = 0
    private let limit: Int

    public init(head: [UInt8], rest source: any ByteSource, limit: Int = .max) {
        self.head = head
        self.source = source
        self.limit = limit
        self.total = head.count
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if offset < head.count {
            let count = min(buffer.count, head.count - offset)
            head.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
        let count = try source.read(into: buffer)
        total += count
        if total > limit {
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "file is larger than the limit of \(limit) bytes (RECON_MAX_FILE_SIZE)")
        }
        return count
    }
}

/// Writes a ZIP package (an .xlsx is one) part by part, each part deflated while it is produced:
/// a sheet is handed over in pieces and never held whole. Only a part's compressed bytes are kept
/// until its local header (which carries the CRC-32 and the sizes) can be written.
///
/// The same parts give the same bytes: entries in the order added, every timestamp 1980-01-01
/// 00:00 (the first DOS date), permissions 0644, UTF-8 names, raw deflate (`Deflater`) — the
/// headers ZIPFoundation 0.9.20 wrote, and at its level (`.zlibDefault`) its bytes too (a test
/// compares the two). ZIPFoundation needs a part's size before its first byte, so it could only
/// take whole sheets — 260 MB of XML in a million-entry run. No ZIP64: a part or archive of 4 GiB
/// or more is an error.
struct ZipWriter {
    private let sink: ([UInt8]) throws -> Void
    let path: String
    private let level: Deflater.Level
    private var offset = 0
    private var directory: [UInt8] = []
    private var count = 0

    /// `sink` receives the archive's bytes in order; `path` names the file in errors; `level`:
    /// `.fast` (igzip) for recon's workbooks, `.zlibDefault` for ZIPFoundation's bytes.
    init(path: String, level: Deflater.Level = .fast, sink: @escaping ([UInt8]) throws -> Void) {
        self.path = path
        self.level = level
        self.sink = sink
    }

    /// A part deflated apart from the archive (on another thread, say), to be added in its place.
    struct Part {
        let name: String
        let crc: UInt32
        /// The bytes before deflating.
        let size: Int
        let compressed: [UInt8]
    }

    /// Deflates a part whose bytes `body` writes to the deflater, in pieces of any size, at the
    /// level a `ZipWriter` made with the same `level` would: adding the part gives the same bytes.
    static func deflate(_ name: String, path: String, level: Deflater.Level = .fast,
                        _ body: (Deflater) throws -> Void) throws -> Part {
        let deflater = try Deflater(path: path, level: level)
        try body(deflater)
        let compressed = try deflater.finish()
        return Part(name: name, crc: deflater.crc, size: deflater.size, compressed: compressed)
    }

    /// Adds a part whose bytes `body` writes to the deflater, in pieces of any size.
    mutating func add(_ name: String, _ body: (Deflater) throws -> Void) throws {
        try add(Self.deflate(name, path: path, level: level, body))
    }

    mutating func add(_ part: Part) throws {
        let compressed = part.compressed
        guard part.size <= UInt32.max, compressed.count <= UInt32.max, offset <= UInt32.max, count < 0xFFFF else {
            throw WriteError(path: path, message: "\(part.name) is too large for a ZIP file without ZIP64")
        }
        let name = Array(part.name.utf8)
        var header: [UInt8] = []
        header.appendLittleEndian(UInt32(0x0403_4B50))
        appendEntryFields(to: &header, crc: part.crc, compressed: compressed.count, size: part.size, name: name)
        header.appendLittleEndian(UInt16(0))  // extra field length
        header += name
        try sink(header)
        try sink(compressed)

        directory.appendLittleEndian(UInt32(0x0201_4B50))
        directory.appendLittleEndian(UInt16(0x0315))  // made by: Unix, version 2.1
        appendEntryFields(to: &directory, crc: part.crc, compressed: compressed.count, size: part.size, name: name)
        directory.appendLittleEndian(UInt16(0))  // extra field length
        directory.appendLittleEndian(UInt16(0))  // comment length
        directory.appendLittleEndian(UInt16(0))  // disk number
        directory.appendLittleEndian(UInt16(0))  // internal attributes
        directory.appendLittleEndian(UInt32(0o100644) << 16)  // external: regular file, rw-r--r--
        directory.appendLittleEndian(UInt32(offset))
        directory += name
        offset += header.count + compressed.count
        count += 1
    }

    mutating func add(_ name: String, bytes: [UInt8]) throws {
        try add(name) { try $0.write(bytes) }
    }

    /// Writes the central directory and its end record.
    mutating func finish() throws {
        guard offset + directory.count <= UInt32.max else {
            throw WriteError(path: path, message: "too large for a ZIP file without ZIP64")
        }
        var end: [UInt8] = []
        end.appendLittleEndian(UInt32(0x0605_4B50))
        end.appendLittleEndian(UInt16(0))  // this disk
        end.appendLittleEndian(UInt16(0))  // disk of the directory
        end.appendLittleEndian(UInt16(count))
        end.appendLittleEndian(UInt16(count))
        end.appendLittleEndian(UInt32(directory.count))
        end.appendLittleEndian(UInt32(offset))
        end.appendLittleEndian(UInt16(0))  // comment length
        try sink(directory)
        try sink(end)
    }

    /// From "version needed" to the name's length: the same in the local header and the directory.
    private func appendEntryFields(to bytes: inout [UInt8], crc: UInt32, compressed: Int, size: Int, name: [UInt8]) {
        bytes.appendLittleEndian(UInt16(20))      // version needed: 2.0 (deflate)
        bytes.appendLittleEndian(UInt16(0x0800))  // flags: the name is UTF-8
        bytes.appendLittleEndian(UInt16(8))       // method: deflate
        bytes.appendLittleEndian(UInt16(0))       // time 00:00:00
        bytes.appendLittleEndian(UInt16(0x21))    // date 1980-01-01
        bytes.appendLittleEndian(crc)
        bytes.appendLittleEndian(UInt32(compressed))
        bytes.appendLittleEndian(UInt32(size))
        bytes.appendLittleEndian(UInt16(name.count))
    }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

import ReconCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader over bytes, one record at a time, with line and column of every
/// field. Hand-written over a byte buffer: about 15× faster here than the CSV packages.
///
/// Fields are kept as bytes until asked for; a record's UTF-8 is validated once, when a field of it
/// is first read as text. A quote inside an unquoted field, text after a closing quote, an
/// unterminated quote and a record longer than `maxRecordBytes` are errors with their location.
/// Blank lines are skipped; a line may end in LF, CRLF or a lone CR.
///
/// A class: it owns the input and its buffer, and handing it around must not copy them.
public final class CSVReader {
    public let path: String
    public var delimiter: UInt8
    public let quote: UInt8
    public var maxRecordBytes = 1 << 20
    /// Accept a stray quote inside an unquoted field as a literal character (some banks write them).
    public var lenientQuotes = false
    /// A byte that, inside a quoted field, makes the next byte literal (`\` in some exports); 0: none.
    public var escape: UInt8 = 0
    /// Whether the usual line is cut where it lies (`readLine`); off, every record is read a byte
    /// at a time — for the tests that hold the two to the same results.
    var readsLines = true

    private let source: any ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    /// false: `buffer` is the source's own memory (`ByteSource.bytesInMemory`), only read.
    private var ownsBuffer = true
    private var capacity: Int
    private var position = 0
    private var end = 0
    private var atEOF = false
    /// Bytes consumed before `buffer[0]`.
    private var consumedBefore = 0
    private var line = 1
    private var lineStartOffset = 0

    // The current record. A line read where it lies (`readLine`) has its fields in the input
    // buffer, from `lineBase`; any other record has their contents copied back to back into
    // `recordBytes` (`lineBase` nil). Either way a field's bytes are `contentStart..<contentEnd`.
    // `lineBase` holds until the next record is read: reading moves and refills the buffer.
    private var recordBytes: [UInt8] = []
    private var lineBase: UnsafePointer<UInt8>?
    private var lineLength = 0
    private var fields = TrivialList<Field>(capacity: 32)

    /// One field of the record, one append a field (three arrays of offsets cost a fifth of a line).
    private struct Field {
        /// Where the field starts (its opening quote, if any), as an offset in the whole input.
        var start: Int
        var contentStart: Int
        var contentEnd: Int
    }
    /// Records before this input offset are read byte by byte: a line break farther on than
    /// memchr found, or a CR inside the line, is not searched for again on every record.
    private var bytewiseUntil = 0
    /// The lines the record spans: the first, and any a quoted field's line breaks start.
    private var recordLines = TrivialList<(line: Int, startOffset: Int)>(capacity: 4)
    public private(set) var recordLine = 0
    /// nil until a field is read as text; then whether the whole record is valid UTF-8.
    private var recordIsUTF8: Bool?
    private var lastRecordHadQuotes = false

    /// The input ended inside a quoted field (the reader threw "unterminated quoted field").
    public private(set) var endedInQuotes = false

    /// `firstLine`: the line number of the input's first byte (a part of a file starts later).
    public init(source: any ByteSource, delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
                chunkSize: Int = 1 << 20, firstLine: Int = 1) {
        self.source = source
        self.path = source.path
        line = firstLine
        self.delimiter = delimiter
        self.quote = quote
        recordBytes.reserveCapacity(1024)
        if let bytes = source.bytesInMemory, let base = bytes.baseAddress {
            // Read where the bytes lie (a block of a file read on two cores): nothing is ever
            // written to them, as `ensure` has nothing more to read.
            buffer = UnsafeMutablePointer(mutating: base)
            capacity = bytes.count
            end = bytes.count
            atEOF = true
            ownsBuffer = false
        } else {
            capacity = max(chunkSize, 16)
            buffer = .allocate(capacity: capacity)
        }
    }

    deinit {
        if ownsBuffer { buffer.deallocate() }
        fields.deallocate()
        recordLines.deallocate()
    }

    /// Skips a UTF-8 byte order mark at the very start. Call before the first record.
    public func skipByteOrderMark() throws {
        try ensure(3)
        if end - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
            lineStartOffset = consumedBefore + position
        }
    }

    /// Skips `count` raw lines (a preamble), whatever they contain: quotes there are not CSV.
    public func skipLines(_ count: Int) throws {
        for _ in 0..<count {
            while true {
                try ensure(1)
                if position == end { return }
                let byte = buffer[position]
                position += 1
                if byte == UInt8(ascii: "\n") { break }
                if byte == UInt8(ascii: "\r") {
                    try ensure(1)
                    if position < end && buffer[position] == UInt8(ascii: "\n") { position += 1 }
                    break
                }
            }
            line += 1
            lineStartOffset = consumedBefore + position
        }
    }

    /// The bytes of the first line, without consuming them (to detect the delimiter).
    public func peekFirstLine() throws -> [UInt8] {
        try ensure(64 * 1024)
        var index = position
        while index < end, buffer[index] != UInt8(ascii: "\n"), buffer[index] != UInt8(ascii: "\r") { index += 1 }
        return Array(UnsafeBufferPointer(start: buffer + position, count: index - position))
    }

    /// The line the next record starts on.
    public var currentLine: Int { line }

    /// What the reader holds but has not read, and the input it reads on from — for handing the
    /// rest of a file to other readers. This reader is then done with.
    public func remainder() -> (buffered: [UInt8], source: any ByteSource) {
        let buffered = Array(UnsafeBufferPointer(start: buffer + position, count: end - position))
        position = end
        atEOF = true
        return (buffered, source)
    }

    public var fieldCount: Int { fields.count }

    public func location(ofField index: Int) -> SourceLocation {
        let (line, column) = lineAndColumn(ofField: index)
        return SourceLocation(file: path, line: line, column: column)
    }

    /// `location(ofField:)` without the location (which counts a reference to the path): for a
    /// caller that keeps where every row's field is, in case a later row needs to say so.
    public func lineAndColumn(ofField index: Int) -> (line: Int, column: Int?) {
        guard index < fields.count else { return (recordLine, nil) }
        let start = fields[index].start
        let line = recordLines.last { $0.startOffset <= start } ?? (recordLine, start)
        return (line.line, start - line.startOffset + 1)
    }

    public var recordLocation: SourceLocation { SourceLocation(file: path, line: recordLine) }

    private func range(of index: Int) -> Range<Int> {
        fields[index].contentStart..<fields[index].contentEnd
    }

    /// The raw bytes of field `index` (empty when the record has fewer fields).
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index < fields.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bounds = range(of: index)
        if let lineBase { return try body(UnsafeBufferPointer(start: lineBase + bounds.lowerBound, count: bounds.count)) }
        return try recordBytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[bounds]))
        }
    }

    public func isEmpty(_ index: Int) -> Bool {
        guard index < fields.count else { return true }
        return range(of: index).isEmpty
    }

    /// Whether every field of the current record is valid UTF-8 (checked once per record). A line
    /// is checked whole: its quotes and delimiters are ASCII, which ends any sequence, so the line is
    /// valid exactly when every field is.
    public var isValidUTF8: Bool {
        if let known = recordIsUTF8 { return known }
        let valid: Bool
        if let lineBase {
            valid = UTF8Validation.isValid(UnsafeBufferPointer(start: lineBase, count: lineLength))
        } else {
            valid = fields.indices.allSatisfy { index in withField(index) { UTF8Validation.isValid($0) } }
        }
        recordIsUTF8 = valid
        return valid
    }

    /// Field `index` as text; nil when it is not valid UTF-8.
    public func string(_ index: Int) -> String? {
        guard isValidUTF8 else { return withField(index) { String(validating: $0, as: UTF8.self) } }
        return withField(index) { String(validUTF8: $0) }
    }

    /// Field `index` without the spaces and tabs at its ends, as text; nil when not valid UTF-8.
    public func trimmedString(_ index: Int) -> String? {
        withField(index) { bytes in
            var start = 0, stop = bytes.count
            while start < stop, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            return isValidUTF8 ? String(validUTF8: slice) : String(validating: slice, as: UTF8.self)
        }
    }

    /// Field `index` as text, or a finding at the field when it is not valid UTF-8.
    public func text(_ index: Int) throws -> String {
        guard let value = string(index) else { throw ReadError.invalid(location(ofField: index), "invalid UTF-8 in field") }
        return value
    }

    /// Reads the next record. Returns false at the end of the input.
    public func next() throws -> Bool {
        while true {
            guard try readRecord() else { return false }
            // A blank line is one empty, unquoted field: skip it.
            if fields.count == 1 && range(of: 0).isEmpty && !lastRecordHadQuotes { continue }
            return true
        }
    }

    private func readRecord() throws -> Bool {
        startRecord()
        try ensure(1)
        if position == end { return false }
        recordLine = line
        recordLines.append((line, lineStartOffset))
        if readLine() { return true }
        fields.removeAll()  // what the line had cut before it gave up
        lastRecordHadQuotes = false
        return try readRecordBytewise()
    }

    private func startRecord() {
        if !recordBytes.isEmpty { recordBytes.removeAll(keepingCapacity: true) }
        lineBase = nil
        fields.removeAll()
        recordLines.removeAll()
        recordIsUTF8 = nil
        lastRecordHadQuotes = false
    }

    /// The usual record, read where it lies: one line already in the buffer, its fields unquoted
    /// or quoted without a doubled quote, line break or CR inside, cut at the delimiters memchr
    /// finds. False, with nothing consumed, for any other record: `readRecordBytewise` reads it
    /// (and makes its errors). A byte-by-byte scan cost ~30 instructions a byte of a bank CSV.
    private func readLine() -> Bool {
        let quote = self.quote, delimiter = self.delimiter
        guard readsLines, escape == 0, quote < 0x80, delimiter < 0x80, consumedBefore + position >= bytewiseUntil else {
            return false
        }
        let start = buffer + position
        let stop: Int  // where the line ends, at its LF or at the end of the input
        if let newline = memchr(start, 0x0A, end - position) {
            stop = position + start.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        } else if atEOF {
            stop = end
        } else {
            bytewiseUntil = consumedBefore + end
            return false
        }
        var lineEnd = stop
        if lineEnd > position && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let length = lineEnd - position
        guard length <= maxRecordBytes else { return false }
        if memchr(start, 0x0D, length) != nil {
            bytewiseUntil = consumedBefore + stop
            return false
        }
        // Where the next quote is (`length`: none left), kept as the fields are cut: an unquoted
        // field holds a quote exactly when the next one comes before its end, so it needs no
        // search of its own (one for each such field was ~9 calls to memchr a bank CSV row).
        func quoteAt(orAfter offset: Int) -> Int {
            guard offset < length, let found = memchr(start + offset, Int32(quote), length - offset) else { return length }
            return start.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        var nextQuote = quoteAt(orAfter: 0)
        var field = 0  // offsets from `start`
        while true {
            let fieldStart = consumedBefore + position + field
            if nextQuote == field && field < length {
                let closing = quoteAt(orAfter: field + 1)
                guard closing < length else { return false }
                if closing + 1 < length && start[closing + 1] != delimiter { return false }
                fields.append(Field(start: fieldStart, contentStart: field + 1, contentEnd: closing))
                lastRecordHadQuotes = true
                field = closing + 1
                nextQuote = quoteAt(orAfter: field)
            } else {
                var fieldEnd = length
                if let found = memchr(start + field, Int32(delimiter), length - field) {
                    fieldEnd = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                if nextQuote < fieldEnd {
                    if !lenientQuotes { return false }
                    nextQuote = quoteAt(orAfter: fieldEnd)  // quotes inside the field are its text
                }
                fields.append(Field(start: fieldStart, contentStart: field, contentEnd: fieldEnd))
                field = fieldEnd
            }
            if field >= length { break }
            field += 1  // the delimiter
        }
        lineBase = UnsafePointer(start)
        lineLength = length
        position = stop < end ? stop + 1 : end
        line += 1
        lineStartOffset = consumedBefore + position
        return true
    }

    /// Any record, a byte at a time: quotes doubled or escaped, line breaks inside quotes, a lone
    /// CR ending a line, a record across buffer refills, and every error with its location.
    private func readRecordBytewise() throws -> Bool {
        let quote = self.quote, delimiter = self.delimiter, escape = self.escape
        startField()
        var inQuotes = false
        var afterClosingQuote = false
        while true {
            if position == end {
                try ensure(1)
                if position == end {
                    if inQuotes {
                        endedInQuotes = true
                        throw ReadError.invalid(location(ofField: fields.count - 1), "unterminated quoted field")
                    }
                    endField()
                    return true
                }
            }
            let byte = buffer[position]
            if inQuotes {
                if byte == escape && escape != 0 {
                    // A backslash-style escape inside quotes (`"say \"hi\""`), as some exports write.
                    try ensure(2)
                    if position + 1 < end {
                        if buffer[position + 1] == UInt8(ascii: "\n") {
                            line += 1
                            lineStartOffset = consumedBefore + position + 2
                            recordLines.append((line, lineStartOffset))
                        }
                        recordBytes.append(buffer[position + 1])
                        position += 2
                    } else {
                        recordBytes.append(byte)
                        position += 1
                    }
                } else if byte == quote {
                    try ensure(2)
                    if position + 1 < end && buffer[position + 1] == quote {
                        recordBytes.append(quote)
                        position += 2
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        position += 1
                    }
                } else {
                    // Copy a run of plain bytes in one go (locals: the loop must not reload fields).
                    let bytes = buffer, stop = end
                    var runEnd = position
                    while runEnd < stop {
                        let next = bytes[runEnd]
                        if next == quote || (next == escape && escape != 0) { break }
                        if next == UInt8(ascii: "\n") {
                            line += 1
                            lineStartOffset = consumedBefore + runEnd + 1
                            recordLines.append((line, lineStartOffset))
                        }
                        runEnd += 1
                    }
                    append(position, runEnd)
                }
            } else if byte == delimiter {
                endField()
                position += 1
                afterClosingQuote = false
                startField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                endField()
                position += 1
                if byte == UInt8(ascii: "\r") {
                    try ensure(1)
                    if position < end && buffer[position] == UInt8(ascii: "\n") { position += 1 }
                }
                line += 1
                lineStartOffset = consumedBefore + position
                return true
            } else if afterClosingQuote {
                throw ReadError.invalid(currentLocation, "text after the closing quote of a field")
            } else if byte == quote && recordBytes.count == fields.last?.contentStart && fieldStartedHere {
                inQuotes = true
                lastRecordHadQuotes = true
                position += 1
            } else if byte == quote && !lenientQuotes {
                throw ReadError.invalid(currentLocation, "quote inside an unquoted field")
            } else {
                let bytes = buffer, stop = end
                var runEnd = position + 1
                while runEnd < stop {
                    let next = bytes[runEnd]
                    if next == delimiter || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") || next == quote { break }
                    runEnd += 1
                }
                append(position, runEnd)
            }
            if recordBytes.count > maxRecordBytes {
                throw ReadError.invalid(SourceLocation(file: path, line: recordLine),
                                        "record longer than \(maxRecordBytes) bytes")
            }
        }
    }

    /// Appends `buffer[from..<to]` to the record and moves past it.
    private func append(_ from: Int, _ to: Int) {
        recordBytes.append(contentsOf: UnsafeBufferPointer(start: buffer + from, count: to - from))
        position = to
    }

    /// True while nothing of the current field has been consumed (so a quote opens it).
    private var fieldStartedHere: Bool {
        consumedBefore + position == fields.last?.start
    }

    private func startField() {
        fields.append(Field(start: consumedBefore + position, contentStart: recordBytes.count, contentEnd: recordBytes.count))
    }

    private func endField() {
        fields[fields.count - 1].contentEnd = recordBytes.count
    }

    private var currentLocation: SourceLocation {
        SourceLocation(file: path, line: line, column: consumedBefore + position - lineStartOffset + 1)
    }

    /// Makes at least `count` bytes available from `position`, unless the input ends first.
    private func ensure(_ count: Int) throws {
        if end - position >= count || atEOF { return }
        // Move what is left to the front, then fill.
        if position > 0 {
            let remaining = end - position
            if remaining > 0 { buffer.update(from: buffer + position, count: remaining) }
            consumedBefore += position
            end = remaining
            position = 0
        }
        if capacity - end < count {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: end + count)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = end + count
        }
        while end - position < count && !atEOF {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
            if read == 0 { atEOF = true } else { end += read }
        }
    }
}

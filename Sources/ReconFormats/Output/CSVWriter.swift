import ReconCore

/// Writes RFC 4180 CSV: comma-separated, a field quoted only when it holds a comma, quote, CR or LF,
/// LF line ends. Amounts are written with exactly their currency's decimals, dates as YYYY-MM-DD.
public struct CSVWriter {
    public let writer: FileWriter
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var decimalSeparator: UInt8 = UInt8(ascii: ".")
    /// Whether text that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`,
    /// a tab or a CR) is written with a leading `'`, so that it shows as the text it is. Set for the
    /// dialects made for spreadsheets: a payer name or remittance text comes from outside and can be
    /// `=HYPERLINK(…)` (CSV injection).
    public var neutralizesFormulas = false
    private var atRecordStart = true
    /// The last date written, and its ten bytes of text.
    private var lastDate: CalendarDate?
    private var lastDateText: (UInt64, UInt16) = (0, 0)

    public init(_ writer: FileWriter) {
        self.writer = writer
    }

    /// A writer for `dialect`; writes the dialect's byte order mark, if any, at once.
    public init(_ writer: FileWriter, dialect: CSVOutputDialect) throws {
        self.writer = writer
        delimiter = dialect.delimiter
        decimalSeparator = dialect.decimalSeparator
        neutralizesFormulas = dialect.isForSpreadsheets
        if dialect.byteOrderMark { try writer.write([0xEF, 0xBB, 0xBF]) }
    }

    public mutating func header(_ names: [String]) throws {
        for name in names { try field(name) }
        try endRecord()
    }

    /// Whether `neutralizesFormulas` writes `text` with a leading `'`: when it starts with a byte a
    /// formula starts with, after any `'` it already has (so that `'=x` gains one too, and reading
    /// back can drop exactly one: `DecisionsReader.unneutralized`).
    static func looksLikeFormula(_ text: String) -> Bool {
        looksLikeFormula(text.utf8)
    }

    static func looksLikeFormula(_ utf8: some Sequence<UInt8>) -> Bool {
        switch utf8.first(where: { $0 != UInt8(ascii: "'") }) {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    public mutating func field(_ text: String?) throws {
        guard let text else { return try separate() }
        if neutralizesFormulas, CSVWriter.looksLikeFormula(text) {
            neutralizesFormulas = false
            defer { neutralizesFormulas = true }
            return try field("'" + text)
        }
        try text.withUTF8Bytes { try field(bytes: $0) }
    }

    /// `field(_:)` of a text given as its UTF-8 bytes (a record's text read in place, not made a
    /// string first).
    public mutating func field(utf8 text: UnsafeBufferPointer<UInt8>?) throws {
        guard let text else { return try separate() }
        if neutralizesFormulas, CSVWriter.looksLikeFormula(text) {
            return try field(String(decoding: text, as: UTF8.self))
        }
        try field(bytes: text)
    }

    /// A text field given as its UTF-8 bytes, written straight into the file's buffer: quoted only
    /// when it holds the delimiter, a quote, CR or LF (found sixteen bytes at a time).
    mutating func field(bytes: UnsafeBufferPointer<UInt8>) throws {
        let quoted = CSVWriter.needsQuotes(bytes, delimiter: delimiter)
        let longest = quoted ? 2 * bytes.count + 2 : bytes.count
        guard longest < 1 << 19 else {
            // Longer than half the buffer (no real field is): written in runs through `write`.
            try separate()
            guard quoted else { return try writer.write(bytes: bytes) }
            let quote = UInt8(ascii: "\"")
            try writer.write([quote])
            var run = 0
            for index in bytes.indices where bytes[index] == quote {
                // The run ends with the quote, and the next one starts with it: written twice.
                try writer.write(bytes: UnsafeBufferPointer(rebasing: bytes[run...index]))
                run = index
            }
            try writer.write(bytes: UnsafeBufferPointer(rebasing: bytes[run...]))
            return try writer.write([quote])
        }
        let (out, first) = try start(longest)
        var count = first
        if !quoted {
            if let base = bytes.baseAddress { (out + count).update(from: base, count: bytes.count) }
            writer.advance(by: count + bytes.count)
            return
        }
        out[count] = UInt8(ascii: "\"")
        count += 1
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                out[count] = byte
                count += 1
            }
            out[count] = byte
            count += 1
        }
        out[count] = UInt8(ascii: "\"")
        writer.advance(by: count + 1)
    }

    /// A journal line's text: its wording's words and its subject put one after the other here,
    /// not made into a `String` first (see `JournalLine`).
    public mutating func field(textOf line: JournalLine) throws {
        guard line.wording != .text else { return try field(line.subject) }
        let delimiter = self.delimiter
        let written: Bool = try line.wording.prefix.withUTF8Bytes { prefix in
            try line.subject.withUTF8Bytes { subject in
                // A prefix is words and a space (never a formula); a subject that needs quotes goes the long way.
                guard !CSVWriter.needsQuotes(subject, delimiter: delimiter), prefix.count + subject.count < 1 << 19 else {
                    return false
                }
                let (out, first) = try start(prefix.count + subject.count)
                var count = first
                if let base = prefix.baseAddress { (out + count).update(from: base, count: prefix.count) }
                count += prefix.count
                if let base = subject.baseAddress { (out + count).update(from: base, count: subject.count) }
                writer.advance(by: count + subject.count)
                return true
            }
        }
        if !written { try field(line.text) }
    }

    /// Whether `bytes` hold the delimiter, a quote, CR or LF: sixteen bytes compared at a time.
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let delimiters = SIMD16<UInt8>(repeating: delimiter), quotes = SIMD16<UInt8>(repeating: 0x22)
        let lineFeeds = SIMD16<UInt8>(repeating: 0x0A), returns = SIMD16<UInt8>(repeating: 0x0D)
        var index = 0
        while index + 16 <= bytes.count {
            let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((chunk .== delimiters) .| (chunk .== quotes) .| (chunk .== lineFeeds) .| (chunk .== returns)) {
                return true
            }
            index += 16
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            index += 1
        }
        return false
    }

    public mutating func field(_ money: Money?) throws {
        let (out, first) = try start(2 + Money.maxWrittenBytes)
        var count = first
        if let money {
            // A decimal comma in a comma-separated file needs quotes.
            let quoted = decimalSeparator == delimiter
            if quoted {
                out[count] = UInt8(ascii: "\"")
                count += 1
            }
            count += money.write(into: out + count, decimalSeparator: decimalSeparator)
            if quoted {
                out[count] = UInt8(ascii: "\"")
                count += 1
            }
        } else if decimalSeparator == delimiter {
            out[count] = UInt8(ascii: "\"")
            out[count + 1] = UInt8(ascii: "\"")
            count += 2
        }
        writer.advance(by: count)
    }

    public mutating func field(_ date: CalendarDate?) throws {
        let (out, first) = try start(10)
        var count = first
        if let date {
            // Rows come in date order (a voucher's lines, a day's settlements): the last date's
            // ten bytes are copied, not worked out from the day number again.
            if date != lastDate {
                withUnsafeMutableBytes(of: &lastDateText) { date.write(into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
                lastDate = date
            }
            withUnsafeBytes(of: lastDateText) { (out + count).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 10) }
            count += 10
        }
        writer.advance(by: count)
    }

    /// A currency's three letters (never quoted: they are A–Z).
    public mutating func field(_ currency: Currency) throws {
        let (out, count) = try start(3)
        let code = currency.packedCode
        out[count] = UInt8(truncatingIfNeeded: code >> 16)
        out[count + 1] = UInt8(truncatingIfNeeded: code >> 8)
        out[count + 2] = UInt8(truncatingIfNeeded: code)
        writer.advance(by: count + 3)
    }

    /// An empty field: only the delimiter before it, when it is not the first of its record.
    private mutating func separate() throws {
        let (_, count) = try start(0)
        writer.advance(by: count)
    }

    /// Room in the file's buffer for a field of at most `longest` bytes and the delimiter before
    /// it, which is written when the field is not its record's first: where the field goes (the
    /// delimiter included) and how many bytes of it are written.
    private mutating func start(_ longest: Int) throws -> (UnsafeMutablePointer<UInt8>, Int) {
        let out = try writer.room(1 + longest)
        var count = 0
        if !atRecordStart {
            out[0] = delimiter
            count = 1
        }
        atRecordStart = false
        return (out, count)
    }

    public mutating func endRecord() throws {
        atRecordStart = true
        let out = try writer.room(1)
        out[0] = 0x0A
        writer.advance(by: 1)
    }
}

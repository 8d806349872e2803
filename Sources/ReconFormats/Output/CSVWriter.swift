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
        switch text.utf8.first(where: { $0 != UInt8(ascii: "'") }) {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    public mutating func field(_ text: String?) throws {
        if neutralizesFormulas, let text, CSVWriter.looksLikeFormula(text) {
            neutralizesFormulas = false
            defer { neutralizesFormulas = true }
            return try field("'" + text)
        }
        let delimiter = self.delimiter
        let first = atRecordStart
        atRecordStart = false
        try writer.append { buffer in
            if !first { buffer.append(delimiter) }
            guard let text else { return }
            text.withUTF8Bytes { bytes in
                let needsQuotes = bytes.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                if !needsQuotes {
                    buffer.append(contentsOf: bytes)
                    return
                }
                buffer.append(UInt8(ascii: "\""))
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            }
        }
    }

    public mutating func field(_ money: Money?) throws {
        let delimiter = self.delimiter, separator = decimalSeparator
        let first = atRecordStart
        atRecordStart = false
        try writer.append { buffer in
            if !first { buffer.append(delimiter) }
            if separator == delimiter {
                // A decimal comma in a comma-separated file needs quotes.
                buffer.append(UInt8(ascii: "\""))
                money?.write(to: &buffer, decimalSeparator: separator)
                buffer.append(UInt8(ascii: "\""))
            } else {
                money?.write(to: &buffer, decimalSeparator: separator)
            }
        }
    }

    public mutating func field(_ date: CalendarDate?) throws {
        let delimiter = self.delimiter
        let first = atRecordStart
        atRecordStart = false
        try writer.append { buffer in
            if !first { buffer.append(delimiter) }
            date?.write(to: &buffer)
        }
    }

    public mutating func endRecord() throws {
        atRecordStart = true
        try writer.append { $0.append(0x0A) }
    }
}

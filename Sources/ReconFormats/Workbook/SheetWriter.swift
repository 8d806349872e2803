import ReconCore

/// One SpreadsheetML cell value. Numbers are written from minor units as exact decimal text, never
/// through a floating-point value; dates as Excel serial numbers (days since 1899-12-30).
enum CellValue {
    case text(String)
    case money(Money)
    case integer(Int)
    case date(CalendarDate)
    case bool(Bool)
    case empty
}

/// Writes a worksheet's `sheetData` row by row (inline strings, so that no shared-string table has
/// to be collected first), straight into UTF-8 bytes: a workbook of 50,000 exceptions built
/// through string interpolation cost a million instructions a row. Each cell is written at once
/// into room made beforehand for the most it can take (appending its pieces to an array cost ~90
/// instructions a piece, four or five a cell).
struct SheetWriter {
    /// The bytes written are `storage[..<used]`; the rest is room.
    private var storage: [UInt8] = []
    private var used = 0
    private(set) var rowCount = 0
    private(set) var columnCount = 0

    /// The rows written since the last `flush`.
    var xml: [UInt8] { Array(storage[..<used]) }

    mutating func row(_ cells: [(CellValue, WorkbookStyle)]) {
        rowCount += 1
        columnCount = max(columnCount, cells.count)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // the row number's digits: 24 at most
        let rowDigits = withUnsafeMutableBytes(of: &digits) {
            SheetWriter.decimal(rowCount, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        withUnsafeBytes(of: &digits) { digits in
            let row = UnsafeBufferPointer(start: digits.baseAddress!.assumingMemoryBound(to: UInt8.self), count: rowDigits)
            write(atMost: 16 + row.count) { out in
                var count = SheetWriter.put("<row r=\"", at: out)
                count += SheetWriter.put(row, at: out + count)
                return count + SheetWriter.put("\">", at: out + count)
            }
            for (index, (value, style)) in cells.enumerated() {
                cell(value, style: style, column: index, row: row)
            }
        }
        write(atMost: 6) { SheetWriter.put("</row>", at: $0) }
    }

    private mutating func cell(_ value: CellValue, style: WorkbookStyle, column: Int, row: UnsafeBufferPointer<UInt8>) {
        // The opening tag takes `<c r="` 6, the column 3 (16,384 columns), the row, `" s="` 5, the
        // style 3, `" t="inlineStr"` 15 and `>` 1: 33 and the row number.
        let tag = 40 + row.count
        switch value {
        case .text(let text) where !text.isEmpty:
            text.withUTF8Bytes { utf8 in
                // An escaped byte takes six at most (`&quot;`).
                write(atMost: tag + 32 + 6 * utf8.count + 14) { out in
                    var count = SheetWriter.openCell(column, row: row, style: style, type: "inlineStr", at: out)
                    count += SheetWriter.put(SheetWriter.needsPreserve(utf8) ? "<is><t xml:space=\"preserve\">" : "<is><t>",
                                             at: out + count)
                    count += SheetWriter.writeEscaped(utf8, at: out + count)
                    return count + SheetWriter.put("</t></is></c>", at: out + count)
                }
            }
        case .text, .empty:
            guard style != .plain else { return }
            write(atMost: tag + 2) { SheetWriter.openCell(column, row: row, style: style, empty: true, at: $0) }
        case .money(let money):
            write(atMost: tag + 3 + Money.maxWrittenBytes + 8) { out in
                var count = SheetWriter.openCell(column, row: row, style: style, at: out)
                count += SheetWriter.put("<v>", at: out + count)
                count += money.write(into: out + count)
                return count + SheetWriter.put("</v></c>", at: out + count)
            }
        case .integer(let value):
            write(atMost: tag + 3 + 20 + 8) { out in
                var count = SheetWriter.openCell(column, row: row, style: style, at: out)
                count += SheetWriter.put("<v>", at: out + count)
                count += SheetWriter.decimal(value, into: out + count)
                return count + SheetWriter.put("</v></c>", at: out + count)
            }
        case .date(let date):
            write(atMost: tag + 3 + 20 + 8) { out in
                var count = SheetWriter.openCell(column, row: row, style: style, at: out)
                count += SheetWriter.put("<v>", at: out + count)
                count += SheetWriter.decimal(Int(date.dayNumber) + SheetWriter.serialOf1970, into: out + count)
                return count + SheetWriter.put("</v></c>", at: out + count)
            }
        case .bool(let value):
            write(atMost: tag + 12) { out in
                let count = SheetWriter.openCell(column, row: row, style: style, type: "b", at: out)
                return count + SheetWriter.put(value ? "<v>1</v></c>" : "<v>0</v></c>", at: out + count)
            }
        }
    }

    /// Makes room for `maximum` bytes and lets `body` write them; `body` returns how many it wrote.
    private mutating func write(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if storage.count - used < maximum {
            storage.append(contentsOf: repeatElement(0, count: max(maximum, storage.count, 4096)))
        }
        let start = used
        let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        precondition(written <= maximum, "a cell took more room than it was given")
        used += written
    }

    /// A cell's opening tag (`<c r="B12" s="3" t="inlineStr">`, or `…/>` when `empty`) at `out`.
    private static func openCell(_ column: Int, row: UnsafeBufferPointer<UInt8>, style: WorkbookStyle,
                                 type: StaticString? = nil, empty: Bool = false, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = put("<c r=\"", at: out)
        if column < 26 {
            out[count] = UInt8(65 + column)
            count += 1
        } else {
            count += SheetWriter.column(column).withUTF8Bytes { put($0, at: out + count) }
        }
        count += put(row, at: out + count)
        count += put("\"", at: out + count)
        if style != .plain {
            count += put(" s=\"", at: out + count)
            count += decimal(style.rawValue, into: out + count)
            count += put("\"", at: out + count)
        }
        if let type {
            count += put(" t=\"", at: out + count)
            count += put(type, at: out + count)
            count += put("\"", at: out + count)
        }
        return count + put(empty ? "/>" : ">", at: out + count)
    }

    private static func put(_ literal: StaticString, at out: UnsafeMutablePointer<UInt8>) -> Int {
        put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), at: out)
    }

    private static func put(_ bytes: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        out.update(from: base, count: bytes.count)
        return bytes.count
    }

    /// `value` in decimal at `out` (20 bytes at most); returns how many bytes.
    static func decimal(_ value: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard value < 0 else { return DecimalDigits.write(UInt(value), into: out) }
        out[0] = UInt8(ascii: "-")
        return 1 + DecimalDigits.write(value.magnitude, into: out + 1)
    }

    /// How many bytes of rows a large sheet collects before handing them to the deflater.
    static let piece = 1 << 20

    /// Hands the rows written so far to `part` when they are `atLeast` bytes; the row numbers go on.
    mutating func flush(to part: Deflater, atLeast threshold: Int = 0) throws {
        guard used >= threshold, used > 0 else { return }
        try storage.withUnsafeBufferPointer { try part.write(UnsafeBufferPointer(rebasing: $0[..<used])) }
        used = 0
    }

    /// Whether spreadsheet programs would lose some of the text's white space without
    /// `xml:space="preserve"`: at either end, two in a row, or a tab or line break. Most cells need
    /// it not, and leaving it out makes a large sheet a fifth smaller.
    static func needsPreserve(_ text: String) -> Bool {
        text.withUTF8Bytes(needsPreserve)
    }

    static func needsPreserve(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return true }
        return bytes.anyChunk(filler: 0x61) { chunk, next in
            let breaks = (chunk .== .all(0x09)) .| (chunk .== .all(0x0A)) .| (chunk .== .all(0x0D))
            return (breaks .| ((chunk .== .all(0x20)) .& (next .== .all(0x20)))).anySet
        }
    }

    /// Appends `text` escaped for XML character data and attributes (see `writeEscaped`).
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        text.withUTF8Bytes { utf8 in
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: 6 * utf8.count))
            let written = bytes.withUnsafeMutableBufferPointer { writeEscaped(utf8, at: $0.baseAddress! + start) }
            bytes.removeLast(6 * utf8.count - written)
        }
    }

    /// Writes `utf8` escaped for XML character data and attributes at `out`, which has room for six
    /// bytes a byte; returns how many it wrote. Control characters XML 1.0 cannot hold become
    /// U+FFFD, as do U+FFFE and U+FFFF; tab and LF are kept, CR is written as `&#13;` (a parser turns
    /// a raw CR into LF).
    static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        var index = 0, plain = 0, count = 0  // plain runs copied whole: a byte at a time cost ~10× as much
        func flush() {
            if plain < index { count += put(UnsafeBufferPointer(rebasing: utf8[plain..<index]), at: out + count) }
        }
        while index < utf8.count {
            // Sixteen bytes with nothing to escape (most text; the last ones filled out with letters)
            // are passed over at once; a chunk with anything that might be is gone through byte by byte.
            let rest = utf8.count - index
            if !mightNeedEscaping(SIMD16<UInt8>.load(base + index, count: rest, filler: 0x61)) {
                index += min(rest, 16)
                continue
            }
            let stop = min(index + 16, utf8.count)
            while index < stop {
                let byte = utf8[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A:
                    index += 1
                    continue
                case 0x00..<0x20: replacement = "\u{FFFD}"
                case 0xEF:
                    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
                    guard index + 2 < utf8.count, utf8[index + 1] == 0xBF,
                          utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF else {
                        index += 1
                        continue
                    }
                    flush()
                    count += put("\u{FFFD}", at: out + count)
                    index += 3
                    plain = index
                    continue
                default:
                    index += 1
                    continue
                }
                flush()
                count += put(replacement, at: out + count)
                index += 1
                plain = index
            }
        }
        flush()
        return count
    }

    /// Whether any of the sixteen bytes is one `writeEscaped` may change: a control character,
    /// `&`, `<`, `>`, `"`, or EF (which starts U+FFFE and U+FFFF).
    @inline(__always)
    private static func mightNeedEscaping(_ chunk: SIMD16<UInt8>) -> Bool {
        let controls = (chunk & .all(0xE0)) .== .all(0)
        return (controls .| (chunk .== .all(0x26)) .| (chunk .== .all(0x3C)) .| (chunk .== .all(0x3E))
                .| (chunk .== .all(0x22)) .| (chunk .== .all(0xEF))).anySet
    }

    /// Text escaped for XML (for the small parts still built as strings).
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The serial number of 1970-01-01 in Excel's 1900 date system.
    static let serialOf1970 = 25569

    /// `A`, `B`, … `Z`, `AA` … for a 0-based column index.
    static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let rest = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            index = (index - 1) / 26
        }
        return name
    }

}

/// The cell styles of styles.xml (`cellXfs` indexes).
enum WorkbookStyle: Int {
    case plain = 0
    case header = 1
    case reviewerHeader = 2
    /// Highlighted and formatted as text, so that an invoice id `00123` typed by a person stays text.
    case reviewer = 3
    case date = 4
    case amount0 = 5, amount1, amount2, amount3, amount4

    static func amount(_ currency: Currency) -> WorkbookStyle {
        WorkbookStyle(rawValue: WorkbookStyle.amount0.rawValue + min(max(currency.exponent, 0), 4))!
    }
}

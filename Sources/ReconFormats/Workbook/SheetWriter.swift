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
/// through string interpolation cost a million instructions a row.
struct SheetWriter {
    private(set) var xml: [UInt8] = []
    private(set) var rowCount = 0
    private(set) var columnCount = 0

    mutating func row(_ cells: [(CellValue, WorkbookStyle)]) {
        rowCount += 1
        columnCount = max(columnCount, cells.count)
        let row = Array(String(rowCount).utf8)
        put("<row r=\"")
        xml.append(contentsOf: row)
        put("\">")
        for (index, (value, style)) in cells.enumerated() {
            switch value {
            case .text(let text) where !text.isEmpty:
                openCell(index, row: row, style: style, type: "inlineStr",
                         then: SheetWriter.needsPreserve(text) ? "<is><t xml:space=\"preserve\">" : "<is><t>")
                SheetWriter.appendEscaped(text, to: &xml)
                put("</t></is></c>")
            case .text, .empty:
                if style != .plain { openCell(index, row: row, style: style, empty: true) }
            case .money(let money):
                openCell(index, row: row, style: style, then: "<v>")
                money.write(to: &xml)
                put("</v></c>")
            case .integer(let value):
                openCell(index, row: row, style: style, then: "<v>")
                String(value).withUTF8Bytes { xml.append(contentsOf: $0) }
                put("</v></c>")
            case .date(let date):
                openCell(index, row: row, style: style, then: "<v>")
                String(Int(date.dayNumber) + SheetWriter.serialOf1970).withUTF8Bytes { xml.append(contentsOf: $0) }
                put("</v></c>")
            case .bool(let value):
                openCell(index, row: row, style: style, type: "b", then: value ? "<v>1</v></c>" : "<v>0</v></c>")
            }
        }
        put("</row>")
    }

    /// A cell's opening tag (`<c r="B12" s="3" t="inlineStr">`) and what follows it, put together on
    /// the stack and appended once: a dozen small appends a cell cost ~90 instructions each.
    private mutating func openCell(_ index: Int, row: [UInt8], style: WorkbookStyle, type: StaticString? = nil,
                                   empty: Bool = false, then next: StaticString = "") {
        let capacity = 96 + row.count + next.utf8CodeUnitCount  // column letters and style number: 20 at most
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { tag in
            var count = 0
            func add(_ bytes: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: tag[count...]).initialize(fromContentsOf: bytes)
                count += bytes.count
            }
            func add(_ literal: StaticString) {
                add(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            }
            func add(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { add($0) } }
            add("<c r=\"")
            if index < 26 {
                tag[count] = UInt8(65 + index)
                count += 1
            } else {
                SheetWriter.column(index).withUTF8Bytes { add($0) }
            }
            add(row)
            add("\"")
            if style != .plain {
                add(" s=\"")
                if style.rawValue < 10 {
                    tag[count] = UInt8(ascii: "0") + UInt8(style.rawValue)
                    count += 1
                } else {
                    String(style.rawValue).withUTF8Bytes { add($0) }
                }
                add("\"")
            }
            if let type {
                add(" t=\"")
                add(type)
                add("\"")
            }
            add(empty ? "/>" : ">")
            add(next)
            xml.append(contentsOf: UnsafeBufferPointer(rebasing: tag[0..<count]))
        }
    }

    /// How many bytes of rows a large sheet collects before handing them to the deflater.
    static let piece = 1 << 20

    /// Hands the rows written so far to `part` when they are `atLeast` bytes; the row numbers go on.
    mutating func flush(to part: Deflater, atLeast threshold: Int = 0) throws {
        guard xml.count >= threshold, !xml.isEmpty else { return }
        try part.write(xml)
        xml.removeAll(keepingCapacity: true)
    }

    /// Whether spreadsheet programs would lose some of the text's white space without
    /// `xml:space="preserve"`: at either end, two in a row, or a tab or line break. Most cells need
    /// it not, and leaving it out makes a large sheet a fifth smaller.
    static func needsPreserve(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var previousWasSpace = true
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: return true
                case 0x20:
                    if previousWasSpace { return true }
                    previousWasSpace = true
                default: previousWasSpace = false
                }
            }
            return previousWasSpace
        }
    }

    private mutating func put(_ literal: StaticString) {
        xml.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `text` escaped for XML character data and attributes. Control characters XML 1.0
    /// cannot hold become U+FFFD, as do U+FFFE and U+FFFF; tab and LF are kept, CR is written as
    /// `&#13;` (a parser turns a raw CR into LF).
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        text.withUTF8Bytes { utf8 in  // plain runs appended whole: a byte at a time cost ~10× as much
            var index = 0, plain = 0
            func flush() {
                if plain < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index])) }
            }
            while index < utf8.count {
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
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    index += 3
                    plain = index
                    continue
                default:
                    index += 1
                    continue
                }
                flush()
                bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += 1
                plain = index
            }
            flush()
        }
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

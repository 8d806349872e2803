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
/// to be collected first).
struct SheetWriter {
    private(set) var xml = ""
    private(set) var rowCount = 0
    private(set) var columnCount = 0

    mutating func row(_ cells: [(CellValue, WorkbookStyle)]) {
        rowCount += 1
        columnCount = max(columnCount, cells.count)
        xml += "<row r=\"\(rowCount)\">"
        for (index, (value, style)) in cells.enumerated() {
            let reference = SheetWriter.column(index) + String(rowCount)
            let s = style == .plain ? "" : " s=\"\(style.rawValue)\""
            switch value {
            case .text(let text) where !text.isEmpty:
                xml += "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(SheetWriter.escape(text))</t></is></c>"
            case .text, .empty:
                if !s.isEmpty { xml += "<c r=\"\(reference)\"\(s)/>" }
            case .money(let money):
                xml += "<c r=\"\(reference)\"\(s)><v>\(money.formatted())</v></c>"
            case .integer(let value):
                xml += "<c r=\"\(reference)\"\(s)><v>\(value)</v></c>"
            case .date(let date):
                xml += "<c r=\"\(reference)\"\(s)><v>\(Int(date.dayNumber) + SheetWriter.serialOf1970)</v></c>"
            case .bool(let value):
                xml += "<c r=\"\(reference)\"\(s) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
            }
        }
        xml += "</row>"
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

    /// Text for XML character data and attributes. Control characters XML 1.0 cannot hold become
    /// U+FFFD; tab and LF are kept, CR is written as `&#13;` (a parser turns a raw CR into LF).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
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

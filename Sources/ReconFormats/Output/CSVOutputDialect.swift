/// How exceptions.csv is written (`--csv-dialect`). The other CSV files are file contracts for
/// programs and always use `standard`.
public enum CSVOutputDialect: String, Sendable, CaseIterable {
    /// Comma, decimal point, no byte order mark (docs/outputs.md).
    case standard
    /// What Excel opens directly in European locales: semicolon, decimal comma, a UTF-8 byte order
    /// mark (without it Excel reads the file as the Windows code page).
    case excelEU = "excel-eu"

    public var delimiter: UInt8 { self == .standard ? UInt8(ascii: ",") : UInt8(ascii: ";") }
    public var decimalSeparator: UInt8 { self == .standard ? UInt8(ascii: ".") : UInt8(ascii: ",") }
    public var byteOrderMark: Bool { self == .excelEU }
    /// Made to be opened in a spreadsheet: text that would be taken for a formula is written with
    /// a leading `'` (see `CSVWriter.neutralizesFormulas`).
    public var isForSpreadsheets: Bool { self == .excelEU }
}

import ReconCore

extension DecisionsReader {
    /// Reads a reviewed exceptions.csv or exceptions.xlsx, told apart by content (a ZIP starts
    /// with `PK\u{3}\u{4}`), not by name.
    public static func read(path: String) throws -> [Decision] {
        let source = try FileByteSource(path: path)
        var head = [UInt8](repeating: 0, count: 4)
        let count = try head.withUnsafeMutableBytes { try source.read(into: $0) }
        if count == 4 && head == [0x50, 0x4B, 0x03, 0x04] { return try readWorkbook(path: path) }
        return try read(FileByteSource(path: path))
    }

    /// The `Exceptions` sheet of a reviewed exceptions.xlsx: the same columns as the CSV, found by
    /// their header names in row 1. Messages name the row and column (`FILE:ROW:COLUMN`) and the cell.
    public static func readWorkbook(path: String) throws -> [Decision] {
        let sheet = try XlsxSheet.read(path: path, sheetName: ExceptionsWorkbook.sheetNames[0])
        guard let headerRow = sheet.rows.first else {
            throw ReadError.invalid(SourceLocation(file: path, line: 1), "sheet '\(sheet.name)' is empty: expected the exception report's header")
        }
        var columns: [String: Int] = [:]
        for (index, name) in headerRow.cells {
            columns[name.trimmingASCIISpaces().lowercased()] = index
        }
        let missing = ["exception_id", "decision"].filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw ReadError.invalid(SourceLocation(file: path, line: headerRow.number),
                                    "sheet '\(sheet.name)': missing required column\(missing.count > 1 ? "s" : ""): \(missing.joined(separator: ", "))")
        }
        let allowed = DecisionKind.allCases.map(\.rawValue).joined(separator: ", ")
        var decisions: [Decision] = []
        var findings: [Finding] = []
        for row in sheet.rows.dropFirst() {
            func value(_ name: String) -> String? {
                guard let index = columns[name], let text = row.cells[index]?.trimmingASCIISpaces(), !text.isEmpty else { return nil }
                return text
            }
            func location(_ name: String) -> SourceLocation {
                SourceLocation(file: path, line: row.number, column: columns[name].map { $0 + 1 })
            }
            func cell(_ name: String) -> String { SheetWriter.column(columns[name]!) + String(row.number) }
            guard let text = value("decision") else { continue }
            guard let kind = DecisionKind(rawValue: text.lowercased()) else {
                findings.append(Finding(location("decision"), "decision (cell \(cell("decision"))): '\(text)' is not a decision (one of \(allowed))"))
                continue
            }
            guard let id = value("exception_id") else {
                findings.append(Finding(location("exception_id"), "exception_id (cell \(cell("exception_id"))): a decided row needs its exception_id"))
                continue
            }
            let ids = (value("invoice_ids") ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
            decisions.append(Decision(exceptionId: id, kind: kind, invoiceIds: ids, note: value("note"),
                                      decidedBy: value("decided_by"), decidedAt: value("decided_at").map(dateText),
                                      origin: SourceLocation(file: path, line: row.number)))
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return decisions
    }

    /// A date a person typed into a cell is stored as a serial number (days since 1899-12-30);
    /// it is given back as `YYYY-MM-DD`. Any other text stays as it is.
    static func dateText(_ text: String) -> String {
        let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        guard let serial = Int(whole), serial > 60, serial < 2_958_466, text.allSatisfy({ $0.isNumber || $0 == "." }) else {
            return text
        }
        return CalendarDate(dayNumber: Int32(serial - SheetWriter.serialOf1970)).description
    }
}

import ReconCore

/// Reads a reviewed exception report (the exceptions.csv recon wrote, edited by a person): the
/// `exception_id`, `decision`, `invoice_ids` and `note` columns, and `decided_by` / `decided_at`
/// when present. Rows without a decision are undecided and skipped; the other columns are the
/// report's own and are ignored.
public enum DecisionsReader {
    public static func read(_ source: any ByteSource) throws -> [Decision] {
        let reader = CSVReader(source: source)
        try reader.skipByteOrderMark()
        reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
        guard try reader.next() else {
            throw ReadError.invalid(SourceLocation(file: source.path, line: 1), "empty file: expected the exception report's header")
        }
        let header = try CSVHeader(reader: reader)
        _ = try header.validate(required: ["exception_id", "decision"], known: [], location: reader.recordLocation)
        // A semicolon-separated report is excel-eu's, which neutralised text that looked like a
        // formula with a leading ' (CSVWriter.neutralizesFormulas): that ' is dropped again.
        let excelEU = reader.delimiter == UInt8(ascii: ";")
        func restore(_ text: String) -> String { excelEU ? unneutralized(text) : text }
        var decisions: [Decision] = []
        var findings: [Finding] = []
        let allowed = DecisionKind.allCases.map(\.rawValue).joined(separator: ", ")
        while try reader.next() {
            var row = FieldReader(reader: reader, header: header)
            // Every column first: a field that is not UTF-8 is an error, never an empty (undecided) one.
            let id = row.optional("exception_id"), text = row.optional("decision")
            let invoiceIds = row.optional("invoice_ids"), note = row.optional("note").map(restore)
            let decidedBy = row.optional("decided_by").map(restore), decidedAt = row.optional("decided_at")
            guard row.findings.isEmpty else {
                findings += row.findings
                continue
            }
            guard let text else { continue }
            guard let kind = DecisionKind(rawValue: text.lowercased()) else {
                row.fail("decision", "'\(text)' is not a decision (one of \(allowed))")
                findings += row.findings
                continue
            }
            guard let id else {
                row.fail("exception_id", "a decided row needs its exception_id")
                findings += row.findings
                continue
            }
            let ids = (invoiceIds ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
            decisions.append(Decision(exceptionId: id, kind: kind, invoiceIds: ids, note: note, decidedBy: decidedBy,
                                      decidedAt: decidedAt, origin: reader.recordLocation))
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return decisions
    }

    /// A text as it was before the excel-eu dialect wrote it with a leading `'` because it looked
    /// like a formula (`CSVWriter.neutralizesFormulas`): a note "=see call" comes back as written.
    static func unneutralized(_ text: String) -> String {
        guard text.hasPrefix("'"), CSVWriter.looksLikeFormula(text) else { return text }
        return String(text.dropFirst())
    }
}

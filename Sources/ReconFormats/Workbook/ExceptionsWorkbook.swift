import ReconCore

/// exceptions.xlsx: the exception report as a workbook a person works in.
///
/// - `Exceptions`: the columns of exceptions.csv plus `decided_by` and `decided_at`; frozen header,
///   autofilter, amounts as numbers with the currency's decimals, dates as dates; the reviewer
///   columns highlighted, `decision` with a drop-down list of the decisions.
/// - `Candidates`: one row per candidate invoice of each exception, with its score and criteria.
/// - `Summary`: the totals per currency, as in summary.json.
///
/// The same input gives the same bytes (see `ZipWriter`).
public enum ExceptionsWorkbook {
    public static let fileName = "exceptions.xlsx"
    public static let sheetNames = ["Exceptions", "Candidates", "Summary"]
    public static let exceptionColumns = ReportWriters.exceptionColumns + ["decided_by", "decided_at"]
    public static let reviewerColumns: Set<String> = ["decision", "invoice_ids", "note", "decided_by", "decided_at"]
    public static let candidateColumns = ["exception_id", "kind", "entry_id", "rank", "invoice_id", "score", "criteria"]
    public static let summaryColumns = ["currency", "balanced", "transactions", "receipts", "settled", "exceptions",
                                        "other_entries", "suspense", "received", "applied", "discounts", "write_offs",
                                        "new_credits", "to_suspense", "in_exceptions", "other_entries_amount"]

    public static func write(_ exceptions: [ReconException], summary: Summary, to writer: FileWriter) throws {
        var zip = ZipWriter(path: writer.path) { try writer.write($0) }
        try write(exceptions, summary: summary, into: &zip)
    }

    public static func bytes(_ exceptions: [ReconException], summary: Summary) throws -> [UInt8] {
        var archive: [UInt8] = []
        var zip = ZipWriter(path: fileName) { archive += $0 }
        try write(exceptions, summary: summary, into: &zip)
        return archive
    }

    /// One of the two large sheets, deflated apart from the archive so that two cores can make
    /// them (`exceptionsSheet(_:path:)`, `candidatesSheet(_:path:)`, then `write(_:summary:sheets:to:)`):
    /// the same bytes as `write(_:summary:to:)`.
    public struct Sheet: Sendable {
        let part: ZipWriter.Part
    }

    /// The `Exceptions` sheet; `path` names the workbook in errors.
    public static func exceptionsSheet(_ exceptions: [ReconException], path: String) throws -> Sheet {
        let filter = filters(exceptions)[0]!
        return Sheet(part: try ZipWriter.deflate(sheetPaths[0], path: path) { try exceptionsSheet(exceptions, filter: filter, to: $0) })
    }

    /// The `Candidates` sheet; `path` names the workbook in errors.
    public static func candidatesSheet(_ exceptions: [ReconException], path: String) throws -> Sheet {
        let filter = filters(exceptions)[1]!
        return Sheet(part: try ZipWriter.deflate(sheetPaths[1], path: path) {
            try candidatesSheet(exceptions, rows: candidateRows(exceptions), filter: filter, to: $0)
        })
    }

    /// The workbook of `exceptions` with its two large sheets made already.
    public static func write(_ exceptions: [ReconException], summary: Summary, sheets: (exceptions: Sheet, candidates: Sheet),
                             to writer: FileWriter) throws {
        var zip = ZipWriter(path: writer.path) { try writer.write($0) }
        try write(exceptions, summary: summary, sheets: (sheets.exceptions.part, sheets.candidates.part), into: &zip)
    }

    static func write(_ exceptions: [ReconException], summary: Summary, into zip: inout ZipWriter) throws {
        let sheets = (try exceptionsSheet(exceptions, path: zip.path).part, try candidatesSheet(exceptions, path: zip.path).part)
        try write(exceptions, summary: summary, sheets: sheets, into: &zip)
    }

    /// The sheets are deflated a megabyte at a time: a million-entry run's would be 260 MB.
    static func write(_ exceptions: [ReconException], summary: Summary, sheets: (ZipWriter.Part, ZipWriter.Part),
                      into zip: inout ZipWriter) throws {
        let filters = filters(exceptions)
        try zip.add("[Content_Types].xml", bytes: Array(WorkbookParts.contentTypes(sheets: sheetNames.count).utf8))
        try zip.add("_rels/.rels", bytes: Array(WorkbookParts.packageRelationships.utf8))
        try zip.add("xl/workbook.xml", bytes: Array(WorkbookParts.workbook(sheetNames: sheetNames,
                                                                           filters: filters.map { $0.map(absolute) }).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", bytes: Array(WorkbookParts.workbookRelationships(sheets: sheetNames.count).utf8))
        try zip.add("xl/styles.xml", bytes: Array(WorkbookParts.styles.utf8))
        try zip.add(sheets.0)
        try zip.add(sheets.1)
        try zip.add(sheetPaths[2], bytes: summarySheet(summary))
        try zip.finish()
    }

    static let sheetPaths = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]

    /// The header and one row per candidate.
    static func candidateRows(_ exceptions: [ReconException]) -> Int {
        exceptions.reduce(0) { $0 + $1.candidates.count } + 1
    }

    /// The autofilter ranges of the three sheets (the summary has none).
    static func filters(_ exceptions: [ReconException]) -> [String?] {
        [filterRange(rows: exceptions.count + 1, columns: exceptionColumns.count),
         filterRange(rows: candidateRows(exceptions), columns: candidateColumns.count), nil]
    }

    static func filterRange(rows: Int, columns: Int) -> String {
        "A1:" + SheetWriter.column(columns - 1) + String(max(rows, 2))
    }

    static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { part -> String in
            let letters = part.prefix { $0.isLetter }
            return "$" + letters + "$" + part.dropFirst(letters.count)
        }.joined(separator: ":")
    }

    static func header(_ columns: [String], reviewer: Set<String> = []) -> [(CellValue, WorkbookStyle)] {
        columns.map { (.text($0), reviewer.contains($0) ? .reviewerHeader : .header) }
    }

    static func exceptionsSheet(_ exceptions: [ReconException], filter: String, to part: Deflater) throws {
        let widths = [19, 18, 36, 18, 11, 12, 8, 24, 20, 14, 24, 14, 48, 16, 16, 14, 30, 12, 12]
        try part.write(Array(WorkbookParts.worksheetStart(rows: exceptions.count + 1, columns: exceptionColumns.count,
                                                          widths: widths, freezeHeader: true, selected: true).utf8))
        var sheet = SheetWriter()
        sheet.row(header(exceptionColumns, reviewer: reviewerColumns))
        for exception in exceptions {
            let transaction = exception.transaction
            let decision = exception.decision
            func text(_ value: String?) -> (CellValue, WorkbookStyle) { (.text(value ?? ""), .plain) }
            func reviewer(_ value: String?) -> (CellValue, WorkbookStyle) { (.text(value ?? ""), .reviewer) }
            sheet.row([
                text(exception.exceptionId), text(exception.kind.rawValue), text(transaction.entryId),
                text(transaction.bankRef), (.date(transaction.bookingDate), .date),
                (.money(transaction.amount), .amount(transaction.amount.currency)),
                text(transaction.amount.currency.code), text(transaction.payerName), text(transaction.payerIban),
                text(transaction.structuredRef ?? transaction.endToEndId), text(transaction.text),
                text(exception.candidateIds.joined(separator: " ")), text(exception.reason), text(exception.suggestedAction),
                reviewer(decision?.kind.rawValue), reviewer(decision?.invoiceIds.joined(separator: " ")),
                reviewer(decision?.note), reviewer(decision?.decidedBy), reviewer(decision?.decidedAt),
            ])
            try sheet.flush(to: part, atLeast: SheetWriter.piece)
        }
        try sheet.flush(to: part)
        let decisionColumn = SheetWriter.column(exceptionColumns.firstIndex(of: "decision")!)
        let lastRow = max(exceptions.count + 1, 2)
        let choices = DecisionKind.allCases.map(\.rawValue).joined(separator: ",")
        let validation = "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
            + "errorTitle=\"decision\" error=\"One of: \(choices)\" sqref=\"\(decisionColumn)2:\(decisionColumn)\(lastRow)\">"
            + "<formula1>\"\(choices)\"</formula1></dataValidation>"
        try part.write(Array(WorkbookParts.worksheetEnd(filter: filter, validations: [validation]).utf8))
    }

    /// `rows`: the header and one row per candidate.
    static func candidatesSheet(_ exceptions: [ReconException], rows: Int, filter: String, to part: Deflater) throws {
        try part.write(Array(WorkbookParts.worksheetStart(rows: rows, columns: candidateColumns.count,
                                                          widths: [19, 18, 36, 6, 14, 7, 40], freezeHeader: true,
                                                          selected: false).utf8))
        var sheet = SheetWriter()
        sheet.row(header(candidateColumns))
        for exception in exceptions {
            for (rank, candidate) in exception.candidates.enumerated() {
                sheet.row([
                    (.text(exception.exceptionId), .plain), (.text(exception.kind.rawValue), .plain),
                    (.text(exception.transaction.entryId), .plain), (.integer(rank + 1), .plain),
                    (.text(candidate.invoiceId), .plain), (candidate.score.map { .integer($0) } ?? .empty, .plain),
                    (.text(candidate.criteria), .plain),
                ])
            }
            try sheet.flush(to: part, atLeast: SheetWriter.piece)
        }
        try sheet.flush(to: part)
        precondition(sheet.rowCount == rows, "candidates sheet: \(sheet.rowCount) rows, \(rows) announced")
        try part.write(Array(WorkbookParts.worksheetEnd(filter: filter, validations: []).utf8))
    }

    static func summarySheet(_ summary: Summary) -> [UInt8] {
        var sheet = SheetWriter()
        sheet.row(header(summaryColumns))
        for entry in summary.currencies {
            let style = WorkbookStyle.amount(entry.currency)
            sheet.row([
                (.text(entry.currency.code), .plain), (.bool(entry.isBalanced), .plain),
                (.integer(entry.transactions), .plain), (.integer(entry.receipts), .plain),
                (.integer(entry.settledTransactions), .plain), (.integer(entry.exceptions), .plain),
                (.integer(entry.otherEntries), .plain), (.integer(entry.suspenseTransactions), .plain),
                (.money(entry.received), style), (.money(entry.applied), style), (.money(entry.discounts), style),
                (.money(entry.writeOffs), style), (.money(entry.newCredits), style), (.money(entry.toSuspense), style),
                (.money(entry.inExceptions), style), (.money(entry.otherEntriesAmount), style),
            ])
        }
        sheet.row([])
        sheet.row([(.text("balanced"), .header), (.bool(summary.isBalanced), .plain)])
        sheet.row([(.text("vouchers"), .header), (.integer(summary.vouchers), .plain)])
        sheet.row([(.text("unbalanced_vouchers"), .header), (.integer(summary.unbalancedVouchers), .plain)])
        return WorkbookParts.worksheet(sheet, widths: [20] + Array(repeating: 13, count: summaryColumns.count - 1),
                                       freezeHeader: true, filter: nil)
    }
}

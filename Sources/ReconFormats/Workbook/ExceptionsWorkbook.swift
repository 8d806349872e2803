import ReconCore

/// exceptions.xlsx: the exception report as a workbook a person works in.
///
/// - `Exceptions`: the columns of exceptions.csv plus `decided_by` and `decided_at`; frozen header,
///   autofilter, amounts as numbers with the currency's decimals, dates as dates; the reviewer
///   columns highlighted, `decision` with a drop-down list of the decisions.
/// - `Candidates`: one row per candidate invoice of each exception, with its score and criteria.
/// - `Summary`: the totals per currency, as in summary.json.
///
/// The same input gives the same bytes (see `ZipPackage`).
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
        try writer.write(try bytes(exceptions, summary: summary))
    }

    public static func bytes(_ exceptions: [ReconException], summary: Summary) throws -> [UInt8] {
        let sheets = [exceptionsSheet(exceptions), candidatesSheet(exceptions), summarySheet(summary)]
        let filters = [filterRange(rows: exceptions.count + 1, columns: exceptionColumns.count),
                       filterRange(rows: exceptions.reduce(0) { $0 + $1.candidates.count } + 1,
                                   columns: candidateColumns.count), nil]
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(WorkbookParts.contentTypes(sheets: sheets.count).utf8)),
            ("_rels/.rels", Array(WorkbookParts.packageRelationships.utf8)),
            ("xl/workbook.xml", Array(WorkbookParts.workbook(sheetNames: sheetNames, filters: filters.map { $0.map(absolute) }).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(WorkbookParts.workbookRelationships(sheets: sheets.count).utf8)),
            ("xl/styles.xml", Array(WorkbookParts.styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet)) }
        return try ZipPackage.build(parts)
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

    static func exceptionsSheet(_ exceptions: [ReconException]) -> [UInt8] {
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
        }
        let decisionColumn = SheetWriter.column(exceptionColumns.firstIndex(of: "decision")!)
        let lastRow = max(exceptions.count + 1, 2)
        let choices = DecisionKind.allCases.map(\.rawValue).joined(separator: ",")
        let validation = "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
            + "errorTitle=\"decision\" error=\"One of: \(choices)\" sqref=\"\(decisionColumn)2:\(decisionColumn)\(lastRow)\">"
            + "<formula1>\"\(choices)\"</formula1></dataValidation>"
        let widths = [19, 18, 36, 18, 11, 12, 8, 24, 20, 14, 24, 14, 48, 16, 16, 14, 30, 12, 12]
        return WorkbookParts.worksheet(sheet, widths: widths, freezeHeader: true,
                                       filter: filterRange(rows: exceptions.count + 1, columns: exceptionColumns.count),
                                       validations: [validation], selected: true)
    }

    static func candidatesSheet(_ exceptions: [ReconException]) -> [UInt8] {
        var sheet = SheetWriter()
        sheet.row(header(candidateColumns))
        var rows = 1
        for exception in exceptions {
            for (rank, candidate) in exception.candidates.enumerated() {
                sheet.row([
                    (.text(exception.exceptionId), .plain), (.text(exception.kind.rawValue), .plain),
                    (.text(exception.transaction.entryId), .plain), (.integer(rank + 1), .plain),
                    (.text(candidate.invoiceId), .plain), (candidate.score.map { .integer($0) } ?? .empty, .plain),
                    (.text(candidate.criteria), .plain),
                ])
                rows += 1
            }
        }
        return WorkbookParts.worksheet(sheet, widths: [19, 18, 36, 6, 14, 7, 40], freezeHeader: true,
                                       filter: filterRange(rows: rows, columns: candidateColumns.count))
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

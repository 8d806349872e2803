import Foundation
import PropertyBased
import Testing
@testable import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// What recon writes reads back as the same values: every CSV file (both dialects of
/// exceptions.csv, and the reviewer's columns through the decisions reader), the workbook through
/// the reader that takes reviewed workbooks back, and the open items through the reader of the
/// next run's `--invoices`.
@Suite struct WriterRoundTripTests {
    /// Writes one file with `body` and returns its path (in a directory `temporary` keeps).
    static func write(_ name: String, in temporary: TemporaryDirectory, _ body: (FileWriter) throws -> Void) throws -> String {
        let output = try OutputDirectory(path: temporary.path + "/out")
        try body(output.create(name))
        try output.commit()
        return temporary.path + "/out/" + name
    }

    /// Every record of a CSV file, the header first.
    static func records(_ path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        var reader = CSVReader(source: try FileByteSource(path: path), delimiter: delimiter)
        try reader.skipByteOrderMark()
        var rows: [[String]] = []
        while try reader.next() { rows.append(try (0..<reader.fieldCount).map { try reader.text($0) }) }
        return rows
    }

    static func amount(_ text: String, _ currency: Currency, separator: UInt8 = UInt8(ascii: ".")) -> Money? {
        try? Money.parse(text, currency: currency, format: AmountFormat(decimalSeparator: separator))
    }

    @Test func openItemsReadBackAsTheNextRunsInvoices() async throws {
        await propertyCheck(count: 100, input: RandomValues.openItem.array(of: 1...6)) { items in
            let temporary = TemporaryDirectory()
            var unique: [OpenItem] = []
            for item in items where !unique.contains(where: { $0.invoiceId == item.invoiceId }) { unique.append(item) }
            let path = try! Self.write("open-items.csv", in: temporary) { try OpenItemsWriter.write(unique, to: $0) }
            var reader = OpenItemsReader()
            let back = try! reader.read(FileByteSource(path: path))
            #expect(back.count == unique.count)
            for (written, read) in zip(unique, back) {
                var expected = written
                expected.origin = read.origin
                #expect(read == expected)
            }
        }
    }

    @Test func settlementsReadBack() async throws {
        await propertyCheck(count: 100, input: RandomValues.settlement.array(of: 0...6)) { rows in
            let temporary = TemporaryDirectory()
            let path = try! Self.write("settlements.csv", in: temporary) { try ReportWriters.writeSettlements(rows, to: $0) }
            let back = try! Self.records(path)
            #expect(back.first == ReportWriters.settlementColumns)
            #expect(back.count == rows.count + 1)
            for (row, fields) in zip(rows, back.dropFirst()) {
                let currency = row.currency
                #expect(fields[0] == row.entryId && fields[1] == (row.bankRef ?? "") && fields[2] == row.bookingDate.description)
                #expect(fields[3] == row.invoiceId && fields[4] == row.customerId && fields[5] == currency.code)
                #expect(fields[6..<12].map { Self.amount($0, currency) }
                        == [row.paid, row.cashDiscount, row.writeOff, row.settled, row.openBefore, row.openAfter])
                #expect(fields[12] == row.kind.rawValue && fields[13] == row.rule)
            }
        }
    }

    @Test(arguments: CSVOutputDialect.allCases)
    func exceptionsReadBackInEitherDialect(_ dialect: CSVOutputDialect) async throws {
        let decided = zip(RandomValues.exception, Gen.int(in: 0...9_999).array(of: 0...3), RandomValues.trimmedText)
            .map { exception, ids, note in
                var decided = exception
                decided.decision = Decision(exceptionId: exception.exceptionId, kind: .match, invoiceIds: ids.map(String.init),
                                            note: note.isEmpty ? nil : note, origin: SourceLocation(file: "r", line: 1))
                return decided
            }
        await propertyCheck(count: 100, input: decided.array(of: 0...6)) { exceptions in
            let temporary = TemporaryDirectory()
            let path = try! Self.write("exceptions.csv", in: temporary) {
                try ReportWriters.writeExceptions(exceptions, to: $0, dialect: dialect)
            }
            let back = try! Self.records(path, delimiter: dialect.delimiter)
            #expect(back.first == ReportWriters.exceptionColumns)
            #expect(back.count == exceptions.count + 1)
            // In the dialect for spreadsheets, text that looks like a formula gains a leading '.
            func shown(_ text: String) -> String {
                dialect.isForSpreadsheets && CSVWriter.looksLikeFormula(text) ? "'" + text : text
            }
            for (exception, fields) in zip(exceptions, back.dropFirst()) {
                let transaction = exception.transaction
                #expect(fields[0] == shown(exception.exceptionId) && fields[1] == exception.kind.rawValue)
                #expect(fields[2] == shown(transaction.entryId) && fields[3] == shown(transaction.bankRef ?? ""))
                #expect(fields[4] == transaction.bookingDate.description && fields[6] == transaction.amount.currency.code)
                #expect(Self.amount(fields[5], transaction.amount.currency, separator: dialect.decimalSeparator) == transaction.amount)
                #expect(Array(fields[7..<11]) == [transaction.payerName ?? "", transaction.payerIban ?? "",
                                                  transaction.structuredRef ?? "", transaction.text].map(shown))
                #expect(Array(fields[11..<17]) == [exception.candidateIds.joined(separator: " "), exception.reason, exception.suggestedAction,
                                            "match", exception.decision!.invoiceIds.joined(separator: " "),
                                            exception.decision!.note ?? ""].map(shown))
            }
            // The reviewer's columns come back through --decisions, whichever dialect.
            let decisions = try! DecisionsReader.read(path: path)
            #expect(decisions.map(\.exceptionId) == exceptions.map(\.exceptionId))
            #expect(decisions.map(\.invoiceIds) == exceptions.map { $0.decision!.invoiceIds })
            #expect(decisions.map(\.note) == exceptions.map { $0.decision!.note })
        }
    }

    @Test func theExceptionsWorkbookReadsBack() async throws {
        await propertyCheck(count: 60, input: RandomValues.exception.array(of: 0...6)) { exceptions in
            let temporary = TemporaryDirectory()
            let summary = Summary(currencies: [], vouchers: 0, unbalancedVouchers: 0)
            let path = try! Self.write(ExceptionsWorkbook.fileName, in: temporary) {
                try ExceptionsWorkbook.write(exceptions, summary: summary, to: $0)
            }
            let sheet = try! XlsxSheet.read(path: path, sheetName: "Exceptions")
            #expect(sheet.rows.count == exceptions.count + 1)
            let header = sheet.rows[0].cells
            #expect((0..<ExceptionsWorkbook.exceptionColumns.count).map { header[$0] } == ExceptionsWorkbook.exceptionColumns)
            for (exception, row) in zip(exceptions, sheet.rows.dropFirst()) {
                let transaction = exception.transaction
                func cell(_ name: String) -> String { row.cells[ExceptionsWorkbook.exceptionColumns.firstIndex(of: name)!] ?? "" }
                #expect(cell("exception_id") == exception.exceptionId && cell("entry_id") == transaction.entryId)
                #expect(Self.amount(cell("amount"), transaction.amount.currency) == transaction.amount)
                #expect(Int(cell("booking_date")) == Int(transaction.bookingDate.dayNumber) + SheetWriter.serialOf1970)
                #expect([cell("bank_ref"), cell("payer_name"), cell("payer_iban"), cell("reference"), cell("text"), cell("reason")]
                        == [transaction.bankRef ?? "", transaction.payerName ?? "", transaction.payerIban ?? "",
                            transaction.structuredRef ?? "", transaction.text, exception.reason])
            }
        }
    }

    @Test func theGenericJournalReadsBack() async throws {
        await propertyCheck(count: 100, input: RandomVouchers.vouchers) { vouchers in
            let temporary = TemporaryDirectory()
            let path = try! Self.write("journal.csv", in: temporary) { try ReportWriters.writeJournal(vouchers, to: $0) }
            let back = try! Self.records(path)
            #expect(back.first == ReportWriters.journalColumns)
            let lines = vouchers.flatMap { voucher in voucher.lines.map { (voucher, $0) } }
            #expect(back.count == lines.count + 1)
            for ((voucher, line), fields) in zip(lines, back.dropFirst()) {
                #expect(fields[0] == voucher.number && fields[1] == voucher.date.description && fields[2] == line.account)
                let debit = Self.amount(fields[3], voucher.currency), credit = Self.amount(fields[4], voucher.currency)
                #expect((debit ?? .zero(voucher.currency)) - (credit ?? .zero(voucher.currency)) == line.amount)
                #expect(fields[5] == voucher.currency.code && fields[8] == voucher.entryId)
                #expect(fields[6] == (line.customerId ?? "") && fields[7] == (line.invoiceId ?? "") && fields[9] == line.text)
            }
        }
    }
}

import Foundation
import Testing
import ReconCore
@testable import ReconFormats
import ReconTestSupport
@testable import ReconApp

/// exceptions.xlsx, report.html and the excel-eu dialect on the demo run.
@Suite struct ExceptionReportTests {
    static let demo = TestPaths.fixture("demo")

    static func runDemo(into out: String, dialect: CSVOutputDialect = .standard, decisions: String? = nil) throws -> ReconcileJob.Report {
        let job = ReconcileJob(invoicesPath: demo + "/invoices.csv",
                               bankPaths: [demo + "/statement.camt053.xml", demo + "/bank.csv"],
                               configPath: demo + "/recon.toml", decisionsPath: decisions, outputPath: out, csvDialect: dialect)
        return try job.run()
    }

    @Test func theWorkbookHoldsTheReportWithTypedCells() throws {
        let out = TemporaryDirectory()
        let report = try Self.runDemo(into: out.path)
        let sheet = try XlsxSheet.read(path: out.path + "/exceptions.xlsx", sheetName: "Exceptions")
        #expect(sheet.name == "Exceptions")
        #expect(sheet.rows.count == report.result.exceptions.count + 1)
        let header = sheet.rows[0].cells.sorted { $0.key < $1.key }.map(\.value)
        #expect(header == ExceptionsWorkbook.exceptionColumns)
        // Row 2: the duplicate of 12,500.00 NOK on 2025-03-10 (serial 45726), amount as exact text.
        #expect(sheet.rows[1].cells[0] == "X333375dcc62419b4")
        #expect(sheet.rows[1].cells[4] == "45726")
        #expect(sheet.rows[1].cells[5] == "12500.00")
        let candidates = try XlsxSheet.read(path: out.path + "/exceptions.xlsx", sheetName: "Candidates")
        #expect(candidates.rows.count == report.result.exceptions.reduce(0) { $0 + $1.candidates.count } + 1)
        let summary = try XlsxSheet.read(path: out.path + "/exceptions.xlsx", sheetName: "Summary")
        #expect(summary.rows[2].cells[0] == "NOK" && summary.rows[2].cells[8] == "119198.75")
    }

    @Test func theWorkbookHasAFrozenHeaderFiltersAndADecisionList() throws {
        let out = TemporaryDirectory()
        let report = try Self.runDemo(into: out.path)
        let bytes = try ExceptionsWorkbook.bytes([], summary: report.result.summary)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let path = out.path + "/exceptions.xlsx"
        let zip = try ZipReader(path: path, bytes: Array(try #require(FileManager.default.contents(atPath: path))))
        let xml = String(decoding: try #require(try zip.part("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A1:S7\"/>"))
        #expect(xml.contains("sqref=\"O2:O7\"><formula1>\"full_settlement,match,write_off,suspense,ignore\"</formula1>"))
        #expect(xml.contains("<c r=\"F2\" s=\"7\"><v>12500.00</v></c>"))
        #expect(xml.contains("<c r=\"O2\" s=\"3\"/>"))
    }

    @Test func theSameInputGivesTheSameWorkbookBytes() throws {
        let out = TemporaryDirectory()
        _ = try Self.runDemo(into: out.path + "/a")
        _ = try Self.runDemo(into: out.path + "/b")
        let a = try #require(FileManager.default.contents(atPath: out.path + "/a/exceptions.xlsx"))
        let b = try #require(FileManager.default.contents(atPath: out.path + "/b/exceptions.xlsx"))
        #expect(a == b)
        #expect(out.read("a/report.html") == out.read("b/report.html"))
    }

    @Test func excelEUDialectIsSemicolonDecimalCommaAndBOM() throws {
        let out = TemporaryDirectory()
        _ = try Self.runDemo(into: out.path, dialect: .excelEU)
        let bytes = try #require(FileManager.default.contents(atPath: out.path + "/exceptions.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("exception_id;kind;entry_id;bank_ref;booking_date;amount;currency;"))
        #expect(text.contains(";2025-03-13;270,00;EUR;Tindeland Marine AS;"))
        #expect(text.contains(";invoice 10007 is in NOK, the payment in EUR;match;;;\n"))
        // The other files keep their contract.
        #expect(out.read("settlements.csv")?.hasPrefix("entry_id,bank_ref,") == true)
    }

    @Test func theHTMLReportIsSelfContained() throws {
        let out = TemporaryDirectory()
        let report = try Self.runDemo(into: out.path)
        let html = try #require(out.read("report.html"))
        for forbidden in ["http://", "https://", "<link", " src=", "url(", "@import"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("<table id=\"exceptions\" class=\"sortable\">"))
        #expect(html.contains("<option value=\"currency_mismatch\">currency_mismatch</option>"))
        #expect(html.components(separatedBy: "<tr data-kind=").count - 1
                == report.result.exceptions.count + report.result.settlements.count)
    }
}

import Foundation
import Testing
import ReconCore
import ReconFormats
import ReconTestSupport
@testable import ReconApp

/// The reports opened by the real programs people use, where they are installed (skipped otherwise).
@Suite(.serialized) struct RealToolTests {
    static let libreOffice = installedTool("libreoffice") ?? installedTool("soffice")
    static let chromium = installedTool("chromium") ?? installedTool("chromium-browser")

    /// LibreOffice's own CSV export of the workbook's first sheet ("as shown") is exceptions.csv
    /// with the two extra reviewer columns: it opened the file without repair and read every cell.
    @Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed"))
    func libreOfficeReadsTheWorkbookBackTheSame() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path)
        let converted = try runTool(Self.libreOffice!, ["--headless", "--convert-to",
                                                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                                                        "--outdir", out.path + "/lo", out.path + "/exceptions.xlsx"],
                                    environment: ["HOME": out.path + "/home"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let readBack = try #require(out.read("lo/exceptions.csv"), "LibreOffice wrote nothing: \(converted.stdout)")
        let expected = try #require(out.read("exceptions.csv")).split(separator: "\n").enumerated().map { index, line in
            index == 0 ? line + ",decided_by,decided_at" : line + ",,"
        }.joined(separator: "\n") + "\n"
        #expect(readBack == expected)
    }

    /// A workbook that LibreOffice saved again (shared strings instead of inline ones) still gives
    /// the reviewer's decisions back.
    @Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed"))
    func decisionsSurviveAWorkbookSavedByLibreOffice() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path)
        try ReviewRoundTripTests.review(workbook: out.path + "/exceptions.xlsx", into: out.path + "/reviewed.xlsx")
        let saved = try runTool(Self.libreOffice!, ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                                                    "--outdir", out.path + "/lo", out.path + "/reviewed.xlsx"],
                                environment: ["HOME": out.path + "/home"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let path = out.path + "/lo/reviewed.xlsx"
        let parts = try XlsxSheet.read(path: path, sheetName: "Exceptions")
        #expect(parts.rows.count == 7)
        let decisions = try DecisionsReader.read(path: path)
        #expect(Set(decisions.map(\.exceptionId)) == Set(ReviewRoundTripTests.reviewed.keys))
        #expect(decisions.first { $0.exceptionId == "X392fa3c25fcc8bdf" }?.invoiceIds == ["10020"])
        #expect(decisions.allSatisfy { $0.decidedAt == "2025-04-02" })
    }

    /// Headless Chromium loads report.html, runs its script (which marks the body ready and counts
    /// the rows the kind filter shows) and renders it.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed"))
    func chromiumRendersTheReport() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + out.path + "/profile"]
        let dom = try runTool(Self.chromium!, flags + ["--dump-dom", "file://" + out.path + "/report.html"])
        #expect(dom.stdout.contains("data-ready=\"true\""), "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.contains("6 of 6 shown"))
        let shot = try runTool(Self.chromium!, flags + ["--screenshot=" + out.path + "/report.png", "--window-size=1280,900",
                                                        "file://" + out.path + "/report.html"])
        let png = FileManager.default.contents(atPath: out.path + "/report.png")
        #expect(png.map { [UInt8]($0.prefix(4)) } == [0x89, 0x50, 0x4E, 0x47], "\(shot.stderr.suffix(500))")
    }
}

import Foundation
import Testing
import ZIPFoundation
import ReconCore
import ReconFormats
import ReconTestSupport
@testable import ReconApp

/// The review round trip on the demo (docs/review.md): a person decides some exceptions in
/// exceptions.csv or exceptions.xlsx, the next run applies them.
@Suite struct ReviewRoundTripTests {
    /// exception id → (decision, invoice_ids, note)
    static let reviewed: [String: (String, String, String)] = [
        "X333375dcc62419b4": ("ignore", "", "the bank sent this payment twice"),
        "X2ca0659b519b3e33": ("suspense", "", "EUR payment for a NOK invoice; ask Tindeland"),
        "X392fa3c25fcc8bdf": ("full_settlement", "10020", "agreed discount"),
        "Xe621c59ebe2bff21": ("match", "10023", "Solveig Berg pays for Andersen Handel"),
    ]

    static func checkApplied(_ out: TemporaryDirectory) throws {
        let exceptions = try #require(out.read("exceptions.csv"))
        // Decided rows are gone (ignore stays, marked); undecided ones stay undecided.
        #expect(!exceptions.contains("X2ca0659b519b3e33") && !exceptions.contains("X392fa3c25fcc8bdf")
                && !exceptions.contains("Xe621c59ebe2bff21"))
        #expect(exceptions.contains("X333375dcc62419b4,duplicate,") && exceptions.contains(",ignore,ignore,,the bank sent this payment twice\n"))
        #expect(exceptions.contains("X9c32496fda6a791d,no_match,") && exceptions.contains("X64a4eb3c343bc5e0,partial_payment,"))
        let applied = try #require(out.read("decisions-applied.csv")).split(separator: "\n")
        #expect(applied.count == 5)
        #expect(applied.contains { $0.hasPrefix("Xe621c59ebe2bff21,unknown_reference,") && $0.hasSuffix(",kari,2025-04-02,match 10023") })
        #expect(applied.contains { $0.hasPrefix("X2ca0659b519b3e33,currency_mismatch,") && $0.hasSuffix("posted 270.00 EUR to suspense") })
        #expect(try #require(out.read("journal.csv")).contains(",2990,,270.00,EUR,"))
    }

    @Test func decisionsFromTheEditedCSVAreAppliedAndTheRunIsRepeatable() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path + "/first")
        var lines = try #require(out.read("first/exceptions.csv")).split(separator: "\n").map(String.init)
        lines[0] += ",decided_by,decided_at"
        for index in lines.indices.dropFirst() {
            let id = String(lines[index].prefix(17))
            if let (decision, invoices, note) = Self.reviewed[id] {
                lines[index] = String(lines[index].dropLast(3)) + ",\(decision),\(invoices),\"\(note)\",kari,2025-04-02"
            }
        }
        let reviewed = out.write("reviewed.csv", lines.joined(separator: "\n") + "\n")
        _ = try ExceptionReportTests.runDemo(into: out.path + "/a", decisions: reviewed)
        _ = try ExceptionReportTests.runDemo(into: out.path + "/b", decisions: reviewed)
        let a = TemporaryDirectory.list(out.path + "/a")
        #expect(a == TemporaryDirectory.list(out.path + "/b") && a.count == 9)
        for name in a {
            let first = FileManager.default.contents(atPath: out.path + "/a/" + name)
            let second = FileManager.default.contents(atPath: out.path + "/b/" + name)
            // summary.json names the decisions file, which is the same path in both runs.
            #expect(first == second, "\(name)")
        }
        let applied = TemporaryDirectory()
        try FileManager.default.removeItem(atPath: applied.path)
        try FileManager.default.copyItem(atPath: out.path + "/a", toPath: applied.path)
        try Self.checkApplied(applied)
    }

    @Test func decisionsFromAnExcelEUFileAreRead() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path, dialect: .excelEU)
        var text = try #require(out.read("exceptions.csv"))
        text = text.replacingOccurrences(of: "match;;;\n", with: "match;match;10023;paid for Andersen Handel;\n", options: [], range: text.range(of: "Xe621c59ebe2bff21").map { $0.lowerBound..<text.endIndex })
        let decisions = try DecisionsReader.read(path: out.write("reviewed.csv", text))
        #expect(decisions.map(\.exceptionId) == ["Xe621c59ebe2bff21"])
        #expect(decisions.first?.invoiceIds == ["10023"] && decisions.first?.note == "paid for Andersen Handel")
    }

    @Test func decisionsFromTheEditedWorkbookAreApplied() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path + "/first")
        let reviewed = out.path + "/reviewed.xlsx"
        try Self.review(workbook: out.path + "/first/exceptions.xlsx", into: reviewed)
        let decisions = try DecisionsReader.read(path: reviewed)
        #expect(Set(decisions.map(\.exceptionId)) == Set(Self.reviewed.keys))
        #expect(decisions.allSatisfy { $0.decidedBy == "kari" && $0.decidedAt == "2025-04-02" })
        #expect(decisions.first { $0.exceptionId == "Xe621c59ebe2bff21" }?.origin.description == reviewed + ":7")
        _ = try ExceptionReportTests.runDemo(into: out.path + "/second", decisions: reviewed)
        let second = TemporaryDirectory()
        try FileManager.default.removeItem(atPath: second.path)
        try FileManager.default.copyItem(atPath: out.path + "/second", toPath: second.path)
        try Self.checkApplied(second)
        // An undecided row of the workbook stays in the next workbook.
        let next = try XlsxSheet.read(path: out.path + "/second/exceptions.xlsx", sheetName: "Exceptions")
        #expect(next.rows.contains { $0.cells[0] == "X9c32496fda6a791d" })
    }

    @Test func aWordThatIsNoDecisionNamesTheCell() throws {
        let out = TemporaryDirectory()
        _ = try ExceptionReportTests.runDemo(into: out.path)
        try Self.review(workbook: out.path + "/exceptions.xlsx", into: out.path + "/bad.xlsx",
                        cells: ["O3": "settle"])
        #expect(throws: ReadError.self) { try DecisionsReader.read(path: out.path + "/bad.xlsx") }
        do {
            _ = try DecisionsReader.read(path: out.path + "/bad.xlsx")
        } catch ReadError.invalid(let findings) {
            #expect(findings.first?.description.hasPrefix(out.path + "/bad.xlsx:3:15: decision (cell O3): 'settle' is not a decision") == true)
        }
    }

    /// Fills the reviewer cells of `reviewed` as a person would in a spreadsheet, by rewriting the
    /// sheet's cells (inline strings) and zipping the workbook again; `cells` overrides by reference.
    static func review(workbook: String, into target: String, cells: [String: String]? = nil) throws {
        let sheet = try XlsxSheet.read(path: workbook, sheetName: "Exceptions")
        var edits: [String: String] = [:]
        if let cells {
            edits = cells
        } else {
            for row in sheet.rows.dropFirst() {
                guard let id = row.cells[0], let (decision, invoices, note) = reviewed[id] else { continue }
                edits["O\(row.number)"] = decision
                edits["P\(row.number)"] = invoices
                edits["Q\(row.number)"] = note
                edits["R\(row.number)"] = "kari"
                edits["S\(row.number)"] = "45749" // 2025-04-02 typed as a date: a serial number
            }
        }
        let source = try Archive(url: URL(fileURLWithPath: workbook), accessMode: .read)
        let archive = try Archive(url: URL(fileURLWithPath: target), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                var xml = String(decoding: data, as: UTF8.self)
                for (reference, value) in edits where !value.isEmpty {
                    let cell = reference.hasPrefix("S") && Int(value) != nil
                        ? "<c r=\"\(reference)\" s=\"3\"><v>\(value)</v></c>"
                        : "<c r=\"\(reference)\" s=\"3\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
                    xml = xml.replacingOccurrences(of: "<c r=\"\(reference)\" s=\"3\"/>", with: cell)
                }
                data = Data(xml.utf8)
            }
            let bytes = data
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}

import Foundation
import ReconTestSupport
import Testing

/// The daily routine of docs/workspace.md on the demo fixtures, through the built executable.
struct DemoWorkspaceTests {
    static let demo = TestPaths.fixture("demo")
    static let camt = demo + "/statement.camt053.xml"
    static let csv = demo + "/bank.csv"

    func importedDemo() throws -> TestWorkspace {
        let workspace = try TestWorkspace(config: try String(contentsOfFile: Self.demo + "/recon.toml", encoding: .utf8))
        try workspace.ok(["import", "invoices", Self.demo + "/invoices.csv"])
        try workspace.ok(["import", "bank", Self.camt, Self.csv])
        return workspace
    }

    @Test func importingTheSameFilesAgainAddsNothing() throws {
        let workspace = try importedDemo()
        let again = try workspace.ok(["import", "bank", Self.camt, Self.csv])
        #expect(again.contains("statement.camt053.xml: 0 new, 20 already imported, 0 conflicting"))
        #expect(again.contains("total: 0 new, 27 already imported, 0 conflicting"))
        let invoices = try workspace.ok(["import", "invoices", Self.demo + "/invoices.csv"])
        #expect(invoices.hasSuffix("0 new, 0 updated, 30 unchanged\n"))
        #expect(try workspace.currency("NOK")["not_matched"] as? Int == 24)
    }

    @Test func theCSVsCopyOfACamtEntryIsAlreadyImported() throws {
        let workspace = try importedDemo()
        let log = try workspace.ok(["log"])
        #expect(log.contains("bank.csv  sha256:"))
        #expect(log.contains("6 new, 1 already imported, 0 conflicting (csv:generic"))
    }

    @Test func matchSettlesWhatReconcileSettlesOnTheSameInputs() throws {
        let workspace = try importedDemo()
        let output = try workspace.ok(["match"])
        #expect(output.hasPrefix("matched 26 transactions: 18 settled, 3 in the report, 5 other entries; 18 vouchers"))
        let stateless = workspace.directory.path + "/stateless"
        let reconcile = try recon(["reconcile", "--invoices", Self.demo + "/invoices.csv", "--bank", Self.camt,
                                   "--bank", Self.csv, "--config", Self.demo + "/recon.toml", "--out", stateless])
        #expect(reconcile.status == 0)
        try workspace.ok(["export", "--out", workspace.directory.path + "/export"])
        let exported = try String(contentsOfFile: workspace.directory.path + "/export/settlements.csv", encoding: .utf8)
        let reference = try String(contentsOfFile: stateless + "/settlements.csv", encoding: .utf8)
        // The same rows; reconcile also reports the CSV's copy as a duplicate, the workspace never stores it.
        #expect(Set(exported.split(separator: "\n")) == Set(reference.split(separator: "\n")))
        let status = try workspace.status()
        #expect(status["balanced"] as? Bool == true)
        let nok = try workspace.currency("NOK")
        #expect(nok["open_exceptions"] as? Int == 4)
        #expect(nok["not_matched"] as? Int == 0)
        #expect(nok["applied"] as? String == "101048.75")
    }

    @Test func aSecondMatchLeavesSettledTransactionsAlone() throws {
        let workspace = try importedDemo()
        try workspace.ok(["match"])
        let second = try workspace.ok(["match"])
        #expect(second.hasPrefix("matched 3 transactions: 0 settled, 3 in the report, 0 other entries; 0 vouchers (3 were in the report before)"))
        #expect(try workspace.status()["vouchers"] as? Int == 18)
    }

    @Test func dryRunChangesNothing() throws {
        let workspace = try importedDemo()
        let before = try workspace.ok(["status", "--json"])
        let output = try workspace.ok(["match", "--dry-run"])
        #expect(output.contains("would match 26 transactions: 18 settled"))
        #expect(output.contains("dry run: the workspace is unchanged"))
        #expect(try workspace.ok(["status", "--json"]) == before)
    }

    @Test func reviewDecideExportRoundTrip() throws {
        let workspace = try importedDemo()
        try workspace.ok(["match"])
        let review = workspace.directory.path + "/review"
        #expect(try workspace.ok(["review", "--out", review]).hasPrefix("5 open exceptions"))
        let report = try String(contentsOfFile: review + "/exceptions.csv", encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: review + "/exceptions.xlsx"))
        #expect(FileManager.default.fileExists(atPath: review + "/report.html"))
        let decided = ReviewedReport.decide(report, [
            "X2ca0659b519b3e33": ("suspense", ""), "X392fa3c25fcc8bdf": ("full_settlement", "10020"),
            "Xe621c59ebe2bff21": ("match", "10023"),
        ])
        let path = workspace.file("reviewed.csv", decided)
        try workspace.ok(["export", "--out", workspace.directory.path + "/e1"])
        let output = try workspace.ok(["decide", path, "--date", "2025-04-02"])
        #expect(output.contains("decision X392fa3c25fcc8bdf (partial_payment): full_settlement 10020"))
        #expect(output.contains("3 decisions applied"))
        // Applied decisions leave the report; the same file again is refused, naming the lines.
        let again = try workspace.run(["decide", path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("reviewed.csv:3: X2ca0659b519b3e33: already decided (suspense"))
        #expect(try workspace.ok(["review", "--out", review]).hasPrefix("2 open exceptions"))
        let export = try workspace.ok(["export", "--out", workspace.directory.path + "/e2"])
        #expect(export.hasPrefix("export 2: 3 vouchers"))
        let journal = try String(contentsOfFile: workspace.directory.path + "/e2/journal.csv", encoding: .utf8)
        // The rest of the earlier partial payment: its own voucher on the decision date, no bank line.
        #expect(journal.contains("000021,2025-04-02,1500,,3200.00,NOK,C018,10020,NO7215036123459/NB2025032000103/1,Settle 10020"))
        #expect(journal.contains("000021,2025-04-02,3080,3200.00,,NOK,C018,10020,NO7215036123459/NB2025032000103/1,Full settlement 10020"))
        #expect(!journal.contains("000021,2025-04-02,1920"))
        let check = try workspace.run(["status", "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("check: ok"))
    }

    @Test func exportMarksABatchAndSinceWritesItAgain() throws {
        let workspace = try importedDemo()
        try workspace.ok(["match"])
        let base = workspace.directory.path
        #expect(try workspace.ok(["export", "--out", base + "/a", "--journal-format", "hledger"]).hasPrefix("export 1: 18 vouchers"))
        #expect(try workspace.ok(["export", "--out", base + "/b"]).hasPrefix("nothing to export"))
        #expect(!FileManager.default.fileExists(atPath: base + "/b/journal.csv"))
        #expect(try workspace.ok(["export", "--since", "1", "--out", base + "/c"]).hasPrefix("exports 1 and later, written again: 18 vouchers"))
        let first = try String(contentsOfFile: base + "/a/journal.csv", encoding: .utf8)
        #expect(first == (try String(contentsOfFile: base + "/c/journal.csv", encoding: .utf8)))
        #expect(FileManager.default.fileExists(atPath: base + "/a/journal.hledger"))
        let missing = try workspace.run(["export", "--since", "7", "--out", base + "/d"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("--since 7: no such export (the last is 1)"))
    }

    @Test func theLogRecordsWhoWhatAndTheFilesHash() throws {
        let workspace = try importedDemo()
        try workspace.ok(["match"])
        let result = try workspace.run(["log"], environment: ["USER": "kari"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)  // init, invoices, two bank files, match
        let sha = try runTool("/usr/bin/env", ["sha256sum", Self.camt]).stdout.prefix(64)
        #expect(lines[2].contains("import bank  \(Self.camt)  sha256:\(sha)  — 20 new, 0 already imported, 0 conflicting"))
        #expect(lines[4].contains("match  — 26 transactions: 18 settled"))
        let asKari = try workspace.run(["import", "bank", Self.csv], environment: ["USER": "kari"])
        #expect(asKari.status == 0)
        #expect(try workspace.ok(["log", "--limit", "1"]).contains("  kari  import bank  "))
    }
}

/// Fills in the reviewer's columns of an exceptions.csv.
enum ReviewedReport {
    static func decide(_ report: String, _ decisions: [String: (String, String)]) -> String {
        var lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices.dropFirst() {
            guard let id = lines[index].split(separator: ",").first.map(String.init), let (decision, ids) = decisions[id] else { continue }
            // The last three columns (decision, invoice_ids, note) are empty: ",,"
            lines[index] = String(lines[index].dropLast(2)) + "\(decision),\(ids),reviewed"
        }
        return lines.joined(separator: "\n")
    }
}

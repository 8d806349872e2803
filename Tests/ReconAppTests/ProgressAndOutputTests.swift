import Foundation
import Testing
import ReconTestSupport
@testable import ReconApp

@Suite struct ProgressAndOutputTests {
    final class Clock: @unchecked Sendable {
        var now: Int64 = 100_000   // milliseconds
    }

    @Test func theProgressLineWaitsTwoSecondsThenRedrawsAtMostFourTimesASecond() {
        let clock = Clock()
        var drawn: [String] = []
        let line = ProgressLine(clock: { clock.now }, sink: { drawn.append($0) })
        line.entriesRead(1000)
        clock.now = 101_900
        line.entriesRead(50_000)
        #expect(drawn.isEmpty)
        clock.now = 102_000
        line.entriesRead(60_000)
        #expect(drawn == ["\rrecon: 60000 entries read, 0 matched, 30000/s\u{1B}[K"])
        clock.now = 102_100
        line.entriesRead(61_000)
        #expect(drawn.count == 1)
        line.transactionsMatched(10)
        clock.now = 102_600
        line.transactionsMatched(20_010)
        #expect(drawn.last == "\rrecon: 61000 entries read, 20010 matched, 40020/s\u{1B}[K")
        line.finish()
        #expect(drawn.last == "\r\u{1B}[K")
    }

    @Test func aShortRunDrawsNothing() {
        var drawn: [String] = []
        let line = ProgressLine(clock: { 5_000 }, sink: { drawn.append($0) })
        line.entriesRead(10)
        line.transactionsMatched(10)
        line.finish()
        #expect(drawn.isEmpty)
    }

    @Test func jsonPrintsTheSummaryInsteadOfTheTable() throws {
        let demo = TestPaths.fixture("demo")
        let directory = TemporaryDirectory()
        let result = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/statement.camt053.xml",
                                   "--bank", demo + "/bank.csv", "--json", "--quiet", "--out", directory.path + "/out"])
        #expect(result.status == 0)
        #expect(result.stdout == directory.read("out/summary.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(parsed?["balanced"] as? Bool == true)
        #expect(result.stderr.isEmpty)
    }

    @Test func unknownFormatsAndDialectsAreUsageErrors() throws {
        let demo = TestPaths.fixture("demo")
        let directory = TemporaryDirectory()
        let base = ["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv", "--out", directory.path + "/out"]
        let format = try runRecon(base + ["--journal-format", "datev"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("--journal-format datev: neither a built-in format (generic, d365, hledger, beancount, sie) nor a template file"))
        #expect(try runRecon(base + ["--csv-dialect", "excel-us"]).status == 64)
    }

    @Test func aBadTemplateFailsTheRunBeforeAnythingIsWritten() throws {
        let demo = TestPaths.fixture("demo")
        let directory = TemporaryDirectory()
        let template = directory.write("mine.csv.mustache", "a;b\n{{#vouchers}}{{numbr}}\n{{/vouchers}}")
        let result = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv",
                                   "--journal-format", template, "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr == "recon: \(template):2: unknown variable 'numbr' (see docs/journals.md for the variables)\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }
}

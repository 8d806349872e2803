import Foundation
import Testing
import ReconTestSupport

@Suite struct DecisionsCLITests {
    let fixture = TestPaths.fixture("settlement/08-decisions")

    @Test func aDecisionThatDoesNotFitFailsTheWholeRun() throws {
        let directory = TemporaryDirectory()
        let reviewed = try String(contentsOfFile: fixture + "/decisions.csv", encoding: .utf8)
            .replacingOccurrences(of: "full_settlement,full_settlement,80001", with: "full_settlement,match,80001")
            .replacingOccurrences(of: "match,match,80003", with: "match,match,80099")
        let decisions = directory.write("decisions.csv", reviewed)
        let result = try runRecon(["reconcile", "--invoices", fixture + "/invoices.csv", "--bank", fixture + "/bank.csv",
                                   "--decisions", decisions, "--out", directory.path + "/out"])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("recon: \(decisions):2: X3851a40feed7be68: match does not fit a partial payment"))
        #expect(lines[1] == "recon: \(decisions):4: X097ea84c19ab693e: invoice 80099 is not in the open items")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    @Test func anUnknownDecisionWordIsAnError() throws {
        let directory = TemporaryDirectory()
        let decisions = directory.write("decisions.csv", "exception_id,decision\nX1,settle\n")
        let result = try runRecon(["reconcile", "--invoices", fixture + "/invoices.csv", "--bank", fixture + "/bank.csv",
                                   "--decisions", decisions, "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("recon: \(decisions):2:4: decision: 'settle' is not a decision (one of full_settlement, match"))
    }

    @Test func refundCommandPaysBackCreditBalances() throws {
        let refunds = TestPaths.fixture("settlement/09-refunds")
        let directory = TemporaryDirectory()
        let result = try runRecon(["refund", "--open-items", refunds + "/open-items.csv", "--customers", refunds + "/customers.csv",
                                   "--config", refunds + "/recon.toml", "--customer", "C1", "--customer", "C2",
                                   "--date", "2025-07-01", "--out", directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("refund 100.00 NOK to C1 (V-2001)"))
        #expect(result.stdout.contains("no refund for C2: credit balance 40.00 NOK is below the minimum refund 50.00"))
        #expect(directory.read("refunds.csv")?.contains("OTV-C3") == false)
        let unknown = try runRecon(["refund", "--open-items", refunds + "/open-items.csv", "--customer", "C77",
                                    "--out", directory.path + "/x"])
        #expect(unknown.status == 65)
        #expect(try runRecon(["refund", "--open-items", refunds + "/open-items.csv", "--date", "2025-13-01",
                              "--out", directory.path + "/x"]).status == 64)
    }
}

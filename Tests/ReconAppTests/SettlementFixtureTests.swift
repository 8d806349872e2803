import Foundation
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconApp

/// Each settlement rule end to end: fixtures/settlement/<case>/ holds the inputs and, under
/// expected/, the reviewed outputs. A case with open-items.csv is a `recon refund` run (dated
/// 2025-07-01); the others are `recon reconcile` runs, with recon.toml and decisions.csv when present.
@Suite struct SettlementFixtureTests {
    static let cases: [String] = {
        let root = TestPaths.fixture("settlement")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
            FileManager.default.fileExists(atPath: root + "/" + $0 + "/expected")
                || ProcessInfo.processInfo.environment["RECON_RECORD"] == "1"
        }.sorted()
    }()

    @Test func everyRuleHasAFixture() {
        #expect(Self.cases.count >= 13)
    }

    @Test(arguments: cases)
    func caseMatchesItsGoldenFiles(name: String) throws {
        let directory = TestPaths.fixture("settlement/" + name)
        func input(_ file: String) -> String? {
            FileManager.default.fileExists(atPath: directory + "/" + file) ? directory + "/" + file : nil
        }
        let out = TemporaryDirectory()
        let files: [String]
        if let openItems = input("open-items.csv") {
            let job = RefundJob(openItemsPath: openItems, customersPath: input("customers.csv"), customerIds: [],
                                configPath: input("recon.toml"), date: CalendarDate(iso: "2025-07-01"),
                                outputPath: out.path)
            let report = try job.run()
            #expect(report.result.vouchers.allSatisfy { $0.isBalanced })
            files = RefundJob.outputFiles
        } else {
            let job = ReconcileJob(invoicesPath: directory + "/invoices.csv", bankPaths: [directory + "/bank.csv"],
                                   configPath: input("recon.toml"), decisionsPath: input("decisions.csv"),
                                   outputPath: out.path)
            let report = try job.run()
            #expect(report.result.summary.isBalanced)
            files = ReconcileJob.outputFiles
        }
        for file in files {
            let text = try #require(out.read(file)).replacingOccurrences(of: TestPaths.root + "/", with: "")
            Golden.check(text, fixture: "settlement/\(name)/expected/\(file)")
        }
    }
}

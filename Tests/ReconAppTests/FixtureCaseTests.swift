import Foundation
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconApp

/// End-to-end cases with reviewed golden outputs: fixtures/settlement/<case> (one per settlement
/// rule) and fixtures/matching/<case> (one per allocation case). Each holds its inputs and, under
/// expected/, the outputs. A case with open-items.csv is a `recon refund` run (dated 2025-07-01);
/// the others are `recon reconcile` runs, with recon.toml, decisions.csv and customers.csv when present.
@Suite struct FixtureCaseTests {
    static func cases(in group: String) -> [String] {
        let root = TestPaths.fixture(group)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
            FileManager.default.fileExists(atPath: root + "/" + $0 + "/expected")
                || ProcessInfo.processInfo.environment["RECON_RECORD"] == "1"
        }.sorted().map { group + "/" + $0 }
    }

    static let all = cases(in: "settlement") + cases(in: "matching")

    @Test func everyRuleAndAllocationCaseHasAFixture() {
        #expect(Self.cases(in: "settlement").count >= 13)
        #expect(Self.cases(in: "matching").count >= 5)
    }

    @Test(arguments: all)
    func caseMatchesItsGoldenFiles(name: String) throws {
        let directory = TestPaths.fixture(name)
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
                                   customersPath: input("customers.csv"), outputPath: out.path)
            let report = try job.run()
            #expect(report.result.summary.isBalanced)
            files = ReconcileJob.outputFiles
        }
        for file in files {
            let text = try #require(out.read(file)).replacingOccurrences(of: TestPaths.root + "/", with: "")
            Golden.check(text, fixture: "\(name)/expected/\(file)")
        }
    }
}

import Testing
import ReconTestSupport
@testable import ReconApp

/// The demo run, compared file by file with the reviewed outputs in fixtures/demo/expected/.
@Suite struct DemoGoldenTests {
    @Test func demoOutputsMatchTheGoldenFiles() throws {
        let out = TemporaryDirectory()
        let demo = TestPaths.fixture("demo")
        let job = ReconcileJob(invoicesPath: demo + "/invoices.csv",
                               bankPaths: [demo + "/statement.camt053.xml", demo + "/bank.csv"],
                               configPath: demo + "/recon.toml", outputPath: out.path)
        let report = try job.run()
        #expect(report.result.summary.isBalanced)
        #expect(out.files == (ReconcileJob.outputFiles + ReconcileJob.reportFiles).sorted())
        for name in ReconcileJob.outputFiles {
            // Paths in summary.json depend on where the checkout is: compare them relative to it.
            let text = try #require(out.read(name)).replacingOccurrences(of: TestPaths.root + "/", with: "")
            Golden.check(text, fixture: "demo/expected/" + name)
        }
    }
}

import Foundation
import Testing
import ReconTestSupport

/// The Norwegian CSV of ../shared/bench/gen.py is read by detection, and gives the same settlements,
/// journal and exceptions as the camt.053 with the same payments. Skipped without gen.py or python3.
enum BenchGenerator {
    static let script: String? = {
        let script = TestPaths.root + "/../shared/bench/gen.py"
        guard FileManager.default.fileExists(atPath: script),
              FileManager.default.fileExists(atPath: "/usr/bin/python3") else { return nil }
        return script
    }()
}

@Suite(.enabled(if: BenchGenerator.script != nil, "../shared/bench/gen.py or python3 is not present"))
struct BenchmarkLayoutTests {

    @Test func theCSVAndTheCamtOfTheSamePaymentsReconcileAlike() throws {
        let directory = TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [try #require(BenchGenerator.script), "--entries", "300", "--out", directory.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var outputs: [String: [String: [Substring]]] = [:]
        for bank in ["bank_small.csv", "camt053_small.xml"] {
            let result = try runRecon(["reconcile", "--invoices", "invoices_small.csv", "--bank", bank, "--out", "out-" + bank],
                                      in: directory.path)
            #expect(result.status == 0, "\(bank): \(result.stderr)")
            #expect(result.stdout.contains("balanced: true"))
            for file in ["settlements.csv", "journal.csv", "exceptions.csv", "open-items.csv"] {
                // Same-day payments settle in input order: the camt groups them by currency, the CSV does not.
                let lines = (directory.read("out-\(bank)/\(file)") ?? "").split(separator: "\n").sorted()
                outputs[bank, default: [:]][file] = lines
            }
        }
        let summary = try #require(directory.read("out-bank_small.csv/summary.json"))
        #expect(summary.contains("bank_small.csv: csv:no-bank-kid"))
        #expect((outputs["bank_small.csv"]?["settlements.csv"]?.count ?? 0) > 200)
        for file in ["settlements.csv", "exceptions.csv", "open-items.csv"] {
            #expect(outputs["bank_small.csv"]?[file] == outputs["camt053_small.xml"]?[file], "\(file)")
        }
    }
}

import Foundation
import Testing
import ReconCore
import ReconFormats
import ReconApp
import ReconTestSupport

/// Every file MANIFEST.md lists in ../shared/external: the broken ones are refused with a message
/// that names the file and a line; every other bank file is read, and what MANIFEST computed or a
/// peer asserted (statements, balances, entry counts and sums, balance checks, the first entries'
/// fields, CSV rows) must come out — except the divergences listed, each with its reason.
/// Skipped when the corpus is absent.
@Suite(.enabled(if: TestPaths.hasCorpus, "../shared/external is not present"))
struct ConformanceTests {
    static let manifest: Manifest? = TestPaths.externalCorpus.flatMap { try? Manifest(path: $0 + "/MANIFEST.md") }

    /// The bank files (MANIFEST also lists peers' expected outputs and the XSDs).
    static var inputs: [String] {
        (manifest?.files ?? []).filter { !$0.isReferenceOutput }.map(\.path)
    }

    @Test func theManifestListsTheWholeCorpus() throws {
        let manifest = try #require(Self.manifest)
        #expect(manifest.files.count == 258)
        #expect(Self.inputs.count == 200)
        let unparsed = manifest.files.filter {
            !$0.isReferenceOutput && $0.statementCount == nil && $0.rows == nil && !Divergences.broken.keys.contains($0.path)
        }
        #expect(unparsed.map(\.path) == [], "files whose Computed line the parser did not understand")
    }

    @Test(arguments: ConformanceTests.inputs)
    func conforms(_ path: String) throws {
        let corpus = try #require(TestPaths.externalCorpus)
        let file = try #require(Self.manifest?.files.first { $0.path == path })
        let result = Conformance.run(file, corpus: corpus)
        #expect(result.problems == [], "\(path)")
        if let reason = Divergences.broken[path] {
            #expect(result.refusal != nil, "\(path) must be refused: \(reason)")
        } else {
            #expect(result.refusal == nil, "\(path) was refused: \(result.refusal ?? "")")
        }
    }

    /// reconcile accepts every well-formed file: it reads it and checks its own result (exit 0).
    @Test func reconcileAcceptsEveryWellFormedFile() throws {
        let corpus = try #require(TestPaths.externalCorpus)
        let directory = TemporaryDirectory()
        let invoices = directory.write("invoices.csv", "invoice_id,customer_id,currency,amount,invoice_date\nA1,C1,EUR,1.00,2025-01-01\n")
        let files = Self.inputs.filter { Divergences.broken[$0] == nil }
        #expect(files.count == 191)
        for (index, file) in files.enumerated() {
            let job = ReconcileJob(invoicesPath: invoices, bankPaths: [corpus + "/" + file], configPath: nil,
                                   outputPath: directory.path + "/out-\(index)")
            #expect(throws: Never.self, "\(file)") { _ = try job.run() }
        }
    }

    /// Peers' expected outputs and the XSDs are not bank files: detection refuses each of them with
    /// a message (they also show that nothing is read by accident).
    @Test func referenceOutputsAreNotMistakenForBankFiles() throws {
        let corpus = try #require(TestPaths.externalCorpus)
        let references = (Self.manifest?.files ?? []).filter(\.isReferenceOutput)
        #expect(references.count == 58)
        for file in references {
            #expect(throws: ReadError.self, "\(file.path)") { try InspectJob(path: corpus + "/" + file.path).run() }
        }
    }

    /// The figures for docs/formats.md, as a golden file: files passing / total, by format.
    @Test func conformanceSummary() throws {
        let corpus = try #require(TestPaths.externalCorpus)
        let manifest = try #require(Self.manifest)
        var byFormat: [String: (passed: Int, total: Int)] = [:]
        var lines: [String] = []
        for file in manifest.files where !file.isReferenceOutput {
            let result = Conformance.run(file, corpus: corpus)
            let expectedRefusal = Divergences.broken[file.path] != nil
            let passed = result.problems.isEmpty && (result.refusal != nil) == expectedRefusal
            let format = Conformance.family(of: file, result: result, corpus: corpus)
            byFormat[format, default: (0, 0)].total += 1
            if passed { byFormat[format, default: (0, 0)].passed += 1 }
            let status = expectedRefusal ? "refused" : (result.format ?? "?")
            lines.append("\(passed ? "pass" : "FAIL")  \(file.path)  \(status)")
        }
        var summary = "format           passing / total\n"
        for format in byFormat.keys.sorted() {
            let figures = byFormat[format]!
            summary += format.padding(toLength: 17, withPad: " ", startingAt: 0) + "\(figures.passed) / \(figures.total)\n"
        }
        let passed = byFormat.values.map(\.passed).reduce(0, +), total = byFormat.values.map(\.total).reduce(0, +)
        summary += "all              \(passed) / \(total)\n\n" + lines.joined(separator: "\n") + "\n"
        Golden.check(summary, fixture: "conformance/summary.txt")
        #expect(passed == total)
    }
}

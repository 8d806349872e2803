import Foundation
import ReconFormats
import ReconTestSupport
import Testing
@testable import ReconWorkspace

/// Every bank file of the shared corpus (../shared/external) that recon reads: importing it a
/// second time adds nothing and finds no conflict. Skipped when the corpus is absent.
@Suite(.enabled(if: TestPaths.hasCorpus, "../shared/external is not present"))
struct CorpusReimportTests {
    /// The corpus files a bank reader accepts.
    static var readableFiles: [String] {
        guard let corpus = TestPaths.externalCorpus,
              let enumerator = FileManager.default.enumerator(atPath: corpus) else { return [] }
        return enumerator.compactMap { $0 as? String }.sorted().compactMap { relative in
            let path = corpus + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let reader = try? BankFile.open(path: path) else { return nil }
            do {
                try reader.forEachRecord { _ in }
                return path
            } catch {
                return nil
            }
        }
    }

    @Test func importingAnyCorpusFileTwiceAddsNothing() throws {
        let files = Self.readableFiles
        #expect(files.count >= 40)
        var transactions = 0
        for file in files {
            let directory = TemporaryDirectory()
            let workspace = try Workspace.create(directory: directory.path)
            let first = try BankImport(paths: [file]).run(in: workspace).total
            let second = try BankImport(paths: [file]).run(in: workspace).total
            #expect(first.conflicting == 0, "\(file): \(first.counts)")
            #expect(second.added == 0 && second.conflicting == 0, "\(file): \(second.counts)")
            #expect(second.known == first.added + first.known, "\(file): \(first.counts) then \(second.counts)")
            #expect(try workspace.check().isEmpty, "\(file)")
            transactions += first.added
        }
        #expect(transactions > 500)
    }
}

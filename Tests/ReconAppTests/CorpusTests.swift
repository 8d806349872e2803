import Foundation
import Testing
import ReconCore
import ReconFormats
import ReconTestSupport

/// Every camt.053 file of the shared corpus (../shared/external): the well-formed ones parse, the
/// broken ones fail with a message that names the file and a line. Skipped when the corpus is absent.
@Suite(.enabled(if: TestPaths.hasCorpus, "../shared/external is not present"))
struct Camt053CorpusTests {
    /// Files MANIFEST.md describes as not readable statements.
    static let broken: Set<String> = [
        "genkgo-camt/camt053.v2.wrong.xml",              // GrpHdr only, no Stmt
        "viafintech-camt_parser/053_valid_namespace.xml",  // namespace only
        "viafintech-camt_parser/general_invalid_namespace.xml",
    ]

    static var files: [String] {
        guard let corpus = TestPaths.externalCorpus,
              let enumerator = FileManager.default.enumerator(atPath: corpus) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            guard path.hasSuffix(".xml"),
                  let head = FileManager.default.contents(atPath: corpus + "/" + path)?.prefix(2000) else { return false }
            return String(decoding: head, as: UTF8.self).contains("camt.053.001")
        }.sorted()
    }

    @Test func readsEveryCamt053File() throws {
        let corpus = try #require(TestPaths.externalCorpus)
        let files = Self.files
        #expect(files.count >= 35)
        var parsed = 0
        for file in files {
            let path = corpus + "/" + file
            do {
                let reader = try BankFile.open(path: path)
                var entries = 0
                while let record = try reader.next() {
                    if case .entry = record { entries += 1 }
                }
                #expect(!Self.broken.contains(file), "\(file) should have been refused")
                parsed += 1
            } catch ReadError.invalid(let findings) {
                #expect(Self.broken.contains(file), "\(file): \(findings.map(\.description))")
                #expect(findings.allSatisfy { $0.location.file == path && $0.location.line >= 1 })
            }
        }
        #expect(parsed == files.count - Self.broken.count)
    }

    @Test func peerAssertedValuesOfTheQuickPicks() throws {
        let corpus = try #require(TestPaths.externalCorpus)
        // kedder davider80.xml: 16 entries in CHF that reconcile (MANIFEST "Quick picks").
        let reader = try BankFile.open(path: corpus + "/kedder-ofxstatement-iso20022/davider80.xml")
        var statement: ReconCore.StatementInfo?
        var total: Int64 = 0, entries = 0
        while let record = try reader.next() {
            switch record {
            case .statement(let info): statement = info
            case .entry(let entry):
                entries += 1
                if entry.status == .booked { total += entry.amount.minorUnits }
            }
        }
        let info = try #require(statement)
        #expect(entries == 16)
        #expect(info.currency?.code == "CHF")
        #expect(try #require(info.opening).minorUnits + total == (try #require(info.closing)).minorUnits)
    }
}

import Foundation
import Testing
import ReconFuzzing
import ReconTestSupport

/// Every input a fuzzer kept (fixtures/fuzz/<target>/: crashes and hangs it found, fixed since) goes
/// through the entry point that found it: the reader reads it or refuses it with a located
/// `ReadError` — never a crash, never a broken promise, never a hang.
@Suite struct FuzzRegressionTests {
    static let directory = TestPaths.fixture("fuzz")
    /// Generous for a debug build on a shared machine; a hang is minutes, not seconds.
    static let timeLimit: Duration = .seconds(20)

    static func inputs(_ target: FuzzTarget) -> [String] {
        TemporaryDirectory.list(directory + "/" + target.rawValue).filter { !$0.hasPrefix(".") }
    }

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsAreReadOrRefused(_ target: FuzzTarget) throws {
        for name in Self.inputs(target) {
            let path = Self.directory + "/" + target.rawValue + "/" + name
            let bytes = try #require(FileManager.default.contents(atPath: path), "\(path) is unreadable")
            var outcome = FuzzOutcome.accepted
            let took = ContinuousClock().measure { outcome = target.run([UInt8](bytes)) }
            if case .failed(let message) = outcome { Issue.record("\(target.rawValue)/\(name): \(message)") }
            #expect(took < Self.timeLimit, "\(target.rawValue)/\(name) took \(took)")
        }
    }

    /// A folder the fuzz script did not make would never be replayed.
    @Test func everyFolderIsATarget() {
        let known = Set(FuzzTarget.allCases.map(\.rawValue))
        let folders = TemporaryDirectory.list(Self.directory).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(folders.allSatisfy(known.contains), "\(folders)")
    }

    /// The contract itself: a broken promise is reported, a refusal is not.
    @Test func theEntryPointsTellAFailureFromARefusal() {
        #expect(FuzzTarget.amount.run(Array("12.3.4".utf8)) == .accepted)
        guard case .refused(let findings) = FuzzTarget.camt.run(Array("<?xml version=\"1.0\"?><html/>".utf8)) else {
            Issue.record("a document that is not camt must be refused")
            return
        }
        #expect(findings.first?.description == "fuzz.xml:1: not a camt.052/053/054 document: no ISO 20022 camt Document element (root element html)")
    }
}

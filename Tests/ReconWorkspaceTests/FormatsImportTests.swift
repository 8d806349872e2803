import Foundation
import ReconTestSupport
import Testing

/// The workspace imports every format the bank readers know (MT940, bank CSV profiles), detected
/// or named with `--profile`, and a second import of each adds nothing.
struct FormatsImportTests {
    static let mt940 = TestPaths.fixture("inspect/statement.sta")
    static let csv = TestPaths.fixture("inspect/bank.csv")

    @Test func mt940AndAProfileCSVImportOnceAndOnlyOnce() throws {
        let workspace = try TestWorkspace()
        let first = try workspace.ok(["import", "bank", Self.mt940, Self.csv])
        #expect(first.contains("statement.sta: 3 new, 0 already imported, 0 conflicting (mt940)"))
        #expect(first.contains("bank.csv: 3 new, 0 already imported, 0 conflicting (csv:no-bank)"))
        let named = try workspace.ok(["import", "bank", "--profile", "no-bank", Self.csv])
        #expect(named.hasPrefix("\(Self.csv): 0 new, 3 already imported, 0 conflicting (csv:no-bank)"))
        #expect(try workspace.ok(["import", "bank", Self.mt940]).hasPrefix("\(Self.mt940): 0 new, 3 already imported"))
    }

    @Test func anUnknownProfileIsAUsageError() throws {
        let workspace = try TestWorkspace()
        let result = try workspace.run(["import", "bank", "--profile", "no-such-bank", Self.csv])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-bank"))
        #expect((try workspace.status()["currencies"] as? [String: Any])?.isEmpty == true)
    }
}

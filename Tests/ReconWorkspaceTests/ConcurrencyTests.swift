import Foundation
import GRDB
import ReconTestSupport
import Testing
@testable import ReconWorkspace

/// Two recon processes on one workspace: the second waits for the first, or fails with exit 75
/// and says why — and the workspace is never damaged.
struct ConcurrencyTests {
    /// Holds the workspace's write lock, as a running recon does, for `seconds`.
    static func holdLock(_ path: String, seconds: Double) throws -> (Thread, DatabaseQueue) {
        let queue = try DatabaseQueue(path: path + "/recon.sqlite")
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? queue.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                started.signal()
                Thread.sleep(forTimeInterval: seconds)
                try db.execute(sql: "ROLLBACK")
            }
        }
        thread.start()
        started.wait()
        return (thread, queue)
    }

    @Test func aSecondReconFailsClearlyAfterTheBusyTimeout() throws {
        let workspace = try TestWorkspace()
        let invoices = TestPaths.fixture("demo/invoices.csv")
        let holder = try Self.holdLock(workspace.path, seconds: 3)
        let started = Date()
        let result = try workspace.run(["import", "invoices", invoices], environment: ["RECON_BUSY_TIMEOUT": "0.5"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("another recon is working on this workspace (waited 0.5 s); nothing was changed"))
        #expect(Date().timeIntervalSince(started) < 2.5)
        _ = holder
        Thread.sleep(forTimeInterval: 3)
        #expect((try workspace.status()["currencies"] as? [String: Any])?.isEmpty == true)
    }

    @Test func aSecondReconWaitsForTheFirstWithinTheTimeout() throws {
        let workspace = try TestWorkspace()
        let holder = try Self.holdLock(workspace.path, seconds: 1)
        let started = Date()
        let result = try workspace.run(["import", "invoices", TestPaths.fixture("demo/invoices.csv")],
                                       environment: ["RECON_BUSY_TIMEOUT": "20"])
        _ = holder
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 0.9)
        #expect(try workspace.currency("NOK")["open_items"] as? Int == 28)
    }

    @Test func twoReconsImportingTheSameFilesAtOnceStoreEachTransactionOnce() throws {
        let workspace = try TestWorkspace()
        let files = [TestPaths.fixture("demo/statement.camt053.xml"), TestPaths.fixture("demo/bank.csv")]
        let group = DispatchGroup()
        let results = Results()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let result = try? workspace.run(["import", "bank"] + files, environment: ["RECON_BUSY_TIMEOUT": "30"])
                results.append(result)
                group.leave()
            }
        }
        group.wait()
        let outputs = results.values.compactMap { $0 }
        #expect(outputs.count == 2)
        #expect(outputs.allSatisfy { $0.status == 0 })
        let totals = outputs.map { $0.stdout.split(separator: "\n").last.map(String.init) ?? "" }.sorted()
        #expect(totals == ["total: 0 new, 27 already imported, 0 conflicting", "total: 26 new, 1 already imported, 0 conflicting"])
        let check = try workspace.run(["status", "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try workspace.currency("NOK")["not_matched"] as? Int == 24)
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [ProcessResult?] = []
    func append(_ value: ProcessResult?) { lock.withLock { values.append(value) } }
}

/// RECON_BUSY_TIMEOUT is seconds with up to three decimals, kept as whole milliseconds.
struct BusyTimeoutTests {
    @Test(arguments: [("0.5", 500), ("20", 20_000), ("1.25", 1_250), ("0.001", 1), ("0", 0), ("10.000", 10_000)])
    func secondsAreReadAsMilliseconds(text: String, milliseconds: Int) {
        #expect(Workspace.milliseconds(fromSeconds: text) == milliseconds)
    }

    @Test(arguments: ["", "-1", "1e3", ".5", "5.", "0.0001", "1,5", " 2", "abc"])
    func anythingElseIsNotATimeout(text: String) {
        #expect(Workspace.milliseconds(fromSeconds: text) == nil, "\(text)")
    }

    @Test(arguments: [(10_000, "10"), (500, "0.5"), (1_250, "1.25"), (1, "0.001"), (20_050, "20.05")])
    func theMessageShowsSeconds(milliseconds: Int, text: String) {
        #expect(WorkspaceError.seconds(milliseconds) == text)
    }
}

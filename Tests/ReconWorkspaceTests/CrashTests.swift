import Foundation
import ReconTestSupport
import Testing

/// kill -9 at random moments of a large import and match: the workspace is always as before the
/// command or as after it — never between — and finishing the work gives what a clean run gives.
///
/// Needs python3 and ../shared/bench/gen.py (skipped without). `make test` kills each command
/// `RECON_CRASH_RUNS` times (default 3) on `RECON_CRASH_ENTRIES` payments (default 2000).
@Suite(.enabled(if: BenchGenerator.path != nil, "python3 or ../shared/bench/gen.py is not present"))
struct CrashTests {
    static var generator: String? { BenchGenerator.path }

    static func setting(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }

    struct Inputs {
        let invoices: String
        let bank: String
    }

    static func generate(into directory: TemporaryDirectory) throws -> Inputs {
        let entries = setting("RECON_CRASH_ENTRIES", 2000)
        let result = try runTool(installedTool("python3")!, [generator!, "--size", "small", "--entries", String(entries),
                                                             "--out", directory.path + "/data"])
        #expect(result.status == 0, "\(result.stderr)")
        return Inputs(invoices: directory.path + "/data/invoices_small.csv", bank: directory.path + "/data/camt053_small.xml")
    }

    /// The status without the times of the last commands: counts, totals and balances.
    static func fingerprint(_ workspace: TestWorkspace) throws -> String {
        var status = try workspace.status()
        for key in status.keys where key.hasPrefix("last_") { status[key] = nil }
        let data = try JSONSerialization.data(withJSONObject: status, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts `recon ARGS` and SIGKILLs it after `delay` seconds (if it is still running); returns
    /// whether it was killed.
    static func kill(_ workspace: TestWorkspace, _ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        process.arguments = arguments + ["--workspace", workspace.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    static func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    @Test func killedImportsAndMatchesLeaveTheWorkspaceBeforeOrAfter() throws {
        let data = TemporaryDirectory()
        let inputs = try Self.generate(into: data)
        // The clean run, and the states a killed command may leave.
        let clean = try TestWorkspace()
        try clean.ok(["import", "invoices", inputs.invoices])
        let beforeImport = try Self.fingerprint(clean)
        let importTime = try Self.timed { try clean.ok(["import", "bank", inputs.bank, "--quiet"]) }
        let afterImport = try Self.fingerprint(clean)
        let matchTime = try Self.timed { try clean.ok(["match", "--quiet"]) }
        let afterMatch = try Self.fingerprint(clean)
        #expect(beforeImport != afterImport && afterImport != afterMatch)
        #expect(try clean.status()["balanced"] as? Bool == true)

        var killed = 0
        for run in 0..<Self.setting("RECON_CRASH_RUNS", 3) {
            let workspace = try TestWorkspace()
            try workspace.ok(["import", "invoices", inputs.invoices])
            for (command, duration, before, after) in [(["import", "bank", inputs.bank], importTime, beforeImport, afterImport),
                                                       (["match"], matchTime, afterImport, afterMatch)] {
                let delay = Double.random(in: 0.02...max(0.03, duration * 0.9))
                if try Self.kill(workspace, command, after: delay) { killed += 1 }
                let check = try workspace.run(["status", "--check"])
                #expect(check.status == 0, "run \(run), \(command[0]) killed after \(delay) s: \(check.stderr)")
                let state = try Self.fingerprint(workspace)
                #expect(state == before || state == after, "run \(run), \(command[0]) killed after \(delay) s: a state between")
                if state == before { try workspace.ok(command + ["--quiet"]) }
                #expect(try Self.fingerprint(workspace) == after, "run \(run), \(command[0]) finished after the kill")
            }
        }
        print("CrashTests: \(killed) of \(2 * Self.setting("RECON_CRASH_RUNS", 3)) commands killed while running")
        #expect(killed > 0, "no command was killed while running: the input is too small for this machine")
    }
}

/// `../shared/bench/gen.py`, when it and python3 are there.
enum BenchGenerator {
    static let path: String? = {
        let path = TestPaths.root + "/../shared/bench/gen.py"
        guard FileManager.default.fileExists(atPath: path), installedTool("python3") != nil else { return nil }
        return path
    }()
}

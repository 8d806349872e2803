import Foundation
import Testing
import ReconTestSupport

/// `recon reconcile` on a large generated input (`../shared/bench/gen.py`), killed with SIGKILL
/// after a random delay, again and again: every time, the output directory holds the complete
/// previous result or the complete new one. `RECON_FAULT_KILLS` sets how many kills (5 by default,
/// so that `make test` stays fast; 50 for the full test), `RECON_FAULT_ENTRIES` the size of the
/// input (5,000 bank entries by default), `RECON_FAULT_SEED` the random seed.
@Suite(.serialized) struct RandomKillTests {
    static let generator = TestPaths.root + "/../shared/bench/gen.py"
    static let available = FileManager.default.fileExists(atPath: generator) && installedTool("python3") != nil
    static let environment = ProcessInfo.processInfo.environment
    static let kills = environment["RECON_FAULT_KILLS"].flatMap { Int($0) } ?? 5
    static let entries = environment["RECON_FAULT_ENTRIES"].flatMap { Int($0) } ?? 5000
    static let seed = environment["RECON_FAULT_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64(UInt32.max))

    @Test(.enabled(if: available, "gen.py or python3 is not here"), .timeLimit(.minutes(30)))
    func killedAtRandomMomentsTheOutputIsTheOldOrTheNewResult() throws {
        let directory = TemporaryDirectory()
        let data = directory.path + "/data"
        let generated = try runTool(installedTool("python3")!, [Self.generator, "--size", "small", "--entries", String(Self.entries),
                                                                "--seed", "9", "--out", data])
        try #require(generated.status == 0, "\(generated.stderr)")
        let invoices = data + "/invoices_small.csv"
        // The previous result comes from the bank's CSV export, the new one from its camt.053.
        let previousRun = ["reconcile", "--invoices", invoices, "--bank", data + "/bank_small.csv", "--quiet"]
        let newRun = ["reconcile", "--invoices", invoices, "--bank", data + "/camt053_small.xml", "--quiet"]
        let out = directory.path + "/out"

        let started = ContinuousClock.now
        #expect(try runRecon(newRun + ["--out", out]).status == 0)
        let duration = ContinuousClock.now - started
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let new = KillTests.result(out)
        try FileManager.default.removeItem(atPath: out)
        #expect(try runRecon(previousRun + ["--out", out]).status == 0)
        let previous = KillTests.result(out)
        try #require(previous != new)

        var random = SplitMix64(seed: Self.seed)
        var verdicts: [String: Int] = [:]
        for round in 0..<Self.kills {
            try KillTests.restore(previous, into: out)
            // Half the kills anywhere in the run, half in its last third, where the files are written.
            let fraction = round % 2 == 0 ? random.fraction(in: 0...1.1) : random.fraction(in: 0.66...1.05)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.executable)
            process.arguments = newRun + ["--out", out]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: seconds * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let verdict = KillTests.verdict(out, previous: previous, new: new)
            verdicts[verdict, default: 0] += 1
            #expect(verdict == "previous" || verdict == "new",
                    "kill \(round + 1) after \(fraction) of the run (seed \(Self.seed)): \(verdict)")
        }
        print("RandomKillTests: \(Self.kills) kills, \(Self.entries) entries (seed \(Self.seed), a run takes \(duration)): \(verdicts)")

        #expect(try runRecon(newRun + ["--out", out]).status == 0)
        #expect(KillTests.verdict(out, previous: previous, new: new) == "new")
        #expect(Set(directory.files) == ["data", "out"], "leftovers of the killed runs: \(directory.files)")
    }
}

/// A random delay from the seeded generator, so that a failing sequence of kills can be replayed
/// (`RECON_FAULT_SEED`).
extension SplitMix64 {
    mutating func fraction(in range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }
}

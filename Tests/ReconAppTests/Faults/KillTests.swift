import Foundation
import Testing
import ReconTestSupport

/// `recon reconcile` killed (SIGKILL: no handler runs, as in a power cut or the OOM killer) leaves
/// the output directory holding the complete previous result or the complete new one, the user's
/// own file untouched; the next run removes what the killed one left beside it.
@Suite(.serialized) struct KillTests {
    /// A finished result: every file's bytes, without the user's file.
    typealias Result = [String: [UInt8]]

    static let userFile = "notes.txt"

    static func result(_ path: String) -> Result {
        var files = snapshot(path)
        files[userFile] = nil
        return files
    }

    /// Puts `result` and the user's file into `out` (emptied first), as a finished earlier run would.
    static func restore(_ result: Result, into out: String) throws {
        try? FileManager.default.removeItem(atPath: out)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (name, bytes) in result { FileManager.default.createFile(atPath: out + "/" + name, contents: Data(bytes)) }
        FileManager.default.createFile(atPath: out + "/" + userFile, contents: Data("mine".utf8))
    }

    /// Which of the two results `out` holds ("previous", "new"), or what is wrong with it.
    static func verdict(_ out: String, previous: Result, new: Result) -> String {
        guard FileManager.default.contents(atPath: out + "/" + userFile) == Data("mine".utf8) else {
            return "the user's file is gone"
        }
        let found = result(out)
        if found == previous { return "previous" }
        if found == new { return "new" }
        let mixed = Set(found.keys).union(new.keys).filter { found[$0] != new[$0] && found[$0] != previous[$0] }
        return "a mix: \(changes(from: previous, to: found)) changed, \(mixed.sorted()) neither old nor new"
    }

    /// recon killed at each step of the commit, on purpose (`RECON_TEST_KILL_AT`).
    @Test(arguments: [("written", "previous"), ("carried-over", "previous"), ("swapped", "new")])
    func killedAtAStepOfTheCommit(_ step: String, _ expected: String) throws {
        let demo = TestPaths.fixture("demo")
        let directory = TemporaryDirectory()
        let out = directory.path + "/out"
        let first = ["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv", "--quiet"]
        let second = first + ["--bank", demo + "/statement.camt053.xml"]
        #expect(try runRecon(second + ["--out", directory.path + "/new"]).status == 0)
        let new = Self.result(directory.path + "/new")
        try FileManager.default.removeItem(atPath: directory.path + "/new")
        #expect(try runRecon(first + ["--out", out]).status == 0)
        let previous = Self.result(out)
        try Self.restore(previous, into: out)

        let killed = try runRecon(second + ["--out", out], environment: ["RECON_TEST_KILL_AT": step])
        #expect(killed.status == 9, "killed by SIGKILL")
        #expect(Self.verdict(out, previous: previous, new: new) == expected)
        #expect(directory.files.count == 2, "the killed run's staging directory is still there: \(directory.files)")

        #expect(try runRecon(second + ["--out", out]).status == 0)
        #expect(Self.verdict(out, previous: previous, new: new) == "new")
        #expect(directory.files == ["out"], "the next run removed the leftover")
    }
}

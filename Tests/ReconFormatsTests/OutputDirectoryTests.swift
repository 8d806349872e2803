import Foundation
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// The output directory holds the complete previous result or the complete new one: files are
/// written beside it and the directories swapped at once; files recon did not write stay.
@Suite struct OutputDirectoryTests {
    func write(_ files: [String: String], to path: String) throws {
        let output = try OutputDirectory(path: path)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { try output.create(name).write(text) }
        try output.commit()
    }

    func contents(_ path: String) -> [String: String] {
        var result: [String: String] = [:]
        for name in TemporaryDirectory.list(path) {
            result[name] = (try? String(contentsOfFile: path + "/" + name, encoding: .utf8)) ?? "<not a file>"
        }
        return result
    }

    @Test func aNewDirectoryAppearsWhole() throws {
        let temporary = TemporaryDirectory()
        let output = try OutputDirectory(path: temporary.path + "/a/out")
        #expect(output.swapsDirectories)
        try output.create("one.csv").write("1\n")
        #expect(!FileManager.default.fileExists(atPath: temporary.path + "/a/out"), "nothing at the target before commit")
        try output.create("two.csv").write("2\n")
        try output.commit()
        #expect(contents(temporary.path + "/a/out") == ["one.csv": "1\n", "two.csv": "2\n"])
        #expect(TemporaryDirectory.list(temporary.path + "/a") == ["out"], "no staging directory left")
    }

    @Test func theNewResultReplacesTheOldAndTheUsersFilesStay() throws {
        let temporary = TemporaryDirectory()
        let out = temporary.path + "/out"
        try write(["journal.csv": "old\n", "summary.json": "{old}"], to: out)
        temporary.write("out/notes.txt", "mine")
        temporary.write("out/lo/exceptions.csv", "converted")
        try FileManager.default.createSymbolicLink(atPath: out + "/latest", withDestinationPath: "journal.csv")
        let notesInode = try FileManager.default.attributesOfItem(atPath: out + "/notes.txt")[.systemFileNumber] as? UInt64

        try write(["journal.csv": "new\n", "settlements.csv": "s\n"], to: out)
        #expect(contents(out) == ["journal.csv": "new\n", "latest": "new\n", "lo": "<not a file>", "notes.txt": "mine",
                                  "settlements.csv": "s\n", "summary.json": "{old}"])
        #expect(temporary.read("out/lo/exceptions.csv") == "converted")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/latest") == "journal.csv")
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/notes.txt")[.systemFileNumber] as? UInt64 == notesInode,
                "carried over by a hard link, not a copy")
        #expect(TemporaryDirectory.list(temporary.path) == ["out"])
    }

    @Test func anAbandonedRunLeavesThePreviousResultAsItWas() throws {
        let temporary = TemporaryDirectory()
        let out = temporary.path + "/out"
        try write(["journal.csv": "old\n"], to: out)
        do {
            let output = try OutputDirectory(path: out)
            try output.create("journal.csv").write("half")
            try output.create("settlements.csv").flush()
        }
        #expect(contents(out) == ["journal.csv": "old\n"])
        #expect(TemporaryDirectory.list(temporary.path) == ["out"])
    }

    @Test func leftoversOfKilledRunsAreRemovedOthersKept() throws {
        let temporary = TemporaryDirectory()
        let dead = try runTool("/bin/sh", ["-c", "echo $$"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        temporary.write(".out.recon-\(dead)-7/journal.csv", "half")
        temporary.write(".out.recon-\(getpid())-8/journal.csv", "a run of this process, still going")
        temporary.write(".other.recon-\(dead)-9/x", "another target's")
        try write(["journal.csv": "new\n"], to: temporary.path + "/out")
        #expect(TemporaryDirectory.list(temporary.path) == [".other.recon-\(dead)-9", ".out.recon-\(getpid())-8", "out"])
    }

    @Test func aSymbolicLinkToTheDirectoryStaysALink() throws {
        let temporary = TemporaryDirectory()
        try write(["journal.csv": "old\n"], to: temporary.path + "/real")
        try FileManager.default.createSymbolicLink(atPath: temporary.path + "/out", withDestinationPath: "real")
        try write(["journal.csv": "new\n"], to: temporary.path + "/out")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: temporary.path + "/out") == "real")
        #expect(temporary.read("real/journal.csv") == "new\n")
        #expect(TemporaryDirectory.list(temporary.path) == ["out", "real"])
    }

    @Test func aRegularFileIsNoDirectory() throws {
        let temporary = TemporaryDirectory()
        let file = temporary.write("plain", "x")
        #expect(throws: WriteError.self) { try OutputDirectory(path: file) }
        #expect(throws: WriteError.self) { try OutputDirectory(path: file + "/out") }
        #expect(temporary.read("plain") == "x")
    }

    @Test func theDirectoriesSwapInOneStep() throws {
        let temporary = TemporaryDirectory()
        temporary.write("a/one", "1")
        temporary.write("b/two", "2")
        #expect(DirectoryExchange.exchange(temporary.path + "/a", temporary.path + "/b") == .exchanged)
        #expect(temporary.read("a/two") == "2")
        #expect(temporary.read("b/one") == "1")
    }
}

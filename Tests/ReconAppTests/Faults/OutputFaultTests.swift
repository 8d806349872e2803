import Foundation
import Testing
import ReconTestSupport

/// Output that cannot be written: recon says where and why (exit 74) and the previous result stays
/// exactly as it was, with nothing left beside it.
@Suite struct OutputFaultTests {
    static let demo = TestPaths.fixture("demo")
    static let run = ["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/statement.camt053.xml",
                      "--bank", demo + "/bank.csv", "--quiet"]

    @Test func anOutputPathUnderARegularFile() throws {
        let directory = TemporaryDirectory()
        let file = directory.write("plain-file", "x")
        let result = try runRecon(Self.run + ["--out", file + "/out"])
        #expect(result.status == 74)
        #expect(result.stderr == "recon: \(file): not a directory\n")
        #expect(directory.files == ["plain-file"])
        #expect(directory.read("plain-file") == "x")
    }

    @Test(.enabled(if: TmpfsMount.isAvailable, "mounting a tmpfs is not allowed here"))
    func aReadOnlyFileSystem() throws {
        let mount = try #require(TmpfsMount(size: "1m"))
        let out = mount.path + "/out"
        #expect(try runRecon(Self.run + ["--out", out]).status == 0)
        let before = snapshot(mount.path)
        #expect(mount.makeReadOnly())
        let result = try runRecon(Self.run + ["--out", out])
        #expect(result.status == 74)
        #expect(result.stderr == "recon: \(out): cannot create a staging directory beside it: Read-only file system\n")
        #expect(changes(from: before, to: snapshot(mount.path)).isEmpty)
    }

    /// The disk fills up while the new result is written: the previous one is untouched, the
    /// staging directory is gone, and once there is room again the next run succeeds.
    @Test(.enabled(if: TmpfsMount.isAvailable, "mounting a tmpfs is not allowed here"))
    func aFullDisk() throws {
        let mount = try #require(TmpfsMount(size: "80k"))
        let out = mount.path + "/out"
        let previous = ["reconcile", "--invoices", Self.demo + "/invoices.csv", "--bank", Self.demo + "/bank.csv",
                        "--quiet", "--out", out]
        #expect(try runRecon(previous).status == 0)
        FileManager.default.createFile(atPath: out + "/notes.txt", contents: Data("mine".utf8))
        let before = snapshot(mount.path)

        let result = try runRecon(Self.run + ["--out", out])
        #expect(result.status == 74)
        // The workbook and the CSV files are written at the same time: either may meet the full disk
        // first. One line names it.
        let failed = result.stderr.wholeMatch(of: /recon: (.+)\/([a-z.-]+): write failed: No space left on device\n/)
        #expect(failed?.1 == Substring(out), "\(result.stderr)")
        #expect(changes(from: before, to: snapshot(mount.path)).isEmpty)
        #expect(TemporaryDirectory.list(mount.path) == ["out"])

        for name in TemporaryDirectory.list(out) where name != "notes.txt" {
            try FileManager.default.removeItem(atPath: out + "/" + name)
        }
        #expect(try runRecon(Self.run + ["--out", out]).status == 0)
        #expect(TemporaryDirectory.list(out).count == 10)
        #expect(TemporaryDirectory.list(mount.path) == ["out"])
        #expect(FileManager.default.contents(atPath: out + "/notes.txt") == Data("mine".utf8))
    }
}

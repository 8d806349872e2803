import Foundation
import Testing
import ReconTestSupport

/// Each hostile input gets its exact message (with its location) and its documented exit status,
/// and the output directory, which holds a previous result and a file of the user's, is exactly as
/// it was: no half-written file, no staging directory left beside it.
@Suite struct HostileInputTests {
    static let all = HostileInput.xml + HostileInput.mt940 + HostileInput.csv + HostileInput.files

    @Test(arguments: all)
    func refusedWithItsLocationAndNothingWritten(_ input: HostileInput) throws {
        let directory = TemporaryDirectory()
        let file = directory.write(input.fileName, bytes: input.bytes())
        let out = directory.path + "/out"
        directory.write("out/journal.csv", "the previous run's journal\n")
        directory.write("out/notes.txt", "mine")
        let before = snapshot(out)

        let result = try runRecon(input.arguments(file: file, out: out))
        #expect(result.status == input.status)
        let expected = input.stderr.map { "recon: " + $0.replacingOccurrences(of: "FILE", with: file) }
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if input.name == "a file of NUL bytes" {
            // The rest of that line lists every format tried.
            #expect(lines.count == 1 && lines[0].hasPrefix(expected[0]), "\(result.stderr)")
        } else {
            #expect(lines == expected)
        }
        #expect(changes(from: before, to: snapshot(out)).isEmpty, "the output directory changed")
        #expect(Set(directory.files) == [input.fileName, "out"], "something was left beside the output directory")
    }

    /// Under the limit, a long field is data: a 1,000,000-byte payment text is read and written out.
    @Test func aOneMegabyteFieldIsRead() throws {
        let directory = TemporaryDirectory()
        let text = String(repeating: "x", count: 1_000_000)
        let bank = directory.write("long.csv", HostileInput.csvHeader + "2025-03-19,2025-03-19,4200.00,NOK,A,,,\(text),NB1\n")
        let result = try runRecon(["reconcile", "--invoices", HostileInput.demo + "/invoices.csv", "--bank", bank,
                                   "--out", directory.path + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(directory.read("out/exceptions.csv")?.contains("," + text + ",") == true)
    }

    /// A bank CSV or MT940 file that is not UTF-8 is read in the bank's code page, with a warning
    /// (docs/formats.md): every field is then text, none is lost.
    @Test(arguments: [
        ("latin.csv", HostileInput.csvHeader + "2025-03-19,2025-03-19,4200.00,NOK,Bj#rn,NO45907866661#0,1001#0,Faktura#,NB#1\n",
         "warning: FILE:1: not UTF-8 as profile generic says: read as Windows-1252"),
        ("latin.sta", ":20:X#\n:25:NO7215036123459\n:60F:C250301NOK1,00\n:61:2503010301C1,00NTRFNONREF//B#1\n:86:Bj#rn\n:62F:C250301NOK2,00\n",
         "warning: FILE:1: not UTF-8: read as ISO-8859-1 (a profile such as mt940-cp852 declares another encoding)"),
    ])
    func bankFilesInACodePageAreReadWithAWarning(_ name: String, _ text: String, _ warning: String) throws {
        let directory = TemporaryDirectory()
        let bank = directory.write(name, bytes: HostileBytes.text(text, replacing: "#", with: [0xF8]))
        let result = try runRecon(["reconcile", "--invoices", HostileInput.demo + "/invoices.csv", "--bank", bank,
                                   "--quiet", "--out", directory.path + "/out"])
        #expect(result.status == 0)
        #expect(result.stderr == warning.replacingOccurrences(of: "FILE", with: bank) + "\n")
        let listed = (directory.read("out/exceptions.csv") ?? "") + (directory.read("out/other-entries.csv") ?? "")
        #expect(listed.contains("Bjørn") || listed.contains("1001ø0"), "\(listed)")
    }
}

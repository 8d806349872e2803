import Foundation
import Testing
import ReconFormats
import ReconTestSupport

/// docs/formats.md and the README show the files the tests run and the figures they produce, verbatim.
@Suite struct DocumentationTests {
    let formats = (try? String(contentsOfFile: TestPaths.root + "/docs/formats.md", encoding: .utf8)) ?? ""

    @Test(arguments: ["statement.camt053.xml", "statement.sta", "bank.csv"])
    func theExamplesAreTheInspectFixtures(_ file: String) throws {
        let text = try String(contentsOfFile: TestPaths.fixture("inspect/" + file), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(formats.contains(text.trimmingCharacters(in: .newlines)), "docs/formats.md does not show \(file)")
    }

    @Test func theProfileExampleIsTheBuiltInOne() throws {
        let toml = try String(contentsOfFile: TestPaths.root + "/templates/banks/no-bank.toml", encoding: .utf8)
        #expect(formats.contains(toml.trimmingCharacters(in: .newlines)))
    }

    @Test func everyBuiltInProfileIsNamed() {
        for profile in ProfileCatalog.builtIn {
            #expect(formats.contains("`\(profile.name)`"), "\(profile.name)")
        }
    }

    /// The README's tour shows real output: every line of its CSV excerpts is a line of the demo's
    /// golden file (which DemoGoldenTests keep equal to what `make demo` writes).
    @Test(arguments: ["settlements.csv", "journal.csv", "exceptions.csv", "open-items.csv", "other-entries.csv"])
    func theReadmeExcerptsAreTheDemoOutput(_ file: String) throws {
        let readme = try String(contentsOfFile: TestPaths.root + "/README.md", encoding: .utf8)
        let golden = try String(contentsOfFile: TestPaths.fixture("demo/expected/" + file), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let intro = try #require(readme.range(of: "`\(file)` —"), "README shows no \(file)")
        let fence = try #require(readme.range(of: "```\n", range: intro.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: fence.upperBound..<readme.endIndex))
        let excerpt = readme[fence.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        #expect(!excerpt.isEmpty)
        for line in excerpt { #expect(golden.contains(line), "README \(file): \(line)") }
    }

    @Test func theReadmeSummaryFiguresAreTheDemoOutput() throws {
        let readme = try String(contentsOfFile: TestPaths.root + "/README.md", encoding: .utf8)
        let summary = try String(contentsOfFile: TestPaths.fixture("demo/expected/summary.json"), encoding: .utf8)
        for figure in ["\"received\": \"119198.75\"", "\"applied\": \"101048.75\"", "\"in_exceptions\": \"17850.00\"",
                       "\"transactions\": 25", "\"receipts\": 20", "\"settled\": 17"] {
            #expect(readme.contains(figure) && summary.contains(figure), "\(figure)")
        }
    }

    @Test func theConformanceTableIsTheGoldenFile() throws {
        let summary = try String(contentsOfFile: TestPaths.fixture("conformance/summary.txt"), encoding: .utf8)
        for line in summary.components(separatedBy: "\n\n")[0].split(separator: "\n").dropFirst() {
            let format = line.prefix(17).trimmingCharacters(in: .whitespaces)
            let figures = line.dropFirst(17).trimmingCharacters(in: .whitespaces)
            #expect(formats.contains("| \(format) | \(figures) |"), "\(format): \(figures)")
        }
    }
}

import Foundation
import Testing
import ReconFormats
import ReconTestSupport

/// docs/formats.md shows the files the tests run and the figures they produce, verbatim.
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

    @Test func theConformanceTableIsTheGoldenFile() throws {
        let summary = try String(contentsOfFile: TestPaths.fixture("conformance/summary.txt"), encoding: .utf8)
        for line in summary.components(separatedBy: "\n\n")[0].split(separator: "\n").dropFirst() {
            let format = line.prefix(17).trimmingCharacters(in: .whitespaces)
            let figures = line.dropFirst(17).trimmingCharacters(in: .whitespaces)
            #expect(formats.contains("| \(format) | \(figures) |"), "\(format): \(figures)")
        }
    }
}

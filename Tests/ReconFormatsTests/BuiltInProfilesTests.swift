import Foundation
import Testing
import ReconCore
@testable import ReconFormats
import ReconTestSupport

/// The built-in profiles are compiled from `templates/banks/*.toml`: this test renders the Swift
/// source from the templates and fails when `BuiltInProfiles.swift` differs (RECON_RECORD=1
/// rewrites it), and checks that every template parses and names itself after its file.
@Suite struct BuiltInProfilesTests {
    static let directory = TestPaths.root + "/templates/banks"

    static var templates: [(name: String, toml: String)] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
        return files.map { file in
            (String(file.dropLast(5)), try! String(contentsOfFile: directory + "/" + file, encoding: .utf8))
        }
    }

    static func render(_ templates: [(name: String, toml: String)]) -> String {
        var source = """
            // Generated from templates/banks/*.toml by BuiltInProfilesTests; RECON_RECORD=1 rewrites it. Do not edit.

            /// The built-in bank profiles, compiled in so that an installed `recon` needs no files beside it.
            enum BuiltInProfiles {
                static let sources: [(name: String, toml: String)] = [

            """
        for template in templates {
            var toml = template.toml
            while toml.hasSuffix("\n") { toml.removeLast() }
            source += "        (\"\(template.name)\", #\"\"\"\n\(toml)\n\"\"\"#),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    @Test func theCompiledProfilesAreTheTemplates() {
        let templates = Self.templates
        #expect(templates.count >= 12)
        Golden.check(Self.render(templates), packageFile: "Sources/ReconFormats/Profiles/BuiltInProfiles.swift")
    }

    @Test(arguments: BuiltInProfilesTests.templates.map(\.name))
    func templateParsesAndIsNamedAfterItsFile(_ name: String) throws {
        let toml = try #require(Self.templates.first { $0.name == name }).toml
        let profile = try BankProfile.parse(toml: toml, path: name + ".toml", defaultName: "-")
        #expect(profile.name == name)
        #expect(!profile.description.isEmpty)
    }

    @Test func everyBuiltInIsListedOnceAndSorted() {
        let names = ProfileCatalog.builtIn.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.contains("generic") && names.contains("no-bank") && names.contains("no-bank-kid"))
    }
}

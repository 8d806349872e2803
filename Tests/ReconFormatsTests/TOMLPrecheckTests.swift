import Testing
import ReconCore
@testable import ReconFormats

/// TOMLKit's parser aborts the process on a table header without a name (found by fuzzing, see
/// `TOMLPrecheck`): recon refuses those first, with their location, and lets every valid use of
/// `[` through — arrays and strings spanning lines included.
@Suite struct TOMLPrecheckTests {
    @Test(arguments: [("[\n", "c.toml:1:2"), ("[.a]\n", "c.toml:1:2"), ("[ .a]\n", "c.toml:1:3"), ("[[#]]\n", "c.toml:1:3"),
                      ("[accounts]\nbank = \"1\"\n[=]\n", "c.toml:3:2"), ("x = \"[#\"\n[\r\n", "c.toml:2:2")])
    func headersWithoutANameAreRefusedBeforeTOMLKitSeesThem(_ text: String, _ location: String) {
        let expected = "\(location): a table header needs a name after '[' (a bare key or a quoted one)"
        #expect(readError { _ = try ConfigReader.parse(text, path: "c.toml") }.map(\.description) == [expected])
        #expect(readError { _ = try BankProfile.parse(toml: text, path: "c.toml", defaultName: "c") }.map(\.description) == [expected])
    }

    @Test(arguments: [("x = [}\n", "c.toml:1:6"), ("x = [1, }\n", "c.toml:1:9"), ("x = [[}]]\n", "c.toml:1:7"),
                      ("x = [ # a comment\n}]\n", "c.toml:2:1"), ("x = { a = [}] }\n", "c.toml:1:12")])
    func aBraceWhereAnArrayExpectsAValueIsRefused(_ text: String, _ location: String) {
        let expected = "\(location): '}' where the array expects a value or ']'"
        #expect(readError { _ = try ConfigReader.parse(text, path: "c.toml") }.map(\.description) == [expected])
        #expect(readError { _ = try BankProfile.parse(toml: text, path: "c.toml", defaultName: "c") }.map(\.description) == [expected])
    }

    @Test(arguments: ["[accounts]\n", "x = [\"}\"]\n", "x = [{ a = 1 }, { b = [2] }]\n", "x = [1 }\n", "[ \"quoted\" ]\n", "[[a.b]]\n", "x = [\n[# a comment\n1],\n]\n",
                      "x = \"\"\"\n[#]\n\"\"\"\n", "x = '''\n[.\n'''\n", "x = { a = [\n[1]] }\n", "# [#]\n", "[\t]\n", "["])
    func everyOtherUseOfABracketGoesThrough(_ text: String) throws {
        try TOMLPrecheck.check(text, path: "c.toml")
    }
}

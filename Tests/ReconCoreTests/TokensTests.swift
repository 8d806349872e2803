import Testing
import ReconTestSupport
@testable import ReconCore

/// `ReferenceExtractor.asciiTokens` reads ASCII text by bytes; its tokens (keys and whether each
/// joins the one before) must be those of the character path, and it must leave any other text to it.
@Suite struct TokensTests {
    static func same(_ lhs: [ReferenceExtractor.Token], _ rhs: [ReferenceExtractor.Token]) -> Bool {
        lhs.map(\.key) == rhs.map(\.key) && lhs.map(\.joinable) == rhs.map(\.joinable)
    }

    @Test(arguments: [
        "", " ", "Vipps", "INV-10 23", "inv 2024-0001, faktura 77", "  lead and trail  ", "a--b", "a -b",
        "KID 1234567890123\r\nref 42", "a\nb\rc\r\nd", "x_y.z/1:2;3", "ABC123def456", "100,00 NOK", "0042",
        "Faktura nr. 20001281 og 20001282", "15 characters!!", "a sixteen-byte token: ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    ])
    func asciiTextGivesTheCharacterPathsTokens(text: String) throws {
        let ascii = try #require(ReferenceExtractor.asciiTokens(of: text))
        #expect(Self.same(ascii, ReferenceExtractor.unicodeTokens(of: text)), "\(text)")
    }

    @Test(arguments: ["Overføring innland", "é", "12\u{0301}3", "Betaling – faktura 12"])
    func otherTextIsLeftToTheCharacterPath(text: String) {
        #expect(ReferenceExtractor.asciiTokens(of: text) == nil)
        #expect(Self.same(ReferenceExtractor.tokens(of: text), ReferenceExtractor.unicodeTokens(of: text)))
    }

    @Test func randomAsciiTextAgrees() throws {
        var generator = SplitMix64(seed: 20261207)
        let pieces = ["0", "7", "A", "z", "q", "-", " ", "  ", "\n", "\r\n", "\r", "/", ".", ",", "INV", "2024", "\t", "_", "~"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let ascii = try #require(ReferenceExtractor.asciiTokens(of: text))
            #expect(Self.same(ascii, ReferenceExtractor.unicodeTokens(of: text)), "\(text.unicodeScalars.map(\.value))")
        }
    }
}

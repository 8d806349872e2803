import Testing
import ReconTestSupport
@testable import ReconFormats

@Suite struct CollapsedTextTests {
    /// The check goes sixteen bytes at a time; it answers as one that goes a byte at a time, and
    /// collapsing a text it passes changes nothing.
    @Test func aTextIsCollapsedExactlyWhenItHasNothingToCollapse() {
        func expected(_ text: String) -> Bool {
            var previousSpace = true
            for byte in text.utf8 {
                if byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return false }
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return !previousSpace || text.isEmpty
        }
        // Half the texts have only letters and spaces, so that the rarer bytes do not decide them all.
        let spaced: [Character] = ["a", "a", "a", "a", "ø", "é", " "]
        let other = spaced + ["\t", "\n", "\u{A0}", "\u{2003}", "\u{1680}", "\u{3000}", "\u{85}"]
        var random = SplitMix64(seed: 20261207)
        var collapsed = 0
        for round in 0..<20_000 {
            let alphabet = round % 2 == 0 ? spaced : other
            let text = String((0..<Int.random(in: 0...50, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(text.isCollapsed == expected(text), "\(Array(text.utf8))")
            if text.isCollapsed {
                collapsed += 1
                #expect(text.collapsingWhitespace() == text)
            }
        }
        #expect(collapsed > 1_000 && collapsed < 19_000)  // both answers were tried
    }
}

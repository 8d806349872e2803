import Testing
import ReconTestSupport
@testable import ReconFormats

@Suite struct SheetWriterTests {
    @Test(arguments: [
        ("Invoice 10007", false), ("Kari Nordmann", false), ("X", false), ("Ærlig & Co", false),
        (" leading", true), ("trailing ", true), ("two  spaces", true), ("tab\there", true),
        ("line\nbreak", true), ("cr\rhere", true), (" ", true),
    ])
    func whiteSpaceIsPreservedWhereAProgramWouldLoseIt(text: String, preserve: Bool) {
        #expect(SheetWriter.needsPreserve(text) == preserve, "\(text)")
    }

    /// The check goes sixteen bytes at a time; it answers as one that goes a byte at a time, for
    /// white space anywhere in texts of every length around that.
    @Test func preserveIsFoundWhereverTheWhiteSpaceFalls() {
        func expected(_ text: String) -> Bool {
            var previousWasSpace = true
            for byte in text.utf8 {
                switch byte {
                case 0x09, 0x0A, 0x0D: return true
                case 0x20:
                    if previousWasSpace { return true }
                    previousWasSpace = true
                default: previousWasSpace = false
                }
            }
            return previousWasSpace
        }
        // Half the texts have only letters and spaces, so that a line break does not decide them all.
        let spaced: [Character] = ["a", "a", "a", "a", "a", "ø", " "], broken = spaced + ["\t", "\n", "\r"]
        var random = SplitMix64(seed: 20261206)
        var preserved = 0
        for round in 0..<20_000 {
            let alphabet = round % 2 == 0 ? spaced : broken
            let text = String((0..<Int.random(in: 0...50, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(SheetWriter.needsPreserve(text) == expected(text), "\(Array(text.utf8))")
            if expected(text) { preserved += 1 }
        }
        #expect(preserved > 1_000 && preserved < 19_000)  // both answers were tried
    }

    /// Cell text is escaped as XML 1.0 requires, scalar by scalar: markup characters as entities,
    /// CR as a character reference, tab and LF kept, the other controls and U+FFFE/U+FFFF as U+FFFD.
    @Test func textIsEscapedAsTheXMLRulesSayScalarByScalar() {
        func expected(_ text: String) -> [UInt8] {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\r": out += "&#13;"
                case "\t", "\n": out.unicodeScalars.append(scalar)
                case _ where scalar.value < 0x20, "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return Array(out.utf8)
        }
        // Each with its neighbours in UTF-8: U+F000 and U+FEFF start with EF as U+FFFE does.
        let alphabet: [Unicode.Scalar] = ["a", "Æ", "&", "<", ">", "\"", "'", "\r", "\n", "\t", "\u{0}", "\u{1F}",
                                          "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{F000}", "\u{FEFF}", "😀", " "]
        var random = SplitMix64(seed: 20261122)
        for round in 0..<20_000 {
            // Short texts, and longer ones mostly of letters: plain runs of sixteen bytes and more
            // are passed over whole, and a special scalar may fall anywhere in or across them.
            var text = ""
            for _ in 0..<Int.random(in: round % 2 == 0 ? 0...8 : 14...60, using: &random) {
                let plain = round % 2 == 1 && Int.random(in: 0..<4, using: &random) > 0
                text.unicodeScalars.append(plain ? "a" : alphabet.randomElement(using: &random)!)
            }
            var written: [UInt8] = [0x3E]  // appended to what is there
            SheetWriter.appendEscaped(text, to: &written)
            #expect(written == [0x3E] + expected(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func aCellSaysPreserveOnlyWhenItNeedsTo() {
        var writer = SheetWriter()
        writer.row([(.text("plain words"), .plain), (.text(" padded "), .plain)])
        let xml = String(decoding: writer.xml, as: UTF8.self)
        #expect(xml.contains("<c r=\"A1\" t=\"inlineStr\"><is><t>plain words</t></is></c>"))
        #expect(xml.contains("<c r=\"B1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> padded </t></is></c>"))
    }
}

@Suite struct CSVFormulaTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", true), ("+47 22 00 00 00", true), ("-5", true), ("@SUM(A1)", true),
        ("\tx", true), ("\rx", true), ("'=x", true), ("''+x", true),
        ("Kari Nordmann", false), ("Invoice 10007", false), ("'quoted'", false), ("", false), ("a=b", false),
    ])
    func textThatStartsLikeAFormulaIsNeutralised(text: String, neutralised: Bool) {
        #expect(CSVWriter.looksLikeFormula(text) == neutralised, "\(text)")
        let written = neutralised ? "'" + text : text
        #expect(DecisionsReader.unneutralized(written) == text, "\(text)")
    }
}

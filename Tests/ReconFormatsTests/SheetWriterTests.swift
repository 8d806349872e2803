import Testing
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

import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// A bank CSV row's payer name, KID, end-to-end id and text are put into the transaction straight
/// from the fields' bytes when no extraction or SEPA keyword may change them, and through strings
/// otherwise (`ProfileCSVReader.readRow`). Both must give the same transactions.
@Suite struct RowTextsTests {
    static let head = """
        name = "texts"
        description = "test"
        delimiter = ";"
        currency = "NOK"
        date_formats = ["dd.mm.yyyy"]
        [columns]
        booking_date = "Dato"
        amount = "Belop"
        payer_name = "Betaler"
        structured_ref = "KID"
        end_to_end_id = "E2E"
        bank_ref = "Ref"
        text = ["Forklaring", "Melding"]
        [amounts]
        decimal = ","

        """
    /// An extraction that finds nothing: it only sends every row down the strings' way.
    static let extraction = """
        [extract]
        account = { column = "Melding", pattern = "NEVER-([0-9]+)-NEVER" }

        """

    @Test func textsReadAsBytesAreTheTextsReadAsStrings() throws {
        let pieces = ["Kari", "Nordmann", "ø", "10010", "AS", " ", " ", "  ", "\t", "\u{A0}", "\u{2003}", "-"]
        let whole = ["", "", "NOTPROVIDED", "NONREF", " NOTPROVIDED ", "E2E00000000000000AB"]
        var random = SplitMix64(seed: 20261207)
        func field() -> String {
            if Int.random(in: 0..<4, using: &random) == 0 { return whole.randomElement(using: &random)! }
            return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        var csv = "Dato;Belop;Betaler;KID;E2E;Ref;Forklaring;Melding\n"
        for row in 0..<2_000 {
            let fields = (0..<5).map { _ in field() }.map { "\"\($0)\"" }
            csv += "01.02.2025;\(row),00;\(fields[0]);\(fields[1]);\(fields[2]);R\(row);\(fields[3]);\(fields[4])\n"
        }
        let asBytes = try readCSV(csv, try profile(toml: Self.head)).transactions
        let asStrings = try readCSV(csv, try profile(toml: Self.head + Self.extraction)).transactions
        #expect(asBytes.count == 2_000 && asStrings.count == 2_000)
        for (bytes, strings) in zip(asBytes, asStrings) {
            #expect(bytes == strings, "line \(bytes.origin.line)")
            #expect(bytes.text == strings.text && bytes.endToEndId == strings.endToEndId)
        }
        // The rows tried what matters: texts of both columns joined, texts collapsed, placeholders dropped.
        #expect(asBytes.filter { $0.text.contains(" ") && !$0.text.contains("  ") }.count > 500)
        #expect(asBytes.filter { $0.endToEndId == nil }.count > 200)
        #expect(asBytes.filter { $0.payerName == nil }.count > 100)
        #expect(asBytes.contains { $0.endToEndId == "E2E00000000000000AB" })
    }
}

import Testing
import ReconTestSupport
import ReconCore
@testable import ReconFormats

@Suite struct HTMLReportLimitTests {
    @Test func longTablesAreCutWithANote() {
        let row = Settlement(entryId: "E", bankRef: "B", bookingDate: CalendarDate(iso: "2025-01-01")!, invoiceId: "I",
                             customerId: "C", paid: Money(minorUnits: 100, currency: .EUR), cashDiscount: .zero(.EUR),
                             writeOff: .zero(.EUR), openBefore: Money(minorUnits: 100, currency: .EUR), openAfter: .zero(.EUR),
                             kind: .exact)
        let rows = Array(repeating: row, count: HTMLReportWriter.maxSettlementRows + 3)
        let html = HTMLReportWriter.settlementsTable(rows)
        #expect(html.contains("The first 5000 of 5003 rows; all of them are in settlements.csv."))
        #expect(html.components(separatedBy: "<tr data-kind=").count - 1 == HTMLReportWriter.maxSettlementRows)
        #expect(!HTMLReportWriter.settlementsTable(Array(rows.prefix(3))).contains("The first"))
    }
}

/// The HTML report escapes text scalar by scalar: the five characters markup gives a meaning to
/// become entities, everything else stays as it is.
@Suite struct HTMLEscapeTests {
    @Test func theFiveMarkupCharactersAndNothingElseAreEscaped() {
        func expected(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let alphabet: [Unicode.Scalar] = ["a", "Æ", "&", "<", ">", "\"", "'", " ", ";", "#", "😀", "\n"]
        var random = SplitMix64(seed: 8)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &random) {
                text.unicodeScalars.append(alphabet.randomElement(using: &random)!)
            }
            #expect(HTMLReportWriter.escape(text) == expected(text), "\(text)")
        }
    }
}

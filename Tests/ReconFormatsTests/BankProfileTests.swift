import Testing
import ReconCore
@testable import ReconFormats

/// The profile file format: every mistake is reported with its key and line.
@Suite struct BankProfileTests {
    @Test func readsEveryPartOfAProfile() throws {
        let parsed = try profile(toml: """
            name = "full"
            description = "all keys"
            encoding = "windows-1252"
            delimiter = ";"
            quote = "'"
            header = true
            currency = "EUR"
            date_formats = ["dd.mm.yyyy", "yyyymmdd"]
            [columns]
            booking_date = "Datum"
            amount = { name = "Betrag", occurrence = -1 }
            indicator = 3
            text = ["A", "B"]
            [amounts]
            decimal = ","
            thousands = ["."]
            sign = "indicator"
            credit_values = ["C"]
            debit_values = ["D"]
            [rows]
            skip_zero = true
            skip = [{ column = "Datum", pattern = "^Saldo" }]
            pending = [{ column = "Info", pattern = "vorgemerkt" }]
            """)
        #expect(parsed.name == "full")
        #expect(parsed.encoding == .windows1252)
        #expect(parsed.delimiters == [UInt8(ascii: ";")])
        #expect(parsed.quote == UInt8(ascii: "'"))
        #expect(parsed.columns[.amount] == [BankProfile.Column(name: "Betrag", occurrence: -1)])
        #expect(parsed.columns[.indicator] == [BankProfile.Column(index: 3)])
        #expect(parsed.columns[.text]?.count == 2)
        #expect(parsed.sign == .indicator(credit: ["C"], debit: ["D"]))
        #expect(parsed.skipZero)
        #expect(parsed.requiredHeaderNames == ["a", "b", "betrag", "datum"])
    }

    @Test func mistakesAreNamedWithTheirLine() {
        let findings = readError {
            _ = try profile(toml: """
                name = "Bad Name"
                delimitr = ";"
                encoding = "ebcdic"
                date_formats = ["qq.mm"]
                [columns]
                booking_date = "Datum"
                amont = "Betrag"
                [amounts]
                sign = "both"
                """)
        }
        let lines = findings.map { "\($0.location.line): \($0.message)" }.sorted()
        #expect(lines.count == 6, "\(lines)")
        #expect(lines.contains("1: name: must be lowercase letters, digits and '-'"))
        #expect(lines.contains { $0.hasPrefix("2: delimitr: unknown key") })
        #expect(lines.contains { $0.hasPrefix("3: encoding: must be one of") })
        #expect(lines.contains { $0.hasPrefix("4: date_formats: 'qq.mm' is not a date layout") })
        #expect(lines.contains { $0.hasPrefix("7: [columns] amont: unknown key") })
        #expect(lines.contains { $0.hasPrefix("9: [amounts] sign: must be one of") })
    }

    /// Found by fuzzing: `occurrence = -2` was accepted and then indexed an array at -3 (a crash).
    @Test(arguments: [-2, 0, -100])
    func anOccurrenceIsOneTwoOrTheLast(_ occurrence: Int) {
        let findings = readError {
            _ = try BankProfile.parse(toml: """
                currency = "EUR"
                date_formats = ["yyyy-mm-dd"]
                [columns]
                booking_date = "Date"
                amount = { name = "Amount", occurrence = \(occurrence) }
                """, path: "p.toml", defaultName: "p")
        }
        #expect(findings.map(\.description)
                == ["p.toml:5: [columns] amount: a column needs a name or a 1-based index (occurrence: 1, 2 … or -1 for the last)"])
    }

    @Test func aProfileMustSayWhereDateAmountAndCurrencyAre() {
        let findings = readError {
            _ = try profile(toml: "description = \"x\"\n[amounts]\nsign = \"debit_credit\"\n")
        }
        let messages = findings.map(\.message)
        #expect(messages.contains("[columns] booking_date: is required (the booking date)"))
        #expect(messages.contains("[columns] debit: is required with sign = \"debit_credit\""))
        #expect(messages.contains("currency: is required when no currency column is mapped"))
        #expect(messages.contains("date_formats: is required (e.g. [\"dd.mm.yyyy\"])"))
    }

    @Test func aBrokenRegularExpressionIsRefused() {
        let findings = readError {
            _ = try profile(toml: "currency = \"EUR\"\ndate_formats = [\"yyyy-mm-dd\"]\n[columns]\nbooking_date = 1\namount = 2\n[rows]\nskip = [{ column = 1, pattern = \"(\" }]\n")
        }
        #expect(findings.first?.message.hasPrefix("[rows] skip: '(' is not a regular expression") == true)
    }
}

import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

@Suite struct ConfigReaderTests {
    @Test func readsAccountsAndSettlement() throws {
        let config = try ConfigReader.parse("""
            [accounts]
            bank = "1930"
            suspense = "2999"

            [settlement]
            max_underpayment = "0.05"
            cash_discount_administration = "unspecific"
            discount_on_partial_payments = false
            rounding = "half-even"
            """, path: "c.toml")
        #expect(config.accounts.bank == "1930")
        #expect(config.accounts.receivable == "1500")
        #expect(config.accounts.suspense == "2999")
        #expect(config.settlement.maxUnderpayment.money(in: .EUR).minorUnits == 5)
        #expect(config.settlement.maxUnderpayment.money(in: .JPY).minorUnits == 0)
        #expect(config.settlement.cashDiscountAdministration == .unspecific)
        #expect(!config.settlement.discountOnPartialPayments)
        #expect(config.settlement.rounding == .halfEven)
    }

    @Test func unknownKeysAndWrongTypesNameTheirLine() {
        let findings = readError {
            _ = try ConfigReader.parse("""
                # comment
                [accounts]
                bank = "1930"
                recievable = "1500"

                [settlement]
                max_overpayment = 0.05
                rounding = "up"

                [output]
                x = 1
                """, path: "c.toml")
        }
        #expect(findings.map(\.description).sorted() == [
            "c.toml:10: output: unknown table [output] (known: [accounts], [settlement], [matching])",
            "c.toml:4: [accounts] recievable: unknown key (known: bank, receivable, cash_discount, over_underpayment, refund_payable, suspense)",
            "c.toml:7: [settlement] max_overpayment: must be a non-negative amount written as a string, e.g. \"0.05\" (never a float)",
            "c.toml:8: [settlement] rounding: must be one of \"half-up\", \"half-even\", \"toward-zero\"",
        ])
    }

    @Test func readsMatching() throws {
        let config = try ConfigReader.parse("""
            [matching]
            auto_threshold = 80
            allocate_by_customer = false
            invoice_patterns = ["Rechnung (\\\\d+)"]
            """, path: "c.toml")
        #expect(config.matching.autoThreshold == 80)
        #expect(!config.matching.allocateByCustomer)
        #expect(config.matching.invoicePatterns == ["Rechnung (\\d+)"])
        let findings = readError {
            _ = try ConfigReader.parse("[matching]\nauto_threshold = 101\ninvoice_patterns = [\"(\"]\n", path: "c.toml")
        }
        #expect(findings.map(\.description).first == "c.toml:2: [matching] auto_threshold: must be a whole number from 0 to 100")
        #expect(findings.count == 2)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let findings = readError { _ = try ConfigReader.parse("[accounts]\nbank = \n", path: "c.toml") }
        #expect(findings.first?.location.file == "c.toml")
        #expect(findings.first?.location.line == 2)
    }
}

@Suite struct WriterTests {
    @Test func csvQuotesOnlyWhatNeedsIt() throws {
        let temporary = TemporaryDirectory()
        let directory = try OutputDirectory(path: temporary.path + "/out")
        let writer = try directory.create("x.csv")
        var csv = CSVWriter(writer)
        try csv.header(["a", "b", "c", "d", "e"])
        try csv.field("plain")
        try csv.field("with,comma")
        try csv.field("say \"hi\"")
        try csv.field(Money(minorUnits: -5, currency: .EUR))
        try csv.field(String?.none)
        try csv.endRecord()
        try directory.commit()
        let text = try String(decoding: FileByteSource(path: directory.path + "/x.csv").readAll(), as: UTF8.self)
        #expect(text == "a,b,c,d,e\nplain,\"with,comma\",\"say \"\"hi\"\"\",-0.05,\n")
    }

    @Test func abandonedOutputLeavesNothingBehind() throws {
        let temporary = TemporaryDirectory()
        do {
            let directory = try OutputDirectory(path: temporary.path + "/out/nested")
            try directory.create("a.csv").write("half")
            try directory.create("b.csv").flush()
        }
        #expect(temporary.files == ["out"])
        #expect(TemporaryDirectory.list(temporary.path + "/out/nested") == [])
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONWriter.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}

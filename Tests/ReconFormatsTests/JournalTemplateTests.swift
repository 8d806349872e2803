import Testing
import ReconCore
@testable import ReconFormats

@Suite struct JournalTemplateTests {
    let input: JournalInput = {
        let origin = SourceLocation(file: "bank.csv", line: 2)
        let date = CalendarDate(iso: "2025-03-14")!
        let amount = try! Money.parse("9800.00", currency: .NOK)
        let transaction = BankTransaction(entryId: "ACC/R1/1", bankRef: "R1", amount: amount, bookingDate: date,
                                          payerName: "Ærlig; \"Fisk\" & Co <AS>", origin: origin)
        let voucher = Voucher(number: "000001", date: date, currency: .NOK, entryId: "ACC/R1/1", lines: [
            JournalLine(account: "1920", amount: amount, text: "Payment R1"),
            JournalLine(account: "1500", amount: -amount, customerId: "C9", invoiceId: "10010", text: "Settle 10010, part"),
        ])
        return JournalInput(vouchers: [voucher], settlements: [], newCredits: [], accounts: LedgerAccounts(),
                            transactions: [transaction])
    }()

    @Test func csvValuesAreQuotedForTheTemplatesDelimiter() throws {
        let template = try JournalTemplate(path: "t/ledger.csv.mustache", text: """
            Bilag;Konto;Beløp;Betaler;Tekst
            {{#vouchers}}{{#lines}}{{number}};{{account}};{{amount_comma}};{{payer_name}};{{text}}
            {{/lines}}{{/vouchers}}
            """)
        #expect(template.outputName == "journal-ledger.csv")
        let text = try template.render(input)
        #expect(text.contains("000001;1920;9800,00;\"Ærlig; \"\"Fisk\"\" & Co <AS>\";Payment R1\n"))
        #expect(text.contains("000001;1500;-9800,00;\"Ærlig; \"\"Fisk\"\" & Co <AS>\";Settle 10010, part\n"))
    }

    @Test func xmlValuesAreEscaped() throws {
        let template = try JournalTemplate(path: "x.xml.mustache", text: """
            {{#vouchers}}<v payer="{{payer_name}}">{{#lines}}<l{{#invoice_id}} i="{{invoice_id}}"{{/invoice_id}}/>{{/lines}}</v>{{/vouchers}}
            """)
        #expect(try template.render(input) == "<v payer=\"Ærlig; &quot;Fisk&quot; &amp; Co &lt;AS&gt;\"><l/><l i=\"10010\"/></v>")
    }

    @Test func anUnknownVariableIsAnErrorWithItsLine() throws {
        #expect(throws: ReadError.self) {
            try JournalTemplate(path: "t.csv.mustache", text: "a\n{{#vouchers}}\n{{amout}}\n{{/vouchers}}\n")
        }
        do {
            _ = try JournalTemplate(path: "t.csv.mustache", text: "a\n{{#vouchers}}\n{{amout}}\n{{/vouchers}}\n")
        } catch ReadError.invalid(let findings) {
            #expect(findings.map(\.description) == ["t.csv.mustache:3: unknown variable 'amout' (see docs/journals.md for the variables)"])
        }
    }

    @Test func aVariableOutsideItsScopeFailsTheRender() throws {
        let template = try JournalTemplate(path: "t.csv.mustache", text: "{{#vouchers}}{{account}}{{/vouchers}}")
        #expect(throws: ReadError.self) { try template.render(input) }
    }

    @Test(arguments: ["{{{text}}}", "{{& text}}", "{{> other}}", "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT}}"])
    func tagsThatBypassEscapingAreRefused(tag: String) {
        #expect(throws: ReadError.self) { try JournalTemplate(path: "t.xml.mustache", text: "{{#vouchers}}\(tag){{/vouchers}}") }
    }

    @Test(arguments: ["journal.mustache", "journal.txt.mustache", "journal.csv"])
    func theFileNameMustDeclareTheContentType(name: String) {
        #expect(throws: ReadError.self) { try JournalTemplate(path: "dir/" + name, text: "x") }
    }

    @Test func absentValuesAreEmptyAndFalse() throws {
        let template = try JournalTemplate(path: "t.csv.mustache",
                                           text: "{{#vouchers}}{{#lines}}[{{customer_id}}|{{^customer_id}}none{{/customer_id}}]{{/lines}}{{/vouchers}}")
        #expect(try template.render(input) == "[|none][C9|]")
    }
}

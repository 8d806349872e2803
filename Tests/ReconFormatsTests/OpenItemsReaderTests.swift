import Testing
import ReconCore
@testable import ReconFormats

func openItems(_ text: String) throws -> ([OpenItem], [Finding]) {
    var reader = OpenItemsReader()
    let items = try reader.read(MemoryByteSource(text, path: "items.csv"))
    return (items, reader.warnings)
}

@Suite struct OpenItemsReaderTests {
    @Test func readsColumnsInAnyOrderCaseInsensitively() throws {
        let text = """
            Currency;AMOUNT;Invoice_Date;customer_id;invoice_id;cash_discount;Open_Amount;extra
            EUR;100.00;2025-06-01;C1;A;2%/5 1%/14;60.00;x
            NOK;-25.50;2025-06-02;C2;B;;;
            """
        let (items, warnings) = try openItems(text)
        #expect(items.map(\.invoiceId) == ["A", "B"])
        #expect(items[0].openAmount == Money(minorUnits: 6000, currency: .EUR))
        #expect(items[0].cashDiscount.map(\.description) == ["2%/5", "1%/14"])
        #expect(items[1].type == .creditNote)
        #expect(items[1].openAmount == items[1].amount)
        #expect(warnings.map(\.message) == ["unknown column 'extra' (column 8) ignored"])
    }

    @Test func reportsEveryProblemWithItsLocation() {
        let text = """
            invoice_id,customer_id,currency,amount,invoice_date,type
            A,C1,EUR,"1,50",2025-06-01,
            B,,EUR,10.00,2026-02-30,
            A,C1,EURO,10.00,2025-06-01,
            E,C1,EURO,10.00,2025-06-01,
            C,C1,EUR,-5.00,2025-06-01,invoice
            D,C1,JPY,10.5,2025-06-01,
            A,C1,EUR,1.00,2025-06-01,
            """
        let findings = readError { _ = try openItems(text) }
        #expect(findings.map(\.description) == [
            "items.csv:2:10: amount: unexpected ',' in amount '1,50'",
            "items.csv:3:3: customer_id: required value is empty",
            "items.csv:3:14: invoice_date: '2026-02-30' is not a date (YYYY-MM-DD)",
            "items.csv:4:1: invoice_id A already on line 2",
            "items.csv:5:6: currency: 'EURO' is not an ISO 4217 currency code",
            "items.csv:6:10: amount: an invoice amount must be positive",
            "items.csv:7:10: amount: amount has more than 0 decimals '10.5' for JPY",
            "items.csv:8:1: invoice_id A already on line 2",
        ])
    }

    /// Repeats far apart and near, among thousands of ids (the table of ids grows many times, and
    /// ids that share a hash are told apart): each repeat is reported with the line of its id's
    /// first row, as a dictionary of first lines gives it.
    @Test func everyRepeatedIdNamesItsFirstLine() {
        var text = "invoice_id,customer_id,currency,amount,invoice_date\n"
        var firstLine: [String: Int] = [:]
        var expected: [String] = []
        for row in 0..<6_000 {
            let id = row % 5 == 4 ? "INV-\(row / 3)" : "INV-\(row)"
            let line = row + 2
            text += "\(id),C1,EUR,1.00,2025-06-01\n"
            if let first = firstLine[id] {
                expected.append("items.csv:\(line):1: invoice_id \(id) already on line \(first)")
            } else {
                firstLine[id] = line
            }
        }
        let findings = readError { _ = try openItems(text) }
        #expect(findings.count == min(expected.count, 1000))
        #expect(findings.map(\.description) == Array(expected.prefix(findings.count)))
        #expect(expected.count > 500)
    }

    /// An id written once with `É` as one code point and once as `E` and an accent is one id,
    /// repeated (both spellings show the same); the same id in lower case is another.
    @Test func anIdSpelledTwoWaysInUnicodeIsRepeated() {
        let text = "invoice_id,customer_id,currency,amount,invoice_date\n"
            + "CAF\u{C9}-1,C1,EUR,1.00,2025-06-01\nCAFE\u{301}-1,C1,EUR,1.00,2025-06-01\ncaf\u{E9}-1,C1,EUR,1.00,2025-06-01\n"
        let findings = readError { _ = try openItems(text) }
        #expect(findings.map(\.description) == ["items.csv:3:1: invoice_id CAFE\u{301}-1 already on line 2"])
    }

    @Test func missingRequiredColumnsAreNamed() {
        let findings = readError { _ = try openItems("invoice_id,amount\nA,1.00\n") }
        #expect(findings.map(\.description) == ["items.csv:1: missing required columns: customer_id, currency, invoice_date"])
    }

    @Test func wrongFieldCountIsAnError() {
        let findings = readError { _ = try openItems("invoice_id,customer_id,currency,amount,invoice_date\nA,C,EUR,1.00\n") }
        #expect(findings.first?.message == "expected 5 fields as in the header, found 4")
    }

    @Test func openAmountMustFitTheAmount() {
        let text = "invoice_id,customer_id,currency,amount,open_amount,invoice_date\nA,C,EUR,10.00,12.00,2025-01-01\nB,C,EUR,10.00,-1.00,2025-01-01\n"
        let findings = readError { _ = try openItems(text) }
        #expect(findings.map(\.message) == ["open_amount: open_amount exceeds amount",
                                            "open_amount: open_amount must have the sign of amount"])
    }

    /// The sign each type must have, its message naming the type (made only when the check fails).
    @Test func anAmountOfTheWrongSignForItsTypeIsNamed() {
        let text = "invoice_id,customer_id,type,currency,amount,invoice_date\n"
            + "A,C,credit_note,EUR,10.00,2025-01-01\nB,C,invoice,EUR,-10.00,2025-01-01\nD,C,credit_note,EUR,-10.00,2025-01-01\n"
        let findings = readError { _ = try openItems(text) }
        #expect(findings.map(\.message) == ["amount: a credit_note amount must be negative",
                                            "amount: an invoice amount must be positive"])
    }
}

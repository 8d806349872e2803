import Testing
import ReconCore

/// `BankTransaction` and `OpenItem` keep their texts in a shared box (copied on write): each copy
/// must still behave as a value of its own, and equality and hashing must be by content.
@Suite struct ModelValueSemanticsTests {
    let date = CalendarDate(iso: "2025-03-10")!
    let origin = SourceLocation(file: "bank.csv", line: 7)

    func transaction() -> BankTransaction {
        BankTransaction(entryId: "E-1", bankRef: "REF", account: "NO9386011117947", amount: Money(minorUnits: 12_345, currency: .NOK),
                        bookingDate: date, endToEndId: "E2E", structuredRef: "12345678903", payerName: "Kari Nordmann",
                        payerIban: "NO8330001234567", text: "Faktura 10010", origin: origin)
    }

    func item() -> OpenItem {
        OpenItem(invoiceId: "10010", customerId: "C-1", customerName: "Kari Nordmann", type: .invoice,
                 amount: Money(minorUnits: 12_345, currency: .NOK), invoiceDate: date,
                 cashDiscount: [DiscountTier(rate: Rate(percent: "2")!, days: 10)], reference: "12345678903",
                 customerIban: "NO8330001234567", origin: origin)
    }

    @Test(arguments: 0..<9)
    func changingACopysTextLeavesTheOriginal(field: Int) {
        let original = transaction()
        var copy = original
        switch field {
        case 0: copy.entryId = "E-2"
        case 1: copy.bankRef = nil
        case 2: copy.account = "SE4550000000058398257466"
        case 3: copy.endToEndId = "other"
        case 4: copy.structuredRef = nil
        case 5: copy.payerName = "Ola Nordmann"
        case 6: copy.payerIban = nil
        case 7: copy.text += " og 10011"
        default: copy.origin.line = 8
        }
        #expect(original == transaction(), "the original is unchanged")
        #expect(copy != original)
        #expect(original.entryId == "E-1" && original.text == "Faktura 10010" && original.origin.line == 7)
    }

    @Test(arguments: 0..<7)
    func changingACopiedItemsTextLeavesTheOriginal(field: Int) {
        let original = item()
        var copy = original
        switch field {
        case 0: copy.invoiceId = "10011"
        case 1: copy.customerId = "C-2"
        case 2: copy.customerName = nil
        case 3: copy.cashDiscount = []
        case 4: copy.reference = nil
        case 5: copy.customerIban = "NO0000"
        default: copy.origin = nil
        }
        #expect(original == item())
        #expect(copy != original)
        #expect(original.invoiceId == "10010" && original.cashDiscount.count == 1 && original.origin?.line == 7)
    }

    @Test func shiftingACopysOriginLeavesTheOriginal() {
        let original = transaction()
        var copy = original
        copy.shiftOrigin(by: 4096)
        #expect(copy.origin == SourceLocation(file: "bank.csv", line: 4103))
        #expect(original.origin.line == 7 && original == transaction())
        copy.shiftOrigin(by: 0)
        #expect(copy.origin.line == 4103)

        let item = item()
        var shifted = item
        shifted.shiftOrigin(by: -2)
        #expect(shifted.origin == SourceLocation(file: "bank.csv", line: 5))
        #expect(item.origin?.line == 7 && item == self.item())
        var unplaced = item
        unplaced.origin = nil
        unplaced.shiftOrigin(by: 10)
        #expect(unplaced.origin == nil, "an item read from nowhere stays so")
    }

    @Test func inlineFieldsOfACopyAreItsOwnToo() {
        let original = item()
        var copy = original
        copy.openAmount = Money(minorUnits: 0, currency: .NOK)
        #expect(original.openAmount == Money(minorUnits: 12_345, currency: .NOK))
        #expect(copy.invoiceId == original.invoiceId)
    }

    @Test func equalByContentWhetherOrNotTheyShareTheirTexts() {
        let a = transaction(), b = transaction()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, a]).count == 1)
        var c = a
        c.payerName = "Kari Nordmann"  // the same text, set anew: the box is copied, the value equal
        #expect(c == a && c.hashValue == a.hashValue)
        #expect(item() == item() && item().hashValue == item().hashValue)
    }

    /// A reader's transaction, its texts gathered as bytes, is the transaction made of the same
    /// strings; a text left out is not an empty one.
    @Test func textsGatheredAsBytesAreTheSameTexts() {
        let texts = TextBytes()
        func made() -> BankTransaction {
            BankTransaction(entryId: "E-1", bankRef: "REF", account: "NO9386011117947",
                            amount: Money(minorUnits: 12_345, currency: .NOK), bookingDate: date, valueDate: nil,
                            status: .booked, texts: texts, origin: origin)
        }
        texts.set(.text, "stale")  // gathered for a row before, then let go
        texts.removeAll()
        texts.set(.payerIban, "NO8330001234567")
        texts.set(.payerName, "Kari")
        texts.set(.text) {
            "Faktura".withUTF8Bytes { texts.append($0) }
            texts.append(0x20)
            "10010".withUTF8Bytes { texts.append($0) }
        }
        texts.set(.structuredRef, "12345678903")
        texts.set(.payerName, "Kari Nordmann")  // set again: the later one counts
        texts.set(.endToEndId, "E2E")
        #expect(made() == transaction() && made().hashValue == transaction().hashValue)
        #expect(made().payerName == "Kari Nordmann" && made().text == "Faktura 10010")

        texts.set(.endToEndId, "")
        #expect(made().endToEndId == "" && made() != transaction())
        texts.set(.endToEndId, nil as String?)
        #expect(made().endToEndId == nil)
        var none = transaction()
        none.endToEndId = nil
        #expect(made() == none && made().hashValue == none.hashValue)

        texts.removeAll()
        let empty = made()
        #expect(empty.text == "" && empty.payerName == nil && empty.structuredRef == nil)
        let long = String(repeating: "Remittance ", count: 200)  // past the room the bytes start with
        texts.set(.text, long)
        texts.set(.payerName, "Kari")
        #expect(made().text == long && made().payerName == "Kari")
    }

    /// An item read with its texts gathered as bytes is the item made of the same strings.
    @Test func itemTextsGatheredAsBytesAreTheSameTexts() {
        let texts = TextBytes()
        func made() -> OpenItem {
            OpenItem(invoiceId: "10010", customerId: "C-1", type: .invoice, amount: Money(minorUnits: 12_345, currency: .NOK),
                     openAmount: nil, invoiceDate: date, dueDate: nil,
                     cashDiscount: [DiscountTier(rate: Rate(percent: "2")!, days: 10)], discountTaken: nil,
                     texts: texts, origin: origin)
        }
        texts.set(OpenItem.TextField.customerIban, "NO8330001234567")
        texts.set(OpenItem.TextField.reference, "12345678903")
        texts.set(OpenItem.TextField.customerName, "Kari Nordmann")
        #expect(made() == item() && made().hashValue == item().hashValue)
        #expect(made().customerName == "Kari Nordmann" && made().reference == "12345678903")
        var renamed = made()
        renamed.customerName = "Ola"
        #expect(renamed.customerName == "Ola" && renamed.reference == "12345678903" && renamed.customerIban == "NO8330001234567")
        #expect(made().customerName == "Kari Nordmann")

        texts.removeAll()
        texts.set(OpenItem.TextField.reference, "")
        #expect(made().reference == "" && made().customerName == nil && made().customerIban == nil)
        var none = item()
        none.customerName = nil
        none.reference = ""
        none.customerIban = nil
        #expect(made() == none && made().hashValue == none.hashValue)
        none.reference = nil
        #expect(made() != none, "an empty reference is not an absent one")
    }
}


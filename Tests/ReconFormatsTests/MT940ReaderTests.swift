import Testing
import ReconCore
@testable import ReconFormats

/// One test per MT940/MT942 trap of TRAPS.md, each on a minimal inline sample.
@Suite struct MT940ReaderTests {
    @Test func readsAStatementWithItsBalancesAndLines() throws {
        let result = try readMT940(mt940("""
            :61:2503100310C50,00NTRFNONREF//BANKREF1
            :86:166?00GUTSCHRIFT?20Faktura 4711?32Ola Nordmann?31DE99123456771234567888
            :61:2503100310D50,00NTRFNONREF
            """))
        #expect(result.format == "mt940")
        let statement = try #require(result.statements.first)
        #expect(statement.id == "STARTUMS/1/1")
        #expect(statement.account == "DE12345678901234567890")
        #expect(statement.opening?.formatted() == "100.00")
        #expect(statement.closing?.formatted() == "100.00")
        #expect(result.entries.map { $0.amount.formatted() } == ["50.00", "-50.00"])
        let first = try #require(result.transactions.first)
        #expect(first.bankRef == "BANKREF1")
        #expect(first.entryId == "DE12345678901234567890/BANKREF1/1")
        #expect(first.payerName == "Ola Nordmann")
        #expect(first.payerIban == "DE99123456771234567888")
        #expect(first.text == "Faktura 4711")
        #expect(first.origin.line == 5)
    }

    @Test func swiftBlocksHeaderLinesAndFramingBytesAreEnvelope() throws {
        let body = mt940(":61:250310C1,00NTRFNONREF")
        let wrapped = "{1:F01INGBNL2ABXXX0000000000}{2:I940INGBNL2AXXXN}{3:}{4:\n" + body + "-}{5:}\n"
        let headed = "0000 01INGBNL2AXXXX00001\n940 00\n:940:\n" + body
        let preamble = "This is an example file.\n- - - -\n" + body
        var framed = [UInt8(0x01)] + Array(body.utf8) + Array("-\n".utf8) + [0x03]
        framed += [0x1A]
        for input in [Array(wrapped.utf8), Array(headed.utf8), Array(preamble.utf8), framed] {
            let result = try readMT940(bytes: input)
            #expect(result.statements.count == 1)
            #expect(result.entries.map { $0.amount.formatted() } == ["1.00"])
            #expect(result.warnings.isEmpty, "\(result.warnings)")
        }
    }

    @Test func crlfAndSeveralStatementsManyWithoutEntries() throws {
        let text = (mt940(":61:250310C1,00NTRFNONREF") + mt940("") + mt940("")).replacingOccurrences(of: "\n", with: "\r\n")
        let result = try readMT940(text)
        #expect(result.statements.count == 3)
        #expect(result.entries.count == 1)
    }

    @Test func entryDateIsOptionalAndRollsIntoTheNextYear() throws {
        let result = try readMT940(mt940("""
            :61:250310C1,00NTRFNONREF
            :61:2412310101C2,00NTRFNONREF
            :61:2501020103C3,00NTRFNONREF
            """))
        let dates = result.entries.map { "\($0.valueDate!) \($0.bookingDate)" }
        #expect(dates == ["2025-03-10 2025-03-10", "2024-12-31 2025-01-01", "2025-01-02 2025-01-03"])
    }

    @Test func reversalOfACreditIsADebitAndOfADebitACredit() throws {
        let result = try readMT940(mt940("""
            :61:250310RCR10,00NTRFNONREF
            :61:250310RDR20,00NTRFNONREF
            :61:250310CR30,00NTRFNONREF
            :61:250310DF40,00NTRFNONREF
            """))
        #expect(result.entries.map { $0.amount.formatted() } == ["-10.00", "20.00", "30.00", "-40.00"])
        #expect(result.entries.map(\.isReversal) == [true, true, false, false])
        #expect(!result.transactions[1].isReceipt, "a reversed debit is money in, but never settles an invoice")
    }

    @Test(arguments: [("6800,", "6800.00"), ("620,3", "620.30"), ("00,12", "0.12"), ("000000002145.00", "2145.00"),
                      ("1,5", "1.50")])
    func amountFormats(_ written: String, _ read: String) throws {
        let result = try readMT940(mt940(":61:250310C\(written)NTRFNONREF"))
        #expect(result.entries.first?.amount.formatted() == read)
    }

    @Test func anAmountWithoutItsCommaIsAnError() {
        let findings = readError { _ = try readMT940(mt940(":61:250310C500NTRFNONREF")) }
        #expect(findings.map(\.description) == ["s.sta:5: :61: amount '500' has no decimal comma"])
    }

    @Test func typeCodesReferencesAndASpaceBeforeTheType() throws {
        let result = try readMT940(mt940("""
            :61:250310D12,35 NRTIKREF+//2016021783252833
            :61:250310CN220000,00//19239782213
            :61:250310D1,00NOV NONREF
            """))
        #expect(result.entries.map { $0.amount.formatted() } == ["-12.35", "220000.00", "-1.00"])
        #expect(result.entries.map(\.bankRef) == ["2016021783252833", "19239782213", nil])
    }

    @Test func aLineBreakBetweenMarkAndAmount() throws {
        let result = try readMT940(mt940(":61:2503100310CR\n30,00N062NONREF"))
        #expect(result.entries.first?.amount.formatted() == "30.00")
    }

    @Test func aTagBrokenAfterItsColon() throws {
        let result = try readMT940(mt940(":61:250310C1,00NTRFNONREF\n:\n86:166?00GUTSCHR?20Test"))
        #expect(result.transactions.first?.text == "Test")
    }

    @Test func theContinuationLineGivesTheCounterpartyAccount() throws {
        let result = try readMT940(mt940("""
            :61:250310C400,00N541NONREF
            NL33RABO0000000003
            :86:/ORDP//NAME/J. JANSEN/ADDR/Dorpsstraat 1 1234AB Ergens Nederl
            and NL/REMI/Huur maart/ISDT/2025-03-10
            """))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.payerIban == "NL33RABO0000000003")
        #expect(transaction.payerName == "J. JANSEN")
        #expect(transaction.text == "Huur maart")
    }

    @Test func germanSubfieldsWithSEPAKeywordsAndBreaksAnywhere() throws {
        let result = try readMT940(mt940("""
            :61:250310D12,35NDDTNONREF
            :86:109?00SEPA-LASTSCHR.?109075/629?20EREF+A1.200080779.
            400143254?21.4961336 KREF+SEPA-DA?22MREF+20852HW CRED+DE41EON?23OAMT+11,85 SVWZ+?
            24SONSTIGE GRUENDE ?25ENDABRECHNUNG NR. 5001?26ABWA+Stadtwerke?30CSDBDE71XXX?31DE50712345600200691329
            ?32TESTER?33EL
            """))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.endToEndId == "A1.200080779.400143254.4961336")
        #expect(transaction.text == "SONSTIGE GRUENDE ENDABRECHNUNG NR. 5001")
        #expect(transaction.payerName == "TESTEREL")
        #expect(transaction.payerIban == "DE50712345600200691329")
    }

    @Test func abwaIsThePayerWhenNoNameSubfieldIsThere() throws {
        let result = try readMT940(mt940(":61:250310D20,00N037NONREF\n:86:106?00KARTENZAHLUNG?20SVWZ+Debitk.4?21ABWA+Aral Tankstelle"))
        #expect(result.transactions.first?.payerName == "Aral Tankstelle")
        #expect(result.transactions.first?.text == "Debitk.4")
    }

    @Test func triodosWritesSubfieldsWithAngleBrackets() throws {
        let result = try readMT940(mt940(":61:250310D15,70N000NONREF\n:86:000>100987654321\n>20ALGEMENE KOS>21TEN VAN 2010>310390123456"))
        #expect(result.transactions.first?.text == "ALGEMENE KOSTEN VAN 2010")
        #expect(result.transactions.first?.payerIban == "0390123456")
    }

    @Test func dutchINGFields() throws {
        let result = try readMT940(mt940("""
            :61:2502200220C1,56NTRFEREF//00000000001
            /TRCD/00100/
            :86:/EREF/E2E-2025-0042//CNTP/NL11INGB0000000001/INGBNL2A/DE VRIES HA
            NDEL BV///REMI/USTD//Factuur 2025-0042/
            :61:2502200220C2,00NTRFEREF//00000000002
            :86:/REMI/STRD/CUR/1234567890123456/
            """))
        let first = try #require(result.transactions.first)
        #expect(first.endToEndId == "E2E-2025-0042")
        #expect(first.payerIban == "NL11INGB0000000001")
        #expect(first.payerName == "DE VRIES HANDEL BV")
        #expect(first.text == "Factuur 2025-0042")
        #expect(result.transactions[1].structuredRef == "1234567890123456")
        #expect(result.transactions[1].text == "")
    }

    @Test func abnAmroFieldsKeepSlashesInsideValues() throws {
        let result = try readMT940(mt940("""
            :61:250310C109,65N654NONREF
            :86:/TRTP/SEPA OVERBOEKING/IBAN/NL75INGB0001234567/BIC/INGBNL2A/NAME/
            HR K XXXXXXX EN/OF MW H XXXXXXX/REMI/RES.NR 123 t/m 5/EREF/NOTPROVIDED
            """))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.payerName == "HR K XXXXXXX EN/OF MW H XXXXXXX")
        #expect(transaction.payerIban == "NL75INGB0001234567")
        #expect(transaction.text == "RES.NR 123 t/m 5")
        #expect(transaction.endToEndId == nil)
    }

    @Test func freeTextPaddedWithBlankLinesAndSeveralDetailFields() throws {
        let blank = String(repeating: " ", count: 65)
        let result = try readMT940(mt940("""
            :61:250310D20,00NIOBNONREF
            :86:0987654321 marechal s
            \(blank)
            dit is een test 20:44:45 klaar
            :86:second field
            """))
        #expect(result.transactions.first?.text == "0987654321 marechal s dit is een test 20:44:45 klaar second field")
    }

    @Test func fullLinesOfFreeTextWereWrappedByTheBank() throws {
        let line = "GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659"
        let result = try readMT940(mt940(":61:250310D9,00N192NONREF\n:86:\(line)\n5314606715  BETREFT FACTUUR"))
        #expect(result.transactions.first?.text.contains("0000000421886595314606715") == true)
    }

    @Test func statementNumberAsTwentyEightAndTheRestOfTheEnvelope() throws {
        let text = """
            :20:STARTUMS
            :25:1222333444
            :28:1/1
            :NS:22Test GmbH
            23Testkonto
            :12:unknown
            :60F:C020315DEM0,00
            :61:0203170320CM5000,00S05168790452
            :62M:C020315105000,00

            """
        let result = try readMT940(text)
        #expect(result.statements.first?.currency?.code == "DEM")
        #expect(result.statements.first?.closing == nil)
        #expect(result.entries.first?.amount.formatted() == "5000.00")
        #expect(result.warnings.map(\.message) == [
            "unknown tag :12: ignored",
            ":62M: balance 'C020315105000,00' is not C/D, YYMMDD, currency and amount: ignored",
        ])
    }

    @Test func missingAccountAndClosingAreWarnedOrFine() throws {
        let result = try readMT940(":20:STARTUMSE\n:28C:00000/001\n:60F:C160229EUR1200,00\n:61:160301D6,00N024NONREF\n")
        #expect(result.statements.first?.account == "")
        #expect(result.statements.first?.closing == nil)
        #expect(result.warnings.map(\.message) == ["statement without :25: account"])
    }

    @Test func aFragmentWithoutTagsOrCurrencyIsReadInXXX() throws {
        let result = try readMT940(":61:110701CN50,00NZ10NONREF\n")
        #expect(result.entries.first?.amount.formatted() == "50.00")
        #expect(result.entries.first?.amount.currency.code == "XXX")
        #expect(result.warnings.count == 2)
    }

    @Test func aNonexistentValueDateIsDroppedWhenTheEntryDateSays() throws {
        let result = try readMT940(mt940(":61:1602300301DR6,00N024NONREF"))
        let entry = try #require(result.entries.first)
        #expect(entry.valueDate == nil)
        #expect(entry.bookingDate.description == "2016-03-01")
        #expect(result.warnings.map(\.message).contains(":61: value date 160230 does not exist: ignored, the entry date 2016-03-01 is the booking date"))
        let findings = readError { _ = try readMT940(mt940(":61:160230DR6,00N024NONREF")) }
        #expect(findings.map(\.description) == ["s.sta:5: :61: value date 160230 does not exist and there is no entry date"])
    }

    @Test func aFieldAfterTheStatementLinesIsRefused() {
        let findings = readError {
            _ = try readMT940(mt940(":61:0709070904CR50990,05NTRFNONREF//0724710333343453\n:25:166?00GUTSCHRIFT?20EREF+X"))
        }
        #expect(findings.map(\.description) == ["s.sta:6: :25: after the statement lines of :20: STARTUMS (a field under the wrong tag?)"])
    }

    @Test func mt942ReportsWithFloorLimitsAndDeclaredSums() throws {
        let result = try readMT940("""
            :20:CGNGHKLI0290980
            :25:GJB0291077111
            :28C:03917/00001
            :34F:EURD0,00
            :34F:EURC0,00
            :13D:1610301730+0000
            :61:1610301031D0,42MCI0NONREF//055001022000001
            :86:REMIT:Costs
            :90D:1EUR2,30
            :90C:0EUR0,00

            """)
        #expect(result.format == "mt942")
        #expect(result.statements.first?.format == "mt942")
        #expect(result.entries.first?.amount.formatted() == "-0.42")
        #expect(result.entries.first?.amount.currency.code == "EUR")
        #expect(result.warnings.map(\.message) == [":90D: declares 1 debits of 2.30, the lines have 1 of 0.42"])
    }

    @Test func latin1WithoutAProfileIsReadWithAWarning() throws {
        let bytes = bytesReplacing("#", with: [0xDC], in: mt940(":61:250310C1,00NTRFNONREF\n:86:166?20GEB#HREN"))
        let result = try readMT940(bytes: bytes)
        #expect(result.transactions.first?.text.hasPrefix("GEBÜHREN") == true)
        #expect(result.warnings.first?.message.hasPrefix("not UTF-8: read as ISO-8859-1") == true)
    }

    @Test func aProfileThatDeclaresUTF8IsStrict() {
        let bytes = bytesReplacing("#", with: [0xDC], in: mt940(":61:250310C1,00NTRFNONREF\n:86:GEB#HREN"))
        let findings = readError { _ = try readMT940(bytes: bytes, encoding: .utf8) }
        #expect(findings.map(\.description) == ["s.sta:6: not valid UTF-8 (the profile declares UTF-8)"])
    }

    @Test func cp852AsDeclaredByAProfile() throws {
        // "átutalás" in CP852: á = A0, s ASCII, á = A0 …
        let bytes = bytesReplacing("#", with: [0xA0], in: mt940(":61:250310C1,00NTRFNONREF\n:86:#tutal#s"))
        let result = try readMT940(bytes: bytes, encoding: .cp852)
        #expect(result.transactions.first?.text == "átutalás")
        #expect(result.warnings.isEmpty)
    }

    @Test func aLineOverOneMebibyteIsRefused() {
        let long = String(repeating: "x", count: (1 << 20) + 1)
        let findings = readError { _ = try readMT940(mt940(":61:250310C1,00NTRFNONREF\n:86:\(long)")) }
        #expect(findings.map(\.description) == ["s.sta:6: line longer than 1048576 bytes"])
    }

    @Test func identicalLinesOnOneDayStayTwoTransactions() throws {
        let result = try readMT940(mt940(":61:250310D0,31NTRFNONREF\n:61:250310D0,31NTRFNONREF"))
        #expect(result.transactions.count == 2)
        #expect(Set(result.transactions.map(\.entryId)).count == 2)
    }
}

/// `text` as UTF-8 with every `marker` byte replaced by `bytes` (legacy code page samples).
func bytesReplacing(_ marker: Character, with bytes: [UInt8], in text: String) -> [UInt8] {
    Array(text.utf8).flatMap { $0 == marker.asciiValue! ? bytes : [$0] }
}

import Testing
import ReconCore
@testable import ReconFormats

func profile(_ name: String) throws -> BankProfile { try ProfileCatalog.profile(name) }

func profile(toml: String) throws -> BankProfile {
    try BankProfile.parse(toml: toml, path: "p.toml", defaultName: "test")
}

func readCSV(_ text: String, _ profile: BankProfile) throws -> ReadResult {
    try readCSV(bytes: Array(text.utf8), profile)
}

func readCSV(bytes: [UInt8], _ profile: BankProfile) throws -> ReadResult {
    try drain(ProfileCSVReader(source: MemoryByteSource(bytes, path: "b.csv"), profile: profile))
}

/// One test per bank-CSV trap of TRAPS.md, each on a minimal inline sample and a shipped profile.
@Suite struct ProfileCSVReaderTests {
    @Test func norwegianExportWithSpacesAndNoBreakSpacesInAmounts() throws {
        let text = """
            Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto
            12.03.2025;Innbetaling Kari Nordmann faktura 10004;12.03.2025;;1 234,56
            13.03.2025;Husleie;13.03.2025;12\u{00A0}500,00;
            14.03.2025;Gebyr;14.03.2025;-5,00;

            """
        let result = try readCSV(text, try profile("no-bank"))
        #expect(result.format == "csv:no-bank")
        #expect(result.entries.map { $0.amount.formatted() } == ["1234.56", "-12500.00", "-5.00"])
        #expect(result.entries.map { $0.amount.currency.code } == ["NOK", "NOK", "NOK"])
        #expect(result.transactions.first?.text == "Innbetaling Kari Nordmann faktura 10004")
        #expect(result.entries.first?.bookingDate.description == "2025-03-12")
    }

    @Test func theBenchmarkLayoutWithKIDAndReferences() throws {
        let text = """
            Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;Inn på konto;Arkivreferanse;Ende-til-ende-ID
            03.01.2025;03.01.2025;1503.61.23450;NOK;"Innbetaling med KID";"Fjellvik Bygg AS";1234.56.78903;1000002000000058;"";;12345,60;20250103000000001;NOTPROVIDED
            04.01.2025;04.01.2025;1503.61.23450;NOK;"Overføring innland";"KARI NORDMANN";1234.56.78903;;"Inv 20000001; 20000002";;100,00;20250104000000002;E2E00000000000000AB

            """
        let result = try readCSV(text, try profile("no-bank-kid"))
        let first = try #require(result.transactions.first)
        #expect(first.amount.formatted() == "12345.60")
        #expect(first.account == "NO2415036123450")
        #expect(first.structuredRef == "1000002000000058")
        #expect(first.bankRef == "20250103000000001")
        #expect(first.entryId == "NO2415036123450/20250103000000001/1")
        #expect(first.endToEndId == nil)
        #expect(first.payerName == "Fjellvik Bygg AS")
        #expect(first.payerIban == "NO7112345678903")
        #expect(result.transactions[1].text == "Inv 20000001; 20000002")
        #expect(result.transactions[1].endToEndId == "E2E00000000000000AB")
    }

    /// The reader keeps the last account and dates it made (most rows repeat them): rows that change
    /// them, change them back or leave one out are read as on their own.
    @Test func repeatedAccountsAndDatesAreReadAsWritten() throws {
        let header = "Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;Inn på konto;Arkivreferanse;Ende-til-ende-ID"
        let rows = [("03.01.2025", "03.01.2025", "1503.61.23450"), ("03.01.2025", "05.01.2025", "1503.61.23450"),
                    ("04.01.2025", "03.01.2025", "1234.56.78903"), ("03.01.2025", "04.01.2025", "1503.61.23450"),
                    ("06.01.2025", "03.01.2025", "1503.61.23450"), ("03.01.2025", "", "1503 61 23450")]
        let text = ([header] + rows.enumerated().map { index, row in
            "\(row.0);\(row.1);\(row.2);NOK;Innbetaling;Kari;1234.56.78903;;;;100,00;R\(index);"
        }).joined(separator: "\n") + "\n"
        let result = try readCSV(text, try profile("no-bank-kid"))
        #expect(result.transactions.map(\.bookingDate.description)
                == ["2025-01-03", "2025-01-03", "2025-01-04", "2025-01-03", "2025-01-06", "2025-01-03"])
        #expect(result.transactions.map { $0.valueDate?.description ?? "-" }
                == ["2025-01-03", "2025-01-05", "2025-01-03", "2025-01-04", "2025-01-03", "-"])
        #expect(result.transactions.map(\.account)
                == ["NO2415036123450", "NO2415036123450", "NO7112345678903", "NO2415036123450", "NO2415036123450",
                    "NO2415036123450"])
        #expect(result.transactions.map(\.entryId).last == "NO2415036123450/R5/1")
    }

    /// The account and currency are known again by their raw bytes: an account with spaces round
    /// it, one too long for the memo (over 16 bytes, never remembered), and currencies that change,
    /// change back or are written in lower case are each read as on their own.
    @Test func repeatedCurrenciesAndAccountsByTheirBytes() throws {
        let header = "Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;Inn på konto;Arkivreferanse;Ende-til-ende-ID"
        let rows = [("1503.61.23450", "NOK"), (" 1503.61.23450 ", "EUR"), ("1503.61.23450", "NOK"),
                    ("NO24 1503 6123 450", "nok"), ("NO24 1503 6123 450", "NOK"), ("DE89370400440532013000", "EUR"),
                    ("DE89370400440532013000", "EUR"), ("1503.61.23450", "EUR")]
        let text = ([header] + rows.enumerated().map { index, row in
            "03.01.2025;03.01.2025;\(row.0);\(row.1);Innbetaling;Kari;1234.56.78903;;;;100,00;R\(index);"
        }).joined(separator: "\n") + "\n"
        let result = try readCSV(text, try profile("no-bank-kid"))
        #expect(result.transactions.map(\.account)
                == ["NO2415036123450", "NO2415036123450", "NO2415036123450", "NO2415036123450", "NO2415036123450",
                    "DE89370400440532013000", "DE89370400440532013000", "NO2415036123450"])
        #expect(result.transactions.map(\.amount.currency.code) == ["NOK", "EUR", "NOK", "NOK", "NOK", "EUR", "EUR", "EUR"])
        #expect(result.transactions.allSatisfy { $0.payerIban == "NO7112345678903" })
    }

    @Test func iso8859And1252And1250AreTranscoded() throws {
        // ING-DiBa in ISO-8859-1: "Währung" twice, a preamble, "Ä" in a name.
        let dibaText = """
            Umsatzanzeige;Datei erstellt am: 01.03.2025 10:00

            IBAN;DE00 0000 0000 0000 0000 00
            Buchung;Wertstellungsdatum;Auftraggeber/Empf#nger;Buchungstext;Verwendungszweck;Saldo;W#hrung;Betrag;W#hrung
            01.03.2025;01.03.2025;#rzte AG;Lastschrift;Praxisgeb#hr;150,00;EUR;-5,50;EUR

            """
        let diba = try readCSV(bytes: bytesReplacing("#", with: [0xE4], in: dibaText), try profile("ing-diba"))
        #expect(diba.transactions.first?.payerName == "ärzte AG")
        #expect(diba.entries.first?.amount.formatted() == "-5.50")
        // Air Bank in Windows-1250: "Zaúčtovaná částka" (č = E8).
        let airText = "Datum provedení;Datum zaú#tování;Číslo účtu;Název účtu;VS;Zaú#tovaná #ástka;Měna účtu;Id transakce,;Číslo protiúčtu;Název protiúčtu;Zpráva\n27.05.2018;27.05.2018;1/1;N;4711;-1,00;CZK;3228446118;;;Platba\n"
        let windows1250 = Array(airText.unicodeScalars).flatMap { scalar -> [UInt8] in
            switch scalar {
            case "#": return [0xE8]
            case "í": return [0xED]
            case "ú": return [0xFA]
            case "á": return [0xE1]
            case "Č": return [0xC8]
            case "č": return [0xE8]
            case "ě": return [0xEC]
            default: return Array(String(scalar).utf8)
            }
        }
        let air = try readCSV(bytes: windows1250, try profile("airbank"))
        #expect(air.transactions.first?.structuredRef == "4711")
        #expect(air.entries.first?.amount.formatted() == "-1.00")
    }

    @Test func aUTF8FileUnderALatin1ProfileIsReadAsUTF8() throws {
        let text = "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Auftraggeberkonto\n02.03.2018;02.03.2018;X;Grüße;-17,22;EUR;DE44\n"
        let result = try readCSV(text, try profile("commerzbank"))
        #expect(result.transactions.first?.text == "Grüße")
    }

    @Test func byteOrderMarkSemicolonsAndSeparateDebitCreditColumns() throws {
        let text = "\u{FEFF}\"Date\";\"Booking text\";\"ZKB reference\";\"Reference number\";\"Debit CHF\";\"Credit CHF\";\"Value date\";\"Payment purpose\"\n"
            + "\"01.01.2024\";\"Credit salary\";\"Z001\";\"\";\"\";\"5000.00\";\"01.01.2024\";\"\"\n"
            + "\"05.01.2024\";\"Debit TWINT\";\"L001\";\"210000000003139471430009017\";\"25.50\";\"\";\"05.01.2024\";\"\"\n"
        let result = try readCSV(text, try profile("zkb"))
        #expect(result.entries.map { $0.amount.formatted() } == ["5000.00", "-25.50"])
        #expect(result.transactions[1].structuredRef == "210000000003139471430009017")
    }

    @Test func indicatorColumnsTellTheSign() throws {
        let ing = "Datum,Naam / Omschrijving,Rekening,Tegenrekening,Code,Af Bij,Bedrag (EUR),MutatieSoort,Mededelingen\n"
            + "20250301,DE VRIES,NL11INGB0000000001,NL22ASNB0000000002,OV,Bij,\"20,00\",X,Huur maart\n"
            + "20250301,Pakketkosten,NL11INGB0000000001,,DV,Af,\"0,31\",X,\n"
        #expect(try readCSV(ing, try profile("ing-nl")).entries.map { $0.amount.formatted() } == ["20.00", "-0.31"])
        // A card statement: spending unsigned, a payment "+ £1,100.00" with CR; the written sign counts for nothing.
        let card = "\u{FEFF}Date Processed,Description,Amount,\n12-Dec-2019,ROYAL LONDON,\"£1,183.23\",\n"
            + "Pending,NOWTV,£8.99,\n02-Dec-2019,PAYMENT RECEIVED,\"+ £1,100.00\",CR\n"
        let result = try readCSV(card, try profile("johnlewis-card"))
        #expect(result.entries.map { $0.amount.formatted() } == ["-1183.23", "1100.00"])
        let bad = "Datum,Naam / Omschrijving,Rekening,Tegenrekening,Code,Af Bij,Bedrag (EUR),MutatieSoort,Mededelingen\n"
            + "20250301,X,NL11INGB0000000001,,DV,Op,\"0,31\",X,\n"
        let findings = readError { _ = try readCSV(bad, try profile("ing-nl")) }
        #expect(findings.map(\.description) == ["b.csv:2:35: 'af bij': 'Op' is neither a credit (Bij) nor a debit (Af)"])
    }

    @Test func noHeaderColumnsByIndexAndSingleQuotedText() throws {
        let text = "17-06-2022,NL00ASNB9999999999,NL99ASNB0000000000,XXXXXXXXX Z Z Z Z,,,,EUR,130.44,EUR,223.77,17-06-2022,17-06-2022,2754,NGM,51392971,,'Betaling sieraden',26\n"
        let result = try readCSV(text, try profile("asn"))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.amount.formatted() == "223.77")
        #expect(transaction.text == "Betaling sieraden")
        #expect(transaction.payerIban == "NL99ASNB0000000000")
    }

    @Test func preambleBalanceRowsAboveTheHeaderAndAFooter() throws {
        let text = """
            Statement of account 42,,,,,
            Balance at end of period,,,,"+2250,00",
            Date,Operation Number,Label,Debit,Credit,Detail
            01/04/20,A-17,Groceries,"-50,00",,card
            02/04/20,A-18,Salary,,"1300,00",transfer
            Balance at start of period,,,,"+1000,00",
            """
        let result = try readCSV(text, try profile("oca-sheet-statement"))
        #expect(result.entries.map { $0.amount.formatted() } == ["-50.00", "1300.00"])
        #expect(result.entries.map(\.bookingDate.description) == ["2020-04-01", "2020-04-02"])
        #expect(result.entries.first?.transactions.first?.origin.line == 4)
    }

    @Test func crCrLfLinesAndARowWithoutItsOpeningQuote() throws {
        let text = "\"IBAN/BBAN\",\"Munt\",\"Volgnr\",\"Datum\",\"Rentedatum\",\"Bedrag\",\"Tegenrekening IBAN/BBAN\",\"Naam tegenpartij\",\"Transactiereferentie\",\"Betalingskenmerk\",\"Omschrijving-1\",\"Omschrijving-2\",\"Omschrijving-3\"\r\r\n"
            + "\"NL77RABO0311467415\",\"EUR\",\"1\",\"2018-03-01\",\"2018-03-01\",\"-337,49\",\"\",\"\",\"\",\"\",\"RENTE\",\" \",\"\"\r\r\n"
            + "NL77RABO0311467415\",\"EUR\",\"2\",\"2018-03-14\",\"2018-03-14\",\"+50,00\",\"NL62INGB0663707048\",\"Loterij\",\"18753493.6094\",\"\",\"Gewonnen\",\" \",\"\"\r\r\n"
        let result = try readCSV(text, try profile("rabobank"))
        #expect(result.entries.map { $0.amount.formatted() } == ["-337.49", "50.00"])
        #expect(result.transactions.map(\.account) == ["NL77RABO0311467415", "NL77RABO0311467415"])
        #expect(result.transactions[1].endToEndId == "18753493.6094")
    }

    @Test func aTransactionSpreadOverTwoRows() throws {
        let text = """
            Account details for:,FRANK

            Transaction date,Value date,Description,Withdrawals (SGD),Deposits (SGD)
            18/04/2018,18/04/2018,DEBIT PURCHASE,6.66,
            ,,15/04/18 UBER EATS
            17/04/2018,17/04/2018,SALARY,,"1,000.00"
            """
        let result = try readCSV(text, try profile("ocbc"))
        #expect(result.transactions.map(\.text) == ["DEBIT PURCHASE 15/04/18 UBER EATS", "SALARY"])
        #expect(result.entries.map { $0.amount.formatted() } == ["-6.66", "1000.00"])
        #expect(Set(result.transactions.map(\.entryId)).count == 2)
    }

    @Test(arguments: [("dd.mm.yy", "22.02.18"), ("yyyymmdd", "20180222"), ("dd/mm/yyyy", "22/02/2018"),
                      ("mm/dd/yyyy", "02/22/2018"), ("yyyy.mm.dd.", "2018.02.22."), ("dd-mon-yyyy", "22-Feb-2018"),
                      ("dd mon yyyy", "22 Feb 2018"), ("yyyy-mm-dd*", "2018-02-22 12:34:56 +0000"), ("d.m.yyyy", "22.2.2018")])
    func dateLayouts(_ layout: String, _ written: String) throws {
        let date = try #require(DatePattern(layout)?.parse(written))
        #expect(date.description == "2018-02-22")
        #expect(DatePattern(layout)?.parse("31.02.2018") == nil)
    }

    @Test func identicalRowsOnOneDayStayTwoAndZeroRowsAreKept() throws {
        let text = "booking_date,amount,currency,text\n2025-03-03,-25.00,EUR,Dauerauftrag\n2025-03-03,-25.00,EUR,Dauerauftrag\n2025-03-03,0.00,EUR,Abschluss\n"
        let result = try readCSV(text, try profile("generic"))
        #expect(result.entries.map { $0.amount.formatted() } == ["-25.00", "-25.00", "0.00"])
        let ids = result.transactions.map(\.entryId)
        #expect(ids[0] != ids[1] && ids[1] == ids[0] + "~2")
        var skipping = try profile("generic")
        skipping.skipZero = true
        #expect(try readCSV(text, skipping).entries.count == 2)
    }

    @Test func pendingRowsAreKeptButNeverSettled() throws {
        let text = "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Kundenreferenz (End-to-End)\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"Betrag\";\"Waehrung\";\"Info\"\n"
            + "\"1\";\"28.03.18\";\"03.04.18\";\"X\";\"MIETE   \";\"\";\"ASDF\";\"DE12\";\"1234,56\";\"EUR\";\"Umsatz vorgemerkt\"\n"
        let result = try readCSV(text, try profile("sparkasse-camt"))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.status == .pending)
        #expect(!transaction.isReceipt)
        #expect(transaction.text == "MIETE")
    }

    @Test func sepaKeywordsHiddenInTheText() throws {
        let text = "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer\";\"BLZ\";\"Betrag\";\"Waehrung\";\"Info\"\n"
            + "\"1\";\"22.02.18\";\"22.02.18\";\"F\";\"EREF+RECHNR. 100532580591MREF+KD0200CRED+DE20KD00SVWZ+02/2018 K-NR. 132587495\";\"Vodafone\";\"DE13\";\"X\";\"-36,99\";\"EUR\";\"Umsatz gebucht\"\n"
        let transaction = try #require(try readCSV(text, try profile("sparkasse-mt940")).transactions.first)
        #expect(transaction.endToEndId == "RECHNR. 100532580591")
        #expect(transaction.text == "02/2018 K-NR. 132587495")
    }

    @Test func aRegularExpressionFindsAReferenceInText() throws {
        let toml = """
            name = "regex"
            description = "test"
            delimiter = ";"
            currency = "CZK"
            date_formats = ["dd.mm.yyyy"]
            [columns]
            booking_date = "Datum"
            amount = "Castka"
            text = ["Zprava"]
            [amounts]
            decimal = ","
            [extract]
            structured_ref = { column = "Zprava", pattern = "VS[: ]*(\\\\d+)" }
            """
        let result = try readCSV("Datum;Castka;Zprava\n01.02.2025;100,00;Platba VS: 20250017 dekuji\n", try profile(toml: toml))
        #expect(result.transactions.first?.structuredRef == "20250017")
    }

    @Test func badRowsAreAllReportedWithTheirColumn() {
        let text = "booking_date,amount,currency\n2025-02-30,1.00,EUR\n2025-03-01,12.3.4,EUR\n2025-03-01,1.00,XYZ\n"
        let findings = readError { _ = try readCSV(text, try profile("generic")) }
        #expect(findings.map(\.description) == [
            "b.csv:2:1: 'booking_date': '2025-02-30' is not a date (yyyy-mm-dd)",
            "b.csv:3:12: 'amount': unexpected '.' in amount '12.3.4'",
            "b.csv:4:17: 'currency': 'XYZ' is not an ISO 4217 currency code",
        ])
    }

    @Test func aFileWithoutFinalNewlineAndAStrayTrailingDelimiter() throws {
        let text = "Datum,Bedrag,Rekening,Tegenrekening,Naam,Omschrijving,\n\"2018-03-01\",\"-2,56\",\"NL47\",\"\",\"bunq\",\"invoice 410408\","
        let result = try readCSV(text, try profile("bunq"))
        #expect(result.entries.first?.amount.formatted() == "-2.56")
    }

    @Test func aHeaderThatIsNotThereIsAnError() {
        let findings = readError { _ = try readCSV("a;b\n1;2\n", try profile("no-bank")) }
        #expect(findings.first?.message.hasPrefix("no header row with the columns of profile no-bank") == true)
    }
}

extension ProfileCSVReaderTests {
    @Test func aLatin1FileUnderAUTF8ProfileIsReadAsWindows1252WithAWarning() throws {
        let bytes = bytesReplacing("#", with: [0xFC], in: "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n12.03.2025;Gr#n;12.03.2025;;1,00\n")
            .flatMap { $0 == 0xC3 ? [UInt8]() : [$0] }
        // "på" was UTF-8 (C3 A5); dropping C3 leaves A5, so the head is not UTF-8 at all.
        let result = try readCSV(bytes: bytes, try profile(toml: """
            description = "t"
            delimiter = ";"
            currency = "NOK"
            date_formats = ["dd.mm.yyyy"]
            [columns]
            booking_date = "Dato"
            text = ["Forklaring"]
            amount = "Inn p\\u00a5 konto"
            [amounts]
            decimal = ","
            """))
        #expect(result.transactions.first?.text == "Grün")
        #expect(result.warnings.map(\.message) == ["not UTF-8 as profile test says: read as Windows-1252"])
    }
}

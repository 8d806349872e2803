import ReconCore
import ReconApp

/// What peers assert in prose (MANIFEST's "Peer:" lines), encoded by hand where it goes beyond the
/// Computed lines: TxDtls splits, payer names and accounts, references, texts, CSV totals.
enum PeerExpectations {
    static func check(_ path: String, _ report: InspectJob.Report) -> [String] {
        guard let expectations = table[path] else { return [] }
        var probe = Probe(report: report)
        expectations(&probe)
        return probe.problems.map { "peer: " + $0 }
    }

    /// One file's report, with comparisons that record what differs.
    struct Probe {
        let report: InspectJob.Report
        var problems: [String] = []

        var entries: [BankEntry] { report.statements.flatMap(\.entries) }
        var transactions: [BankTransaction] { entries.flatMap(\.transactions) }

        /// For the table: `condition` reads the report (a copy), so that it does not overlap the mutation.
        mutating func check(_ condition: (Probe) -> Bool, _ message: String) {
            let holds = condition(self)
            expect(holds, message)
        }

        mutating func expect(_ condition: Bool, _ message: String) {
            if !condition { problems.append(message) }
        }

        /// Transaction `index` (0-based, over the whole file) has these values; nil means "not checked".
        mutating func tx(_ index: Int, _ amount: String? = nil, e2e: String?? = nil, ref: String?? = nil,
                         payer: String?? = nil, iban: String?? = nil, text: String? = nil, textHas: String? = nil,
                         booked: String? = nil, value: String? = nil, bankRef: String? = nil, status: EntryStatus? = nil,
                         reversal: Bool? = nil) {
            guard index < transactions.count else { return expect(false, "no transaction #\(index)") }
            let t = transactions[index]
            let name = "transaction #\(index)"
            if let amount { expect(t.amount.formatted() == amount, "\(name): amount \(t.amount), peer \(amount)") }
            if let e2e { expect(t.endToEndId == e2e, "\(name): end-to-end id \(t.endToEndId ?? "nil"), peer \(e2e ?? "nil")") }
            if let ref { expect(t.structuredRef == ref, "\(name): structured ref \(t.structuredRef ?? "nil"), peer \(ref ?? "nil")") }
            if let payer { expect(t.payerName == payer, "\(name): payer \(t.payerName ?? "nil"), peer \(payer ?? "nil")") }
            if let iban { expect(t.payerIban == iban, "\(name): payer account \(t.payerIban ?? "nil"), peer \(iban ?? "nil")") }
            if let text { expect(t.text == text, "\(name): text '\(t.text)', peer '\(text)'") }
            if let textHas { expect(t.text.contains(textHas), "\(name): text '\(t.text)' lacks '\(textHas)'") }
            if let booked { expect(t.bookingDate.description == booked, "\(name): booked \(t.bookingDate), peer \(booked)") }
            if let value { expect(t.valueDate?.description == value, "\(name): value date \(t.valueDate?.description ?? "nil"), peer \(value)") }
            if let bankRef { expect(t.bankRef == bankRef, "\(name): bank ref \(t.bankRef ?? "nil"), peer \(bankRef)") }
            if let status { expect(t.status == status, "\(name): status \(t.status), peer \(status)") }
            if let reversal { expect(t.isReversal == reversal, "\(name): reversal \(t.isReversal), peer \(reversal)") }
        }

        mutating func count(statements: Int? = nil, entries: Int? = nil, transactions: Int? = nil) {
            if let statements { expect(report.statements.count == statements, "\(report.statements.count) statements, peer \(statements)") }
            if let entries { expect(self.entries.count == entries, "\(self.entries.count) entries, peer \(entries)") }
            if let transactions {
                expect(self.transactions.count == transactions, "\(self.transactions.count) transactions, peer \(transactions)")
            }
        }

        /// Statement `index` (0-based) has this opening and closing balance.
        mutating func balances(_ index: Int = 0, opening: String?, closing: String?) {
            guard index < report.statements.count else { return expect(false, "no statement #\(index)") }
            let info = report.statements[index].info
            expect(info.opening?.formatted() == opening, "statement #\(index): opening \(info.opening?.formatted() ?? "nil"), peer \(opening ?? "nil")")
            expect(info.closing?.formatted() == closing, "statement #\(index): closing \(info.closing?.formatted() ?? "nil"), peer \(closing ?? "nil")")
        }

        /// The amounts of all transactions, in file order.
        mutating func amounts(_ expected: [String]) {
            let actual = transactions.map { $0.amount.formatted() }
            expect(actual == expected, "amounts \(actual), peer \(expected)")
        }

        /// The signed sum of all transactions.
        mutating func sum(_ expected: String) {
            guard let currency = transactions.first?.amount.currency else { return expect(false, "no transactions") }
            let total = transactions.reduce(Money.zero(currency)) { $0 + $1.amount }
            expect(total.formatted() == expected, "sum \(total), peer \(expected)")
        }

        /// No transaction is a receipt recon may settle.
        mutating func noReceipts() {
            expect(!transactions.contains(where: \.isReceipt), "a transaction would settle an invoice")
        }

        /// Transaction ids are all different (identical rows stay two transactions).
        mutating func distinctIds() {
            expect(Set(transactions.map(\.entryId)).count == transactions.count, "duplicate entry ids")
        }
    }

    static let table: [String: @Sendable (inout Probe) -> Void] = [
        // camt
        "oca-bank-statement-import/test-camt053.xml": { p in
            p.count(entries: 3, transactions: 4)
            p.balances(opening: "15568.27", closing: "15121.12")
            p.tx(0, "-754.25", e2e: "435005714488-ABNO33052620", payer: "INSURANCE COMPANY TESTX", iban: "NL46ABNA0499998748",
                 text: "Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014", booked: "2014-01-05")
            p.tx(1, "-564.05", e2e: "TESTBANK/NL/20141229/01206408", payer: "Test Customer", reversal: true)
            p.tx(2, "-100.00", e2e: "TESTBANK/NL/20141229/01206407", payer: "Test Customer", reversal: true)
            p.tx(3, "1405.31", payer: "3rd party Media", text: "#RD PARTY MEDIA CUSNO 90782 4210773")
        },
        "oca-bank-statement-import/test-camt053-txdtls.xml": { p in
            p.count(entries: 1, transactions: 2)
            p.balances(opening: "75960.15", closing: "79443.15")
            p.tx(0, "2187.00", ref: "302388292000011111111111111", payer: "Banque Cantonale Vaudoise", textHas: "CRÉDIT GROUPÉ BVR")
            p.tx(1, "1296.00", ref: "302388292000022222222222222")
        },
        "oca-bank-statement-import/test-camt054.xml": { p in
            p.tx(0, "5.00", ref: "000000000000000000000000003", payer: "Test Customer")
        },
        "dvbern-iso20022/camt054-v104_camt_054_Beispiel_ZA1_ESR_ZE.xml": { p in
            p.tx(0, "3949.75", ref: "210000000003139471430009017", payer: "Pia Rutschmann", booked: "2015-01-07", value: "2015-01-07")
        },
        "dvbern-iso20022/camt054-v104_camt_054_Beispiel_NoCrdtBookedNotReversed.xml": { p in
            p.count(entries: 3)
            p.noReceipts()
            p.tx(0, reversal: true)
            p.tx(1, status: .pending)
            p.tx(2, "-3.00")
        },
        "dvbern-iso20022/camt053-v104_camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml": { p in
            p.count(entries: 13)
            p.check({ $0.entries.contains { $0.transactions.count == 10 && $0.bookingDate.description == "2016-05-27"
                && $0.valueDate?.description == "2016-05-30" } }, "the ESR batch of 2016-05-27 is not split into its 10 TxDtls")
            p.check({ $0.transactions.contains { $0.payerName == "Bernasconi Maria" && $0.payerIban == "CH4444444444444444444" } },
                     "no transaction from Bernasconi Maria, CH4444444444444444444")
        },
        "viafintech-camt_parser/053_valid_example_v8.xml": { p in
            p.tx(0, "474.40", text: "INVOICE R77561")
            p.tx(1, "88.85", e2e: "435A9287E088BDB1D97FAABD181C70C8", ref: "RF38000000000000000000552", payer: "Finanz AG",
                 bankRef: "0123171DO5126811")
            p.tx(2, "-20.97")
        },
        "viafintech-camt_parser/053_valid_example.xml": { p in
            p.tx(0, "-2.00", e2e: "EndToEndReference", bankRef: "BankReference")
            p.check({ $0.entries.first?.bankRef == "2013122710583450000" }, "the entry's AcctSvcrRef is not 2013122710583450000")
        },
        "kedder-ofxstatement-iso20022/camt053.xml": { p in
            p.tx(0, "1284.30", text: "PAYMENT INFO", bankRef: "A032-J30K20-03-JF021")
            p.balances(opening: "832.01", closing: "2116.31")
        },
        "kedder-ofxstatement-iso20022/davider80.xml": { p in
            p.count(entries: 16)
            p.balances(opening: "9433.31", closing: "5753.46")
            p.tx(0, "-905.30", booked: "2017-04-01", value: "2017-04-03", bankRef: "210564431020000000024556150000")
        },
        "kedder-ofxstatement-iso20022/simple.xml": { p in
            p.count(entries: 4)
            p.tx(0, "-0.29", payer: "AB DNB Bankas", text: "Sąskaitos aptarnavimo mokestis", booked: "2015-12-31",
                 value: "2016-01-01", bankRef: "FC1261858984")
        },
        "kedder-ofxstatement-iso20022/gcamp6.xml": { p in
            p.count(entries: 5)
            p.tx(0, "10000.00", booked: "2016-04-23")
            p.check({ $0.report.statements.first?.info.currency?.code == "XXX" }, "currency is not XXX")
        },
        "hbci4java/test-camt-parse-05200102.xml": { p in
            p.tx(0, "10.00", payer: "Max Mustermann", iban: "DE12345678901234567891", text: "Verwendungszweck 1",
                 booked: "2018-07-20", value: "2018-07-21")
            p.tx(1, "0.50", payer: "Bert Bezahler", booked: "2018-07-20", value: "2018-07-22")
        },
        "hbci4java/test-camt-parse-05200108.xml": { p in
            p.tx(0, "-34.00", payer: "Beispiel AG", iban: "DE12345678901234567892", text: "Verwendungszweck")
        },
        "hbci4java/test-camt-ruecklastschrift.xml": { p in
            // A returned direct debit: the counterparty is its debtor (RtrInf keeps the original roles).
            p.tx(0, "-53.00", payer: "Sven Schuldner", iban: "DES1234567890", text: "RUECKLASTSCHRIFT Sonstige Gruende")
        },
        "actualbudget-actual/camt.latin1.xml": { p in
            p.tx(0, "100.00", text: "M-Überschusssparen")
            p.tx(1, "-5.00", payer: "Grüße aus München", text: "Restaurant Schrödingers Katze und Café Ünique")
        },
        "vmelnalksnis-iso20022dotnet/BankToCustomerAccountReportV02.xml": { p in
            p.tx(0, "-3.00", text: "Komisijas maksa", bankRef: "123456789")
            p.tx(1, "-128.20", e2e: "34", payer: "Gatis Egle", iban: "LV21TEST0000000000002", text: "Parvedums ar konvertaciju")
        },
        "subite-camt-to-coda/LT809872649478701594_CAMT_054_2024-03-18.xml": { p in
            p.count(entries: 1, transactions: 41)
            p.tx(0, status: .info)
            p.noReceipts()
        },
        "prowide-iso20022/camt.053.001.07.xml": { p in
            p.check({ $0.report.statements.first?.info.id == "SDFSDF" }, "statement id is not SDFSDF")
        },
        "oca-bank-statement-import/test-camt053-no-ntry.xml": { p in
            // The peer returns nothing for a statement without entries; recon keeps it, with its balances.
            p.count(statements: 1, entries: 0)
            p.balances(opening: "1520.76", closing: "1520.76")
        },
        // MT940
        "oca-bank-statement-import/mt940_nl_ing-test-ing.940": { p in
            p.balances(opening: "662.23", closing: "564.35")
            p.tx(0, "1.56", e2e: "EV12341REP1231456T1234", iban: "NL32INGB0000012345", value: "2014-02-20")
        },
        "oca-bank-statement-import/mt940_nl_ing-test-ing-old.940": { p in
            p.balances(opening: "662.23", closing: "564.35")
        },
        "oca-bank-statement-import/mt940_nl_rabo-test-rabo.swi": { p in
            p.tx(0, "400.00", payer: "R. SMITH", iban: "NL66RABO0160878799", value: "2014-01-02")
            p.balances(0, opening: "4433.52", closing: "4833.52")
            p.balances(3, opening: "4798.91", closing: "4798.91")
        },
        "oca-bank-statement-import/mt940_nl_mollie-Voorbeeld-MT-940.mt940": { p in
            p.count(statements: 1, transactions: 21)
            p.sum("-1350.26")
            p.balances(opening: "0.00", closing: "-1350.26")
        },
        "jejik-mt940/deutschebank.txt": { p in
            p.tx(0, "-12.35", payer: "TESTEREL", iban: "DE50712345600200691329", booked: "2020-06-08", value: "2020-06-08",
                 bankRef: "2016021783252833")
            p.tx(0, textHas: "SONSTIGE GRUENDE ENDABRECHNUNG NR. 500106875")
        },
        "jejik-mt940/oldenburgischelandesbank.txt": { p in
            p.tx(0, "104.50", e2e: .some(nil), payer: "WOHNBAU DIEPHOLZ GMBH", iban: "DE99123456771234567888",
                 text: "EWE,ENERGIEAUSWEIS RG.-NR. 1234567890 KD.-NR. 12377777", booked: "2018-07-16")
        },
        "jejik-mt940/oldenburgischelandesbank2.txt": { p in
            p.tx(0, "230.00", e2e: "SCP 100 / 0082002528", payer: "EWE VERTRIEB GmbH", iban: "DE59280200501000000000",
                 text: "D 803020001000145464 +1000145463 XXXXXXX,XXXXXX")
        },
        "jejik-mt940/K4262927_20200905-080000-952.txt": { p in
            p.tx(0, "230.00", e2e: "SCP 100 / 0082002528", payer: "EWE VERTRIEB GmbH")
        },
        "jejik-mt940/oldenburgischelandesbankmitbindestrich.txt": { p in
            p.tx(0, "1727.00", payer: "Projektgemeinschaft XXXXXX+ XXXXXXGmbH + Co. KG", iban: "DE41292500000123456789",
                 text: "Kunden-Nr. 20389020 Vertrags-Nr. 1000620785", booked: "2021-06-17")
        },
        "jejik-mt940/sparkasse.txt": { p in
            p.count(statements: 2)
            p.balances(opening: "194.57", closing: "174.57")
            p.tx(1, "-20.00", payer: "Max Mustermann", iban: "DE12345678901234567890",
                 text: "Apple PayDATUM 19.02.2019, 13.24 UHR1.TAN 002153", booked: "2019-02-19", value: "2019-02-19")
        },
        "jejik-mt940/sparkasse2.txt": { p in
            p.tx(0, "1027.25", payer: "GEBÜHREN MANUELL GG UST-FREI", booked: "2020-02-19", value: "2020-02-01", reversal: true)
        },
        "jejik-mt940/sparkasse3.txt": { p in
            p.tx(0, "-1027.25", booked: "2020-02-19", value: "2020-02-01", reversal: true)
        },
        "jejik-mt940/sparkasse_interim_balance.txt": { p in
            p.count(statements: 3)
            p.tx(0, "-20.00")
        },
        "jejik-mt940/lbbw.txt": { p in
            p.tx(0, "-0.01", booked: "2021-02-08")
            p.tx(1, "0.01", payer: "NIC RICHTER")
        },
        "jejik-mt940/volksbankenraiffeisenbanken.txt": { p in
            p.count(statements: 8)
            p.balances(opening: "3085.00", closing: "3230.00")
            p.tx(2, "80.00", payer: "Antonio Sueto", iban: "DE83500105179219844142",
                 text: "Musical Emilio CDIBAN: DE83500105179219844142 BIC: SBCRDE66", booked: "2020-02-21", value: "2020-02-21")
        },
        "jejik-mt940/ing-dos.txt": { p in
            p.count(statements: 1, transactions: 7)
            p.tx(0, "-25.03", booked: "2010-07-22")
        },
        "jejik-mt940/bug-core-5401.txt": { p in
            p.tx(0, "50.00", e2e: .some(nil), booked: "2021-03-31", bankRef: "2109025460313532")
        },
        "wolph-mt940/self-provided_details_60-63.sta": { p in
            p.tx(0, "-233.15", e2e: "123/123/12345-----L110", payer: "Finanzamt Muenchen Abteilung Erhebung",
                 iban: "DE99700500000000012345")
        },
        "wolph-mt940/self-provided_malformed_details.sta": { p in
            p.tx(0, "-233.15", e2e: "123/123/12345-----L1101234567890123", payer: "Finanzamt Muenchen Abteilung Erhebung",
                 iban: "DE99700500000000012345", textHas: "STEUERNR 123/123/12345 KOERPST 3VJ.17 233,15EUR")
        },
        "wolph-mt940/self-provided_whitespace.sta": { p in
            p.tx(0, "-233.15", payer: "DEUTSCHE KREDITBANK AG", iban: "9003932309",
                 text: "ERSTATTUNG AUSLANDSEINSATZENTGELT FUER VISA 4998 XXXXXXXX 1234")
        },
        "wolph-mt940/self-provided_gv_codes.sta": { p in
            p.tx(0, "-233.15", e2e: "1234567890123 PAYPAL", payer: "PayPal (Europe) S.a.r.l. et", text: ". SPOTIFY, Ihr Einkaufbei SPOTIFY")
        },
        "wolph-mt940/self-provided_mt942.sta": { p in
            p.tx(0, "-0.42", booked: "2016-10-31", value: "2016-10-30", bankRef: "055001022000001")
            p.check({ $0.report.format == "mt942" }, "the format is not mt942")
        },
        "wolph-mt940/mBank_mt942.sta": { p in
            p.count(transactions: 3)
            p.sum("0.03")
            p.check({ $0.report.format == "mt942" }, "the format is not mt942")
        },
        "wolph-mt940/self-provided_raiffeisen-cmi.sta": { p in
            p.count(transactions: 7)
            p.tx(0, "2066637.00", textHas: "összevont")
        },
        "wolph-mt940/ASNB_0708271685_09022020_164516.940.txt": { p in
            p.count(statements: 31, transactions: 8)
            p.balances(30, opening: "404.81", closing: "501.23")
            p.tx(0, "-65.00", textHas: "Betaling sieraden", booked: "2020-01-01")
            p.tx(7, "-903.76")
        },
        "wolph-mt940/sberbank_171011_01234945.sta": { p in
            p.count(transactions: 3)
            p.sum("-9437.00")
        },
        "wolph-mt940/cmxl_mt940.sta": { p in
            p.count(statements: 3, transactions: 16)
            p.tx(0, "-6800.00", booked: "2013-10-17")
        },
        "wolph-mt940/self-provided_raphaelm.sta": { p in
            p.count(statements: 3, transactions: 9)
            p.tx(0, "5000.00", booked: "2002-03-20", value: "2002-03-17")
        },
        "wolph-mt940/betterplace_empty_entry_date.sta": { p in
            p.tx(0, "50.00", booked: "2011-07-01")
        },
        "wolph-mt940/self-provided_sparkassen.sta": { p in
            p.tx(0, "30.00", text: "Test", booked: "2018-11-26")
        },
        "mt940-rs/betterplace_sepa_mt9401.sta": { p in
            p.count(statements: 26, transactions: 97)
            p.check({ $0.report.statements.allSatisfy { $0.balanceCheck == .ok } }, "a statement does not reconcile (RC must be a debit)")
            p.check({ $0.transactions.filter(\.isReversal).map { $0.amount.formatted() } == ["-204.88", "-204.88"] },
                     "the two RC reversals are not debits of 204.88")
        },
        "php-mt940/Abn_sample2.sta": { p in
            p.check({ $0.transactions.contains { $0.valueDate?.description == "2009-12-31" && $0.bookingDate.description == "2010-01-01" } },
                     "value date 31-12-2009 with entry date 0101 does not book on 2010-01-01")
        },
        "php-mt940/Hsbc_sample.sta": { p in
            p.tx(0, "-20000.00")
            p.check({ $0.transactions.first?.amount.currency.code == "HKD" }, "currency is not HKD")
        },
        "php-mt940/Triodos_sample.sta": { p in
            p.count(statements: 2)
            p.balances(0, opening: "1000.00", closing: "850.00")
            p.balances(1, opening: "950.12", closing: "1009.14")
        },
        "php-mt940/Kontist_sample.sta": { p in
            p.tx(0, "50.00", payer: "CHRISTIAN BENDT", iban: "DE59320500000001908722", booked: "2021-02-15")
        },
        "php-mt940/Bunq_sample.sta": { p in
            p.count(transactions: 111)
            p.tx(0, "2.00", payer: "P.C. Wacki", iban: "NL65BUNQ2206724936", booked: "2019-01-31")
        },
        "php-mt940/Rabo_sample2.sta": { p in
            p.balances(opening: "-1000.12", closing: "2145.23")
        },
        "php-mt940/Rabo_sample3.sta": { p in
            p.tx(0, "-127.50", text: "674725433 1120000153447185 14144467636004962")
            p.tx(4, text: "Factuur 307472")
        },
        "php-mt940/Rabo_sample4.sta": { p in
            p.tx(0, "-98.99", text: "20151208123123987 0030001100999991 Rabobank.nl - Order 347347")
            p.tx(1, "-840.20", text: "PmtInfId-20151208-987")
        },
        "php-mt940/Spk_sample.sta": { p in
            p.count(statements: 4, transactions: 10)
        },
        "php-mt940/Zetb_sample.sta": { p in
            p.count(transactions: 8)
            p.tx(0, "220000.00", booked: "2020-11-30")
        },
        // CSV
        "ofxstatement-sparkasse-freiburg/simple1.csv": { p in
            p.tx(0, "-1234.56", payer: "ASDF Immobilien GmbH", status: .pending)
            p.tx(1, "123.00", status: .booked)
        },
        "ofxstatement-sparkasse-freiburg/simple2.csv": { p in
            p.amounts(["-22.59", "-62.59", "-100.00", "-60.00", "-165.00", "-25.00", "-25.00", "-40.00", "-461.22", "0.00",
                       "-4.50", "350.00", "-79.00", "1060.22", "-200.00", "-41.51", "-0.15", "-16.49"])
            p.distinctIds()
        },
        "ofxstatement-dutch/ing_ok.csv": { p in
            // The peer skips the 0,00 row; recon keeps it (it is never settled, but never dropped either).
            p.amounts(["-1.25", "1.25", "0.00", "20.00", "-0.31", "-0.31"])
            p.tx(3, "20.00", payer: "PAULISSEN G J L M", iban: "NL99ASNB9999999999")
            p.distinctIds()
        },
        "ofxstatement-dutch/ing_ok_Mutatiesoort_Extra_Unquoted.csv": { p in
            p.amounts(["-1.25", "1.25", "0.00", "20.00", "-0.31", "-0.31"])
            p.distinctIds()
        },
        "ofxstatement-dutch/Knab_transactieoverzicht_ok.csv": { p in
            p.count(transactions: 28)
            p.sum("7.01")
        },
        "ofxstatement-dutch/transactie-historie_NL00ASNB9999999999_20220717204133.csv": { p in
            p.count(transactions: 11)
            p.tx(0, "223.77", payer: "XXXXXXXXX Z Z Z Z", iban: "NL99ASNB0000000000")
            p.tx(2, "-2.20", text: "Kosten gebruik betaalrekening inclusief 1 betaalpas")
        },
        "ofxstatement-de-ing/test_with_saldo_1.csv": { p in
            p.count(transactions: 9)
            p.tx(1, "50.00", payer: "Karl Karlsen", text: "Monatliche Ueberweisung", booked: "2018-12-28")
        },
        "c-vigo-beancount-importers/N26_Sample.csv": { p in
            p.count(transactions: 87)
            p.tx(0, "-4.50", payer: "STARBUCKS COFFEE", booked: "2024-01-15")
            p.check({ $0.transactions.contains { $0.bookingDate.description == "2024-01-18" && $0.payerName == "John Smith"
                && $0.text == "Salary January 2024" && $0.amount.isPositive } }, "no salary credit from John Smith on 2024-01-18")
            p.check({ $0.transactions.contains { $0.payerName == "QUOTES \"COMPANY\"" } }, "the backslash-escaped quotes are not read")
        },
        "c-vigo-beancount-importers/Neon_Sample.csv": { p in
            p.tx(0, "-3000.00", booked: "2024-12-30")
            p.check({ $0.transactions.contains { $0.amount.formatted() == "-69.46" } }, "no card payment of −69.46 CHF")
        },
        "c-vigo-beancount-importers/Revolut_CHF_Sample.csv": { p in
            p.count(transactions: 7)
            p.tx(0, "500.00", booked: "2024-01-01")
            p.tx(1, "-25.50")
            p.tx(4, "-42.60", value: "2024-03-01")
        },
        "c-vigo-beancount-importers/ZKB_Sample.csv": { p in
            p.count(transactions: 7)
            p.tx(0, "5000.00", textHas: "Credit salary", booked: "2024-01-01")
            p.tx(1, "-25.50", textHas: "Debit TWINT", booked: "2024-01-05")
        },
        "oca-bank-statement-import/sheet_file-debit_credit.csv": { p in
            p.amounts(["-33.50", "1533.50"])
        },
        "oca-bank-statement-import/sheet_file-debit_credit_amount.csv": { p in
            p.amounts(["-20.00", "-13.50", "33.50", "1500.00"])
        },
        "oca-bank-statement-import/sheet_file-balance.csv": { p in
            p.amounts(["-33.50", "1533.50"])
        },
        "bank2ynab/NL_Rabobank_CSV_A_20180414_112204.csv": { p in
            p.amounts(["-337.49", "50.00", "-750.00"])
            p.check({ $0.transactions.allSatisfy { $0.account == "NL77RABO0311467415" } }, "the row without its opening quote lost its account")
        },
        "bank2ynab/CZ_AirBank_Movements_1234512345_201805271848.csv": { p in
            p.tx(0, "-1.00", text: "Memo for me test")
            p.check({ $0.transactions.first?.amount.currency.code == "CZK" }, "currency is not CZK")
        },
        "bank2ynab/UK_JohnLewis_card_MS_JANE_SMITH_01-12-2019_14-12-2019.csv": { p in
            p.count(transactions: 10)
            p.tx(0, "-1183.23", booked: "2019-12-12")
            p.tx(9, "1100.00", booked: "2019-12-02")
        },
    ]
}

extension PeerExpectations {
    /// The peers' assertions about the camt files of the corpus.
    static let camt: [String: @Sendable (inout Probe) -> Void] = [
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
    ]
}

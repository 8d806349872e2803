extension PeerExpectations {
    /// The peers' assertions about the bank CSV exports of the corpus.
    static let csv: [String: @Sendable (inout Probe) -> Void] = [
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

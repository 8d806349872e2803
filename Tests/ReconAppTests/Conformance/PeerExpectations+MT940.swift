extension PeerExpectations {
    /// The peers' assertions about the MT940 and MT942 files of the corpus.
    static let mt940: [String: @Sendable (inout Probe) -> Void] = [
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
    ]
}

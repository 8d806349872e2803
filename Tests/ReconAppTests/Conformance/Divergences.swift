/// Where recon deliberately reads a corpus file differently from what MANIFEST computed, or needs
/// a profile that detection cannot know. Every entry says why; docs/formats.md lists them too.
enum Divergences {
    /// Files that must be refused, and why.
    static let broken: [String: String] = [
        "genkgo-camt/camt053.v2.wrong.xml": "group header only, no statement",
        "dvbern-iso20022/camt054-v104_invalid_camt_054_Beispiel_NotificationMissing.xml": "a Document element without namespace or content",
        "viafintech-camt_parser/052_valid_namespace.xml": "namespace only, no report",
        "viafintech-camt_parser/053_valid_namespace.xml": "namespace only, no statement",
        "viafintech-camt_parser/general_invalid_namespace.xml": "namespace only, no statement",
        "kedder-ofxstatement-iso20022/unsupported.xml": "not a camt namespace (urn:weird-namespace)",
        "mt940-rs/betterplace_sepa_snippet_broken.sta": "a :86: body under a second :25: after the statement line",
        "mt940-rs/jejik_knab_broken.sta": "a :61: amount without its decimal comma",
        "mt940-rs/special-cases_invalid_statement.sta": "ten numbered lines, no MT940 tag at all",
    ]

    /// Files read with a profile that detection cannot infer (an encoding only a person knows).
    static let profiles: [String: String] = [
        "wolph-mt940/self-provided_raiffeisen-cmi.sta": "mt940-cp852",
    ]

    /// Checks (`statements`, `s1.check`, `s2.e1`, `rows`, `flows` …) skipped per file, with the reason.
    static let skipped: [String: [String: String]] = [
        "hbci4java/test-camt-parse-5200108-invalid-saldo.xml": [
            "s1.balances": "100.0000000000005 EUR has more decimals than EUR: recon never rounds money, so the balance is ignored with a warning (the peer only requires that the file is read)",
            "s1.check": "without readable balances the check is unknown, not a mismatch",
        ],
        "mt940-rs/special-cases_february_30.sta": [
            "s1.e1": "value date 160230 does not exist: recon drops it with a warning and books on the entry date 0301 (mt940-rs refuses the file, WoLpH moves the date to 2016-02-29)",
        ],
        "wolph-mt940/self-provided_transaction_details_wrapped.sta": [
            "s1.e1": "value date 160230 does not exist: dropped with a warning, booked on the entry date 0301 (WoLpH: 2016-02-29)",
        ],
        "wolph-mt940/self-provided_wrapped_timestamp.sta": [
            "s1.e1": "value date 160230 does not exist: dropped with a warning, booked on the entry date 0301 (WoLpH: 2016-02-29)",
        ],
        "wolph-mt940/betterplace_amount_formats.sta": [
            "s1.opening": "six :60F: in one statement: MANIFEST takes the first, recon (like the peer WoLpH) the last, 1.12 EUR, with a warning for each",
        ],
        "php-mt940/Rabo_sample.sta": [
            "totals": "EUR, USD and JPY in one file: MANIFEST's file totals add them up (and drop the decimals of point amounts); per statement the sums agree",
        ],
        "php-mt940/Rabo_sample2.sta": [
            "s1": "MANIFEST drops the decimals of point amounts (000000002145.23 → 2145); recon reads −1000.12 and 2145.23, as the peer php-mt940 asserts",
        ],
        "bank2ynab/BE_KBC_Mastercard_Business_Essential_20200204_1604.csv": [
            "row1": "MANIFEST dates card rows by 'datum verrichting' (the purchase); recon books on 'Datum verrekening' (when the account moved) and keeps the purchase date as value date",
            "row2": "as row1",
        ],
        "bank2ynab/UK_JohnLewis_card_MS_JANE_SMITH_01-12-2019_14-12-2019.csv": [
            "rows": "the three 'Pending' rows have no date and are skipped (the profile says so); MANIFEST counts them",
            "flows": "as rows: 9 spends of 1385.80 and one payment of 1100.00 remain",
            "row1": "row 1 of MANIFEST is a pending row",
            "row2": "row 2 of MANIFEST is a pending row",
        ],
        "c-vigo-beancount-importers/Revolut_CHF_Sample.csv": [
            "flows": "the fee is charged on top of the amount (the running balance drops by 42.60 for −42.18 with fee 0.42, as the peer asserts): recon reads amount − fee",
        ],
        "oca-bank-statement-import/sheet_file-debit_credit_amount.csv": [
            "flows": "MANIFEST's Computed reads Debit as money out; this layout's Debit is money in (its running Balance and the peer OCA agree), so inflows and outflows swap",
            "row1": "as flows: Credit 20.00 is money out, −20.00",
            "row2": "as flows: Credit −13.50 is money out, −13.50",
        ],
    ]
}

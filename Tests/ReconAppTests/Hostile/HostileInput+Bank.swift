import ReconTestSupport

/// Hostile bank files: XML bombs and oddities, broken encodings, cut-off files, impossible amounts
/// and dates, in each format.
extension HostileInput {
    static let csvHeader = "booking_date,value_date,amount,currency,payer_name,payer_iban,reference,text,bank_ref\n"

    static let xml: [HostileInput] = [
        HostileInput("billion laughs", .bank, "laughs.xml", ["FILE:2:16: a DOCTYPE is not allowed in bank files (entities are never expanded)"], text: """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol9;</BkToCstmrStmt></Document>
            """),
        HostileInput("external entity", .bank, "xxe.xml", ["FILE:2:13: a DOCTYPE is not allowed in bank files (entities are never expanded)"], text: """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>
            """),
        HostileInput("external DTD", .bank, "dtd.xml", ["FILE:2:67: a DOCTYPE is not allowed in bank files (entities are never expanded)"], text: """
            <?xml version="1.0"?>
            <!DOCTYPE Document SYSTEM "http://127.0.0.1:9/camt.053.001.02.dtd">
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
            """),
        HostileInput("a DOCTYPE", .bank, "doctype.xml", ["FILE:2:19: a DOCTYPE is not allowed in bank files (entities are never expanded)"], text: """
            <?xml version="1.0"?>
            <!DOCTYPE Document>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
            """),
        HostileInput("10,000-deep nesting", .bank, "deep.xml", ["FILE:2:848: elements nested deeper than 256 levels"], text:
            "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
            + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "</Stmt></BkToCstmrStmt></Document>\n"),
        HostileInput("camt cut off mid-element", .bank, "cut.xml", status: 65,
                     ["FILE:57:2: malformed XML: the file ends inside an element (8 still open): cut off?"]) {
            Array(HostileBytes.demoStatement.prefix(2000))
        },
        HostileInput("invalid UTF-8 in camt", .bank, "latin.xml", status: 65,
                     ["FILE:48:32: malformed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xF8 0x72 0x64 0x6B"]) {
            HostileBytes.text(String(decoding: HostileBytes.demoStatement, as: UTF8.self), replacing: "Fjordkraft", with: Array("Fj".utf8) + [0xF8] + Array("rdkraft".utf8))
        },
        HostileInput("a NUL byte in camt", .bank, "nul.xml", status: 65, ["FILE:48:32: malformed XML: Char 0x0 out of allowed range"]) {
            HostileBytes.text(String(decoding: HostileBytes.demoStatement, as: UTF8.self), replacing: "Fjordkraft", with: Array("Fj".utf8) + [0] + Array("rdkraft".utf8))
        },
        HostileInput("a 40-digit camt amount", .bank, "big.xml", status: 65,
                     ["FILE:35:73: amount is too large '1234567890123456789012345678901234567890.00' (NOK has 2 decimals)",
                      "FILE:33:12: entry without an amount"]) {
            HostileBytes.demoStatement(replacing: "<Amt Ccy=\"NOK\">12500.00</Amt>",
                                       with: "<Amt Ccy=\"NOK\">1234567890123456789012345678901234567890.00</Amt>")
        },
        HostileInput("camt booked on 2026-02-30", .bank, "date.xml", status: 65, ["FILE:38:37: invalid date '2026-02-30'"]) {
            HostileBytes.demoStatement(replacing: "<BookgDt><Dt>2025-03-10</Dt></BookgDt>", with: "<BookgDt><Dt>2026-02-30</Dt></BookgDt>")
        },
    ]

    static let mt940: [HostileInput] = [
        HostileInput("a 40-digit MT940 amount", .bank, "big.sta",
                     ["FILE:4: :61: amount is too large '1234567890123456789012345678901234567890,00'"], text: """
            :20:X
            :25:NO7215036123459
            :60F:C250301NOK1,00
            :61:2503010301C1234567890123456789012345678901234567890,00NTRFNONREF//B1
            :62F:C250301NOK2,00
            """),
        HostileInput("MT940 value date 260230", .bank, "date.sta",
                     ["FILE:4: :61: value date 260230 does not exist and there is no entry date"], text: """
            :20:X
            :25:NO7215036123459
            :60F:C250301NOK1,00
            :61:260230C1,00NTRFNONREF//B1
            :62F:C250301NOK2,00
            """),
        HostileInput("MT940 cut off in :61:", .bank, "cut.sta", ["FILE:4: :61: amount '1' has no decimal comma"],
                     text: ":20:X\n:25:NO7215036123459\n:60F:C250301NOK1,00\n:61:2503010301C1"),
    ]

    static let csv: [HostileInput] = [
        HostileInput("CSV unterminated quote", .bank, "quote.csv", ["FILE:2:35: unterminated quoted field"],
                     text: csvHeader + "2025-03-19,2025-03-19,4200.00,NOK,\"Sjo,NO1,100180,,NB1\n2025-03-20,,1.00,NOK,,,,,NB2\n"),
        HostileInput("CSV record over 1 MiB", .bank, "long.csv", ["FILE:2: record longer than 1048576 bytes"],
                     text: csvHeader + "2025-03-19,2025-03-19,4200.00,NOK,A,,,\(String(repeating: "x", count: 1 << 20)),NB1\n"),
        HostileInput("a 40-digit CSV amount", .bank, "big.csv",
                     ["FILE:2:23: 'amount': amount is too large '1234567890123456789012345678901234567890.00'"],
                     text: csvHeader + "2025-03-19,2025-03-19,1234567890123456789012345678901234567890.00,NOK,A,,,,NB1\n"),
        HostileInput("CSV booked on 2026-02-30", .bank, "date.csv", ["FILE:2:1: 'booking_date': '2026-02-30' is not a date (yyyy-mm-dd)"],
                     text: csvHeader + "2026-02-30,,1.00,NOK,A,,,,NB1\n"),
        HostileInput("a NUL byte in a CSV amount", .bank, "nul.csv", status: 65,
                     ["FILE:2:23: 'amount': unexpected byte 0x0 in amount '1.\\u{0}00'"]) {
            HostileBytes.text(csvHeader + "2025-03-19,2025-03-19,1.#00,NOK,A,,,,NB1\n", replacing: "#", with: [0])
        },
        HostileInput("a file of NUL bytes", .bank, "zeros.csv", status: 65,
                     ["FILE:1: unknown bank file format: tried camt.052/053/054 XML"]) { [UInt8](repeating: 0, count: 4096) },
        HostileInput("receipts adding up past Int64", .bank, "sum.csv", [
            "FILE:3: the NOK amounts of this run add up to more than 23058430092136939.52 NOK, the most recon adds up exactly (this amount crosses it)",
        ], text: csvHeader + "2025-03-19,,20000000000000000.00,NOK,A,,,,NB1\n2025-03-19,,20000000000000000.00,NOK,A,,,,NB2\n"),
    ]
}

import ReconTestSupport

/// Hostile open items, decisions, configuration and profile files.
extension HostileInput {
    static let invoicesHeader = "invoice_id,customer_id,currency,amount,invoice_date,reference\n"

    static let files: [HostileInput] = [
        HostileInput("invalid UTF-8 in every open-items field", .invoices, "latin.csv", status: 65, [
            "FILE:2:1: invoice_id: invalid UTF-8",
            "FILE:2:5: customer_id: invalid UTF-8",
            "FILE:2:9: currency: invalid UTF-8",
            "FILE:2:14: amount: invalid UTF-8",
            "FILE:2:21: invoice_date: invalid UTF-8",
            "FILE:2:33: reference: invalid UTF-8",
        ]) {
            HostileBytes.text(invoicesHeader + "A#1,C#1,NO#K,10.00#,2025-01-01#,R#1\n", replacing: "#", with: [0xFF])
        },
        HostileInput("a NUL byte in an open-items amount", .invoices, "nul.csv", status: 65,
                     ["FILE:2:11: amount: unexpected byte 0x0 in amount '10\\u{0}.00'"]) {
            HostileBytes.text(invoicesHeader + "A1,C1,NOK,10#.00,2025-01-01,\n", replacing: "#", with: [0])
        },
        HostileInput("open items with an unterminated quote", .invoices, "quote.csv", ["FILE:2:4: unterminated quoted field"],
                     text: invoicesHeader + "A1,\"C1,NOK,10.00,2025-01-01,\n"),
        HostileInput("a 40-digit open-items amount", .invoices, "big.csv",
                     ["FILE:2:11: amount: amount is too large '1234567890123456789012345678901234567890'"],
                     text: invoicesHeader + "A1,C1,NOK,1234567890123456789012345678901234567890,2025-01-01,\n"),
        HostileInput("an open-items record over 1 MiB", .invoices, "long.csv", ["FILE:2: record longer than 1048576 bytes"],
                     text: invoicesHeader + "A1,C1,NOK,10.00,2025-01-01,\(String(repeating: "7", count: 1 << 20))\n"),
        HostileInput("open items adding up past Int64", .invoices, "sum.csv", [
            "FILE:5: the NOK amounts of this run add up to more than 23058430092136939.52 NOK, the most recon adds up exactly (this amount crosses it)",
        ], text: invoicesHeader + "A1,C1,EUR,20000000000000000.00,2025-01-01,\nA2,C1,NOK,20000000000000000.00,2025-01-01,\n"
            + "A3,C1,EUR,1.00,2025-01-01,\nA4,C1,NOK,20000000000000000.00,2025-01-01,\nA5,C1,EUR,1.00,2025-01-01,\n"),

        HostileInput("decisions naming transactions that do not exist", .decisions, "decisions.csv", [
            "FILE:2: exception_id X0000000000000000 names no exception of this run (already decided, or from other inputs?)",
            "FILE:3: exception_id Xffffffffffffffff names no exception of this run (already decided, or from other inputs?)",
        ], text: "exception_id,decision,invoice_ids\nX0000000000000000,match,80001\nXffffffffffffffff,suspense,\n"),
        HostileInput("invalid UTF-8 in every decisions field", .decisions, "latin.csv", status: 65, [
            "FILE:2:1: exception_id: invalid UTF-8",
            "FILE:2:20: decision: invalid UTF-8",
            "FILE:2:27: invoice_ids: invalid UTF-8",
            "FILE:2:34: note: invalid UTF-8",
        ]) {
            HostileBytes.text("exception_id,decision,invoice_ids,note\nX3851a40feed7be68#,match#,80001#,ok#\n", replacing: "#", with: [0xC3])
        },

        HostileInput("a configuration with wrong types", .config, "recon.toml", [
            "FILE:2: [accounts] bank: must be a non-empty string (account numbers are text, e.g. \"1920\")",
            "FILE:7: [matching] auto_threshold: must be a whole number from 0 to 100",
            "FILE:8: [matching] invoice_patterns: must be an array of regular expressions, e.g. [\"INV[- ]?(\\\\d+)\"]",
            "FILE:5: [settlement] discount_on_partial_payments: must be true or false",
            "FILE:4: [settlement] max_underpayment: must be a non-negative amount written as a string, e.g. \"0.05\" (never a float)",
        ], text: """
            [accounts]
            bank = 1920
            [settlement]
            max_underpayment = 0.05
            discount_on_partial_payments = "yes"
            [matching]
            auto_threshold = "80"
            invoice_patterns = "INV(\\\\d+)"
            """),
        HostileInput("a configuration that is not UTF-8", .config, "latin.toml", status: 65,
                     ["FILE:1: configuration is not valid UTF-8"]) {
            HostileBytes.text("[accounts]\nbank = \"19#0\"\n", replacing: "#", with: [0xE9])
        },
        HostileInput("a bank profile with wrong types", .profile, "mybank.toml", [
            "FILE:4: [columns] booking_date: must be a header name, a 1-based column index or { name = …, occurrence = … }",
            "FILE:1: delimiter: must be one character (\",\", \";\", \"|\", \"\\t\") or \"auto\"",
            "FILE:2: header: must be true or false",
        ], text: """
            delimiter = ";;"
            header = "yes"
            [columns]
            booking_date = 1.5
            amount = "amount"
            """),
    ]
}

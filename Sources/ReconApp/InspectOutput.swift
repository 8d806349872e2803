import ReconCore
import ReconFormats

/// Writes an inspect report as JSON (one entry per line) or as CSV (one row per transaction).
public enum InspectOutput {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv
        /// Counts and totals per statement only (streaming; see `InspectSummary`).
        case summary
    }

    public static func write(_ report: InspectJob.Report, as format: Format, to writer: FileWriter) throws {
        switch format {
        case .json: try json(report, to: writer)
        case .csv: try csv(report, to: writer)
        case .summary: preconditionFailure("summary is written by InspectSummary while reading")
        }
        try writer.flush()
    }

    // MARK: - JSON

    static func json(_ report: InspectJob.Report, to writer: FileWriter) throws {
        try writer.write("{\n  \"format\": \(quoted(report.format)),\n  \"statements\": [")
        for (index, statement) in report.statements.enumerated() {
            let info = statement.info
            try writer.write(index == 0 ? "\n" : ",\n")
            try writer.write("""
                    {
                      "id": \(quoted(info.id)),
                      "account": \(quoted(info.account)),
                      "currency": \(quoted(info.currency?.code)),
                      "opening": \(quoted(info.opening?.formatted())),
                      "closing": \(quoted(info.closing?.formatted())),
                      "balance_check": \(quoted(statement.balanceCheck.rawValue)),
                      "entries": [
                """)
            for (position, entry) in statement.entries.enumerated() {
                try writer.write(position == 0 ? "\n        " : ",\n        ")
                try writer.write(entryJSON(entry))
            }
            try writer.write(statement.entries.isEmpty ? "]\n    }" : "\n      ]\n    }")
        }
        try writer.write(report.statements.isEmpty ? "],\n  \"warnings\": [" : "\n  ],\n  \"warnings\": [")
        for (index, warning) in report.warnings.enumerated() {
            try writer.write((index == 0 ? "\n    " : ",\n    ") + quoted(warning.description))
        }
        try writer.write(report.warnings.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    static func entryJSON(_ entry: BankEntry) -> String {
        var text = "{\"entry_id\": \(quoted(InspectJob.entryId(entry))), \"amount\": \(quoted(entry.amount.formatted())), "
        text += "\"currency\": \(quoted(entry.amount.currency.code)), \"booking_date\": \(quoted(entry.bookingDate.description)), "
        text += "\"value_date\": \(quoted(entry.valueDate?.description)), \"status\": \(quoted(entry.status.rawValue)), "
        text += "\"reversal\": \(entry.isReversal), \"bank_ref\": \(quoted(entry.bankRef)), \"transactions\": ["
        for (index, transaction) in entry.transactions.enumerated() {
            if index > 0 { text += ", " }
            text += "{\"amount\": \(quoted(transaction.amount.formatted())), "
            text += "\"end_to_end_id\": \(quoted(transaction.endToEndId)), "
            text += "\"structured_ref\": \(quoted(transaction.structuredRef)), "
            text += "\"payer_name\": \(quoted(transaction.payerName)), \"payer_iban\": \(quoted(transaction.payerIban)), "
            text += "\"text\": \(quoted(transaction.text))}"
        }
        return text + "]}"
    }

    private static func quoted(_ value: String?) -> String {
        value.map(JSONWriter.quoted) ?? "null"
    }

    // MARK: - CSV

    public static let csvColumns = ["format", "statement_id", "account", "statement_currency", "opening", "closing",
                                    "balance_check", "entry_id", "entry_amount", "entry_currency", "booking_date",
                                    "value_date", "status", "reversal", "bank_ref", "amount", "end_to_end_id",
                                    "structured_ref", "payer_name", "payer_iban", "text"]

    static func csv(_ report: InspectJob.Report, to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(csvColumns)
        for statement in report.statements {
            let info = statement.info
            for entry in statement.entries {
                for transaction in entry.transactions {
                    try csv.field(report.format)
                    try csv.field(info.id)
                    try csv.field(info.account)
                    try csv.field(info.currency?.code)
                    try csv.field(info.opening)
                    try csv.field(info.closing)
                    try csv.field(statement.balanceCheck.rawValue)
                    try csv.field(InspectJob.entryId(entry))
                    try csv.field(entry.amount)
                    try csv.field(entry.amount.currency.code)
                    try csv.field(entry.bookingDate)
                    try csv.field(entry.valueDate)
                    try csv.field(entry.status.rawValue)
                    try csv.field(entry.isReversal ? "true" : "false")
                    try csv.field(entry.bankRef)
                    try csv.field(transaction.amount)
                    try csv.field(transaction.endToEndId)
                    try csv.field(transaction.structuredRef)
                    try csv.field(transaction.payerName)
                    try csv.field(transaction.payerIban)
                    try csv.field(transaction.text)
                    try csv.endRecord()
                }
            }
        }
    }
}

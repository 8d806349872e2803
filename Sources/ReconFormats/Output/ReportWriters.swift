import ReconCore

/// The CSV files of a reconciliation, with the columns of the file contracts (docs/outputs.md).
public enum ReportWriters {
    public static let settlementColumns = ["entry_id", "bank_ref", "booking_date", "invoice_id", "customer_id",
                                           "currency", "paid", "cash_discount", "write_off", "settled",
                                           "open_before", "open_after", "kind", "rule"]
    public static let journalColumns = ["voucher", "date", "account", "debit", "credit", "currency", "customer_id",
                                        "invoice_id", "entry_id", "text"]
    public static let exceptionColumns = ["exception_id", "kind", "entry_id", "bank_ref", "booking_date", "amount",
                                          "currency", "payer_name", "payer_iban", "reference", "text", "candidates",
                                          "reason", "suggested_action", "decision", "invoice_ids", "note"]

    public static func writeSettlements(_ rows: [Settlement], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(settlementColumns)
        try rows.forEachInPlace { row in
            try csv.field(row.entryId)
            try csv.field(row.bankRef)
            try csv.field(row.bookingDate)
            try csv.field(row.invoiceId)
            try csv.field(row.customerId)
            try csv.field(row.currency)
            try csv.field(row.paid)
            try csv.field(row.cashDiscount)
            try csv.field(row.writeOff)
            try csv.field(row.settled)
            try csv.field(row.openBefore)
            try csv.field(row.openAfter)
            try csv.field(row.kind.rawValue)
            try csv.field(row.rule)
            try csv.endRecord()
        }
    }

    public static func writeJournal(_ vouchers: [Voucher], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(journalColumns)
        try vouchers.forEachInPlace { voucher in
            try voucher.lines.forEachInPlace { line in
                try csv.field(voucher.number)
                try csv.field(voucher.date)
                try csv.field(line.account)
                try csv.field(line.debit)
                try csv.field(line.credit)
                try csv.field(voucher.currency)
                try csv.field(line.customerId)
                try csv.field(line.invoiceId)
                try csv.field(voucher.entryId)
                try csv.field(textOf: line)
                try csv.endRecord()
            }
        }
    }

    public static func writeExceptions(_ exceptions: [ReconException], to writer: FileWriter,
                                       dialect: CSVOutputDialect = .standard) throws {
        var csv = try CSVWriter(writer, dialect: dialect)
        try csv.header(exceptionColumns)
        for exception in exceptions {
            try writeTransactionRow(&csv, id: exception.exceptionId, kind: exception.kind.rawValue,
                                    exception.transaction, candidates: exception.candidateIds,
                                    reason: exception.reason, action: exception.suggestedAction,
                                    decision: exception.decision)
        }
    }

    public static let appliedDecisionColumns = ["exception_id", "kind", "entry_id", "bank_ref", "amount", "currency",
                                                "decision", "invoice_ids", "note", "decided_by", "decided_at", "outcome"]

    /// decisions-applied.csv: every decision that took effect, in the order it did.
    public static func writeAppliedDecisions(_ applied: [AppliedDecision], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(appliedDecisionColumns)
        for entry in applied {
            try csv.field(entry.decision.exceptionId)
            try csv.field(entry.exceptionKind.rawValue)
            try csv.field(entry.transaction.entryId)
            try csv.field(entry.transaction.bankRef)
            try csv.field(entry.transaction.amount)
            try csv.field(entry.transaction.amount.currency)
            try csv.field(entry.decision.kind.rawValue)
            try csv.field(entry.decision.invoiceIds.joined(separator: " "))
            try csv.field(entry.decision.note)
            try csv.field(entry.decision.decidedBy)
            try csv.field(entry.decision.decidedAt)
            try csv.field(entry.outcome)
            try csv.endRecord()
        }
    }

    public static let refundColumns = ["customer_id", "customer_name", "vendor_account", "one_time_vendor", "amount",
                                       "currency", "iban", "source"]

    /// refunds.csv: one row per refund; `source` lists the open items it closes.
    public static func writeRefunds(_ refunds: [Refund], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(refundColumns)
        for refund in refunds {
            try csv.field(refund.customerId)
            try csv.field(refund.customerName)
            try csv.field(refund.vendorAccount)
            try csv.field(refund.isOneTimeVendor ? "yes" : "no")
            try csv.field(refund.amount)
            try csv.field(refund.amount.currency)
            try csv.field(refund.iban)
            try csv.field(refund.items.map(\.invoiceId).joined(separator: " "))
            try csv.endRecord()
        }
    }

    /// other-entries.csv: the exception columns, with the other entry's kind.
    public static func writeOtherEntries(_ entries: [OtherEntry], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(exceptionColumns)
        for entry in entries {
            let id = ReconException.id(entryId: entry.transaction.entryId, kind: entry.kind.rawValue, prefix: "O")
            try writeTransactionRow(&csv, id: id, kind: entry.kind.rawValue, entry.transaction, candidates: [],
                                    reason: entry.reason, action: "")
        }
    }

    private static func writeTransactionRow(_ csv: inout CSVWriter, id: String, kind: String, _ transaction: BankTransaction,
                                            candidates: [String], reason: String, action: String,
                                            decision: Decision? = nil) throws {
        try csv.field(id)
        try csv.field(kind)
        try csv.field(transaction.entryId)
        try csv.field(transaction.bankRef)
        try csv.field(transaction.bookingDate)
        try csv.field(transaction.amount)
        try csv.field(transaction.amount.currency)
        try csv.field(transaction.payerName)
        try csv.field(transaction.payerIban)
        try csv.field(transaction.structuredRef ?? transaction.endToEndId)
        try csv.field(transaction.text)
        try csv.field(candidates.joined(separator: " "))
        try csv.field(reason)
        try csv.field(action)
        try csv.field(decision?.kind.rawValue)
        try csv.field(decision?.invoiceIds.joined(separator: " "))
        try csv.field(decision?.note)
        try csv.endRecord()
    }
}

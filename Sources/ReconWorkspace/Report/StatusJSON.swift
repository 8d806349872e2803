import ReconCore
import ReconFormats

/// `recon status --json`: the same counts and totals for programs (and the crash tests).
public enum StatusJSON {
    public static func render(_ status: WorkspaceStatus) -> String {
        var out = "{\n  \"schema_version\": \(status.schemaVersion),\n  \"balanced\": \(status.summary.isBalanced),\n"
        out += "  \"vouchers\": \(status.summary.vouchers),\n  \"unbalanced_vouchers\": \(status.summary.unbalancedVouchers),\n"
        out += "  \"exports\": \(status.exports),\n  \"currencies\": {"
        let summaries = Dictionary(uniqueKeysWithValues: status.summary.currencies.map { ($0.currency, $0) })
        let codes = Set(status.currencies.map(\.currency)).union(summaries.keys).sorted()
        out += codes.enumerated().map { index, currency in
            let open = status.currencies.first { $0.currency == currency }
            let summary = summaries[currency] ?? CurrencySummary(currency: currency)
            let zero = Money.zero(currency)
            let fields: [(String, String)] = [
                ("open_items", String(open?.openItems ?? 0)), ("open_amount", quoted(open?.openAmount ?? zero)),
                ("not_matched", String(open?.unmatched ?? 0)), ("not_matched_amount", quoted(open?.unmatchedAmount ?? zero)),
                ("open_exceptions", String(open?.openExceptions ?? 0)),
                ("open_exceptions_amount", quoted(open?.openExceptionsAmount ?? zero)),
                ("vouchers_to_export", String(open?.unexportedVouchers ?? 0)),
                ("balanced", String(summary.isBalanced)), ("transactions", String(summary.transactions)),
                ("receipts", String(summary.receipts)), ("settled", String(summary.settledTransactions)),
                ("exceptions", String(summary.exceptions)), ("other_entries", String(summary.otherEntries)),
                ("received", quoted(summary.received)), ("applied", quoted(summary.applied)),
                ("discounts", quoted(summary.discounts)), ("write_offs", quoted(summary.writeOffs)),
                ("new_credits", quoted(summary.newCredits)), ("to_suspense", quoted(summary.toSuspense)),
                ("in_exceptions", quoted(summary.inExceptions)),
            ]
            return (index == 0 ? "\n" : ",\n") + "    \"\(currency.code)\": {"
                + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }.joined()
        out += codes.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"last_import\": \(entry(status.lastImport)),\n  \"last_match\": \(entry(status.lastMatch)),\n"
        out += "  \"last_export\": \(entry(status.lastExport))\n}\n"
        return out
    }

    static func quoted(_ money: Money) -> String { "\"\(money.formatted())\"" }

    static func entry(_ entry: AuditLog.Entry?) -> String {
        guard let entry else { return "null" }
        return "{\"id\": \(entry.id), \"at\": \(string(entry.at)), \"user\": \(string(entry.user)), "
            + "\"command\": \(string(entry.command)), \"file\": \(entry.file.map(string) ?? "null"), "
            + "\"counts\": \(string(entry.counts))}"
    }

    /// A JSON string, quoted and escaped as summary.json's are.
    static func string(_ text: String) -> String {
        JSONWriter.quoted(text)
    }
}

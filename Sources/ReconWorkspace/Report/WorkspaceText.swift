import ReconCore

/// What the workspace commands print, as a person reads it in a terminal.
public enum WorkspaceText {
    public static func bankImport(_ report: BankImport.Report) -> String {
        var lines = report.files.map { "\($0.path): \($0.counts)" + ($0.format.isEmpty ? "" : " (\($0.format))") }
        if report.files.count > 1 { lines.append("total: \(report.total.counts)") }
        return lines.joined(separator: "\n")
    }

    public static func match(_ report: MatchJob.Report) -> String {
        var lines = [(report.dryRun ? "would match " : "matched ") + MatchJob.counts(report)
                     + (report.reconsidered > 0 ? " (\(report.reconsidered) were in the report before)" : "")]
        lines += table(report.result.summary.currencies)
        for decision in report.result.appliedDecisions {
            lines.append("decision \(decision.decision.exceptionId) (\(decision.exceptionKind.rawValue)): \(decision.outcome)")
        }
        if report.dryRun { lines.append("dry run: the workspace is unchanged") }
        return lines.joined(separator: "\n")
    }

    /// The per-currency totals of a match, as `reconcile` prints them.
    static func table(_ currencies: [CurrencySummary]) -> [String] {
        guard !currencies.isEmpty else { return [] }
        let header = ["currency", "received", "applied", "discounts", "write-offs", "new credits", "suspense",
                      "in exceptions", "settled", "exceptions", "other"]
        let rows = [header] + currencies.map { entry in
            [entry.currency.code, entry.received.formatted(), entry.applied.formatted(), entry.discounts.formatted(),
             entry.writeOffs.formatted(), entry.newCredits.formatted(), entry.toSuspense.formatted(),
             entry.inExceptions.formatted(), String(entry.settledTransactions), String(entry.exceptions),
             String(entry.otherEntries)]
        }
        return align(rows)
    }

    public static func status(_ status: WorkspaceStatus) -> String {
        var lines: [String] = []
        let rows = [["currency", "open items", "open amount", "not matched", "amount", "open exceptions", "amount",
                     "vouchers to export"]] + status.currencies.map {
            [$0.currency.code, String($0.openItems), $0.openAmount.formatted(), String($0.unmatched),
             $0.unmatchedAmount.formatted(), String($0.openExceptions), $0.openExceptionsAmount.formatted(),
             String($0.unexportedVouchers)]
        }
        lines += status.currencies.isEmpty ? ["  nothing imported yet"] : align(rows)
        lines.append("")
        lines.append("balanced: \(status.summary.isBalanced)  (\(status.summary.vouchers) vouchers, "
                     + "\(status.summary.unbalancedVouchers) unbalanced; \(status.exports) exports)")
        lines.append("last import: " + describe(status.lastImport))
        lines.append("last match:  " + describe(status.lastMatch))
        lines.append("last export: " + describe(status.lastExport))
        lines.append("schema version \(status.schemaVersion)")
        return lines.joined(separator: "\n")
    }

    static func describe(_ entry: AuditLog.Entry?) -> String {
        guard let entry else { return "never" }
        return "\(entry.at) by \(entry.user)" + (entry.file.map { " — \($0)" } ?? "") + (entry.counts.isEmpty ? "" : ": \(entry.counts)")
    }

    public static func log(_ entries: [AuditLog.Entry]) -> String {
        entries.map { entry in
            var line = "\(entry.id)  \(entry.at)  \(entry.user)  \(entry.command)"
            if let file = entry.file { line += "  \(file)" }
            if let sha = entry.sha256 { line += "  sha256:\(sha)" }
            if !entry.counts.isEmpty { line += "  — \(entry.counts)" }
            if !entry.detail.isEmpty { line += " (\(entry.detail))" }
            return line
        }.joined(separator: "\n")
    }

    static func align(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}

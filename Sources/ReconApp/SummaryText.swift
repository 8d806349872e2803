import ReconCore
import ReconFormats

/// The summary as a person reads it in a terminal.
public enum SummaryText {
    public static func render(_ report: ReconcileJob.Report) -> String {
        let summary = report.result.summary
        var lines: [String] = []
        let showSuspense = summary.currencies.contains { $0.suspenseTransactions > 0 }
        var header = ["currency", "received", "applied", "discounts", "write-offs", "new credits"]
        if showSuspense { header.append("suspense") }
        header += ["in exceptions", "receipts", "settled", "exceptions", "other"]
        var rows: [[String]] = [header]
        for entry in summary.currencies {
            var row = [entry.currency.code, entry.received.formatted(), entry.applied.formatted(),
                       entry.discounts.formatted(), entry.writeOffs.formatted(), entry.newCredits.formatted()]
            if showSuspense { row.append(entry.toSuspense.formatted()) }
            row += [entry.inExceptions.formatted(), String(entry.receipts), String(entry.settledTransactions),
                    String(entry.exceptions), String(entry.otherEntries)]
            rows.append(row)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }
            lines.append("  " + cells.joined(separator: "  "))
        }
        lines.append("")
        lines.append("balanced: \(summary.isBalanced)  (\(summary.vouchers) vouchers, \(summary.unbalancedVouchers) unbalanced)")
        if !report.result.appliedDecisions.isEmpty {
            lines.append("decisions applied: \(report.result.appliedDecisions.count) (see decisions-applied.csv)")
        }
        lines.append("wrote \(report.outputPath)/: " + report.files.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

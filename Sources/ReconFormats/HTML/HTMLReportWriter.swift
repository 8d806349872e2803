import ReconCore

/// report.html: one self-contained page (inline style and script, nothing fetched) with the totals,
/// the settlements and the exceptions with their reasons and candidates. Click a column heading to
/// sort; choose a kind to filter. Deterministic: no clock, no random ids.
public enum HTMLReportWriter {
    public static let fileName = "report.html"
    /// A page a person reads: past these many rows a browser crawls and nobody scrolls; all rows are
    /// in settlements.csv and exceptions.csv / exceptions.xlsx.
    public static let maxSettlementRows = 5_000
    public static let maxExceptionRows = 10_000

    public struct Content {
        public var summary: Summary
        public var settlements: [Settlement]
        public var exceptions: [ReconException]
        public var decisionsApplied: Int

        public init(summary: Summary, settlements: [Settlement], exceptions: [ReconException], decisionsApplied: Int) {
            self.summary = summary
            self.settlements = settlements
            self.exceptions = exceptions
            self.decisionsApplied = decisionsApplied
        }
    }

    public static func write(_ content: Content, to writer: FileWriter) throws {
        try writer.write(render(content))
    }

    public static func render(_ content: Content) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        html += "<title>recon report</title>\n<style>\n\(HTMLReportAssets.style)\n</style>\n</head>\n<body>\n"
        html += "<h1>recon report</h1>\n"
        let summary = content.summary
        html += "<p class=\"meta\">balanced: <span class=\"balanced-\(summary.isBalanced)\">\(summary.isBalanced)</span> · "
        html += "\(summary.vouchers) vouchers · \(content.settlements.count) settlements · "
        html += "\(content.exceptions.count) exceptions · \(content.decisionsApplied) decisions applied</p>\n"
        html += totals(summary)
        html += settlementsTable(content.settlements)
        html += exceptionsTable(content.exceptions)
        html += "<script>\n\(HTMLReportAssets.script)\n</script>\n</body>\n</html>\n"
        return html
    }

    static func totals(_ summary: Summary) -> String {
        let columns = ["currency", "received", "applied", "discounts", "write-offs", "new credits", "to suspense",
                       "in exceptions", "receipts", "settled", "exceptions", "other entries", "balanced"]
        var html = "<h2>Totals</h2>\n<div class=\"scroll\"><table id=\"totals\" class=\"sortable\">\n<thead><tr>"
        for (index, column) in columns.enumerated() {
            html += index == 0 || index == columns.count - 1 ? "<th>\(column)</th>" : "<th class=\"num\">\(column)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for entry in summary.currencies {
            html += "<tr><td>\(entry.currency.code)</td>"
            for money in [entry.received, entry.applied, entry.discounts, entry.writeOffs, entry.newCredits,
                          entry.toSuspense, entry.inExceptions] {
                html += moneyCell(money)
            }
            for count in [entry.receipts, entry.settledTransactions, entry.exceptions, entry.otherEntries] {
                html += "<td class=\"num\">\(count)</td>"
            }
            html += "<td class=\"balanced-\(entry.isBalanced)\">\(entry.isBalanced)</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func settlementsTable(_ all: [Settlement]) -> String {
        let rows = all.prefix(maxSettlementRows)
        var html = "<h2>Settlements</h2>\n" + truncationNote(shown: rows.count, of: all.count, file: "settlements.csv")
        html += filter(table: "settlements", kinds: rows.map(\.kind.rawValue))
        html += "<div class=\"scroll\"><table id=\"settlements\" class=\"sortable\">\n<thead><tr><th>date</th><th>bank ref</th><th>invoice</th>"
        html += "<th>customer</th><th>currency</th><th class=\"num\">paid</th><th class=\"num\">discount</th>"
        html += "<th class=\"num\">write-off</th><th class=\"num\">open after</th><th>kind</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr data-kind=\"\(escape(row.kind.rawValue))\"><td class=\"date\">\(row.bookingDate)</td><td>\(escape(row.bankRef ?? ""))</td>"
            html += "<td>\(escape(row.invoiceId))</td><td>\(escape(row.customerId))</td><td>\(row.currency.code)</td>"
            html += moneyCell(row.paid) + moneyCell(row.cashDiscount) + moneyCell(row.writeOff) + moneyCell(row.openAfter)
            html += "<td><span class=\"kind\">\(escape(row.kind.rawValue))</span></td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func exceptionsTable(_ all: [ReconException]) -> String {
        let exceptions = all.prefix(maxExceptionRows)
        var html = "<h2>Exceptions</h2>\n" + truncationNote(shown: exceptions.count, of: all.count, file: "exceptions.xlsx")
        html += filter(table: "exceptions", kinds: exceptions.map(\.kind.rawValue))
        html += "<div class=\"scroll\"><table id=\"exceptions\" class=\"sortable\">\n<thead><tr><th>date</th><th>kind</th><th>bank ref</th>"
        html += "<th>payer</th><th>currency</th><th class=\"num\">amount</th><th>reference / text</th><th>reason</th>"
        html += "<th>candidates</th><th>suggested</th><th>decision</th></tr></thead>\n<tbody>\n"
        for exception in exceptions {
            let transaction = exception.transaction
            let reference = [transaction.structuredRef ?? transaction.endToEndId, transaction.text.isEmpty ? nil : transaction.text]
                .compactMap { $0 }.joined(separator: " · ")
            html += "<tr data-kind=\"\(escape(exception.kind.rawValue))\" id=\"\(escape(exception.exceptionId))\">"
            html += "<td class=\"date\">\(transaction.bookingDate)</td><td><span class=\"kind\">\(escape(exception.kind.rawValue))</span></td>"
            html += "<td>\(escape(transaction.bankRef ?? ""))</td><td>\(escape(transaction.payerName ?? ""))</td>"
            html += "<td>\(transaction.amount.currency.code)</td>" + moneyCell(transaction.amount)
            html += "<td>\(escape(reference))</td><td class=\"reason\">\(escape(exception.reason))</td><td class=\"cands\">"
            for candidate in exception.candidates {  // appended piece by piece: a payer's hundreds of items
                html += "<span>"
                html += escape(candidate.invoiceId)
                if let score = candidate.score {
                    html += " <span class=\"score\">"
                    html += String(score)
                    html += "</span>"
                }
                html += "</span>"
            }
            html += "</td><td>\(escape(exception.suggestedAction))</td><td>\(escape(exception.decision?.kind.rawValue ?? ""))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func truncationNote(shown: Int, of total: Int, file: String) -> String {
        guard shown < total else { return "" }
        return "<p class=\"meta\">The first \(shown) of \(total) rows; all of them are in \(file).</p>\n"
    }

    /// A kind filter for `table`: every kind that occurs, in order of first appearance.
    static func filter(table: String, kinds: [String]) -> String {
        var seen: [String] = []
        for kind in kinds where !seen.contains(kind) { seen.append(kind) }
        var html = "<div class=\"controls\"><label>kind <select data-filter=\"\(table)\" data-count=\"\(table)-count\">"
        html += "<option value=\"\">all</option>"
        for kind in seen { html += "<option value=\"\(escape(kind))\">\(escape(kind))</option>" }
        return html + "</select></label><span class=\"count\" id=\"\(table)-count\">\(kinds.count) of \(kinds.count) shown</span></div>\n"
    }

    static func moneyCell(_ money: Money) -> String {
        "<td class=\"num\" data-sort=\"\(money.formatted())\">\(money.formatted())</td>"
    }

    static func escape(_ text: String) -> String {
        // Most texts need nothing escaped and are returned as they are.
        text.withUTF8Bytes { bytes in
            func entity(_ byte: UInt8) -> StaticString? {
                switch byte {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            }
            guard bytes.contains(where: { entity($0) != nil }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if let entity = entity(byte) {
                    escaped.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                } else {
                    escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }
}

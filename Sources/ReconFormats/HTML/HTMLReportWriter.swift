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
        try page(content).bytes.withUnsafeBufferPointer { try writer.write(bytes: $0) }
    }

    public static func render(_ content: Content) -> String {
        page(content).string
    }

    static func page(_ content: Content) -> HTMLText {
        var html = HTMLText(capacity: 1 << 20)
        html.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.add("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        html.add("<title>recon report</title>\n<style>\n\(HTMLReportAssets.style)\n</style>\n</head>\n<body>\n")
        html.add("<h1>recon report</h1>\n")
        let summary = content.summary
        html.add("<p class=\"meta\">balanced: <span class=\"balanced-\(summary.isBalanced)\">\(summary.isBalanced)</span> · ")
        html.add("\(summary.vouchers) vouchers · \(content.settlements.count) settlements · ")
        html.add("\(content.exceptions.count) exceptions · \(content.decisionsApplied) decisions applied</p>\n")
        totals(summary, into: &html)
        settlementsTable(content.settlements, into: &html)
        exceptionsTable(content.exceptions, into: &html)
        html.add("<script>\n\(HTMLReportAssets.script)\n</script>\n</body>\n</html>\n")
        return html
    }

    static func totals(_ summary: Summary, into html: inout HTMLText) {
        let columns = ["currency", "received", "applied", "discounts", "write-offs", "new credits", "to suspense",
                       "in exceptions", "receipts", "settled", "exceptions", "other entries", "balanced"]
        html.add("<h2>Totals</h2>\n<div class=\"scroll\"><table id=\"totals\" class=\"sortable\">\n<thead><tr>")
        for (index, column) in columns.enumerated() {
            html.add(index == 0 || index == columns.count - 1 ? "<th>\(column)</th>" : "<th class=\"num\">\(column)</th>")
        }
        html.add("</tr></thead>\n<tbody>\n")
        for entry in summary.currencies {
            html.add("<tr><td>\(entry.currency.code)</td>")
            for money in [entry.received, entry.applied, entry.discounts, entry.writeOffs, entry.newCredits,
                          entry.toSuspense, entry.inExceptions] {
                html.addMoneyCell(money)
            }
            for count in [entry.receipts, entry.settledTransactions, entry.exceptions, entry.otherEntries] {
                html.add("<td class=\"num\">\(count)</td>")
            }
            html.add("<td class=\"balanced-\(entry.isBalanced)\">\(entry.isBalanced)</td></tr>\n")
        }
        html.add("</tbody>\n</table></div>\n")
    }

    static func settlementsTable(_ all: [Settlement]) -> String {
        var html = HTMLText()
        settlementsTable(all, into: &html)
        return html.string
    }

    /// The rows appended piece by piece as bytes (see `HTMLText`).
    static func settlementsTable(_ all: [Settlement], into html: inout HTMLText) {
        let rows = all.prefix(maxSettlementRows)
        html.add("<h2>Settlements</h2>\n" + truncationNote(shown: rows.count, of: all.count, file: "settlements.csv"))
        html.add(filter(table: "settlements", kinds: rows.map(\.kind.rawValue)))
        html.add("<div class=\"scroll\"><table id=\"settlements\" class=\"sortable\">\n<thead><tr><th>date</th><th>bank ref</th><th>invoice</th>")
        html.add("<th>customer</th><th>currency</th><th class=\"num\">paid</th><th class=\"num\">discount</th>")
        html.add("<th class=\"num\">write-off</th><th class=\"num\">open after</th><th>kind</th></tr></thead>\n<tbody>\n")
        for index in rows.indices {  // the fields read in place: a row copied retains all its strings
            let kind = rows[index].kind.rawValue
            html.add("<tr data-kind=\"")
            html.addEscaped(kind)
            html.add("\"><td class=\"date\">")
            html.add(rows[index].bookingDate)
            html.add("</td><td>")
            html.addEscaped(rows[index].bankRef ?? "")
            html.add("</td><td>")
            html.addEscaped(rows[index].invoiceId)
            html.add("</td><td>")
            html.addEscaped(rows[index].customerId)
            html.add("</td><td>")
            html.add(rows[index].currency.code)
            html.add("</td>")
            html.addMoneyCell(rows[index].paid)
            html.addMoneyCell(rows[index].cashDiscount)
            html.addMoneyCell(rows[index].writeOff)
            html.addMoneyCell(rows[index].openAfter)
            html.add("<td><span class=\"kind\">")
            html.addEscaped(kind)
            html.add("</span></td></tr>\n")
        }
        html.add("</tbody>\n</table></div>\n")
    }

    static func exceptionsTable(_ all: [ReconException], into html: inout HTMLText) {
        let exceptions = all.prefix(maxExceptionRows)
        html.add("<h2>Exceptions</h2>\n" + truncationNote(shown: exceptions.count, of: all.count, file: "exceptions.xlsx"))
        html.add(filter(table: "exceptions", kinds: exceptions.map(\.kind.rawValue)))
        html.add("<div class=\"scroll\"><table id=\"exceptions\" class=\"sortable\">\n<thead><tr><th>date</th><th>kind</th><th>bank ref</th>")
        html.add("<th>payer</th><th>currency</th><th class=\"num\">amount</th><th>reference / text</th><th>reason</th>")
        html.add("<th>candidates</th><th>suggested</th><th>decision</th></tr></thead>\n<tbody>\n")
        for exception in exceptions {
            let transaction = exception.transaction
            let kind = exception.kind.rawValue
            html.add("<tr data-kind=\"")
            html.addEscaped(kind)
            html.add("\" id=\"")
            html.addEscaped(exception.exceptionId)
            html.add("\"><td class=\"date\">")
            html.add(transaction.bookingDate)
            html.add("</td><td><span class=\"kind\">")
            html.addEscaped(kind)
            html.add("</span></td><td>")
            html.addEscaped(transaction.bankRef ?? "")
            html.add("</td><td>")
            html.addEscaped(transaction.payerName ?? "")
            html.add("</td><td>")
            html.add(transaction.amount.currency.code)
            html.add("</td>")
            html.addMoneyCell(transaction.amount)
            html.add("<td>")
            // The reference and the text, joined by " · " when both are there.
            let reference = transaction.structuredRef ?? transaction.endToEndId
            if let reference { html.addEscaped(reference) }
            if !transaction.text.isEmpty {
                if reference != nil { html.add(" · ") }
                html.addEscaped(transaction.text)
            }
            html.add("</td><td class=\"reason\">")
            html.addEscaped(exception.reason)
            html.add("</td><td class=\"cands\">")
            for candidate in exception.candidates {
                html.add("<span>")
                html.addEscaped(candidate.invoiceId)
                if let score = candidate.score {
                    html.add(" <span class=\"score\">")
                    html.add(score)
                    html.add("</span>")
                }
                html.add("</span>")
            }
            html.add("</td><td>")
            html.addEscaped(exception.suggestedAction)
            html.add("</td><td>")
            html.addEscaped(exception.decision?.kind.rawValue ?? "")
            html.add("</td></tr>\n")
        }
        html.add("</tbody>\n</table></div>\n")
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

    static func escape(_ text: String) -> String {
        var html = HTMLText()
        html.addEscaped(text)
        return html.string
    }
}

/// The page as bytes. Appending each literal and field to a `String` cost ~450 instructions an
/// append (344,000 of them for the 10,000 exception rows of a 100k run, half the report's 530M);
/// bytes appended to an array, a few dozen.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func add(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ number: Int) {
        add(String(number))
    }

    mutating func add(_ date: CalendarDate) {
        date.write(to: &bytes)
    }

    /// `text` with the five characters markup gives a meaning to as entities.
    mutating func addEscaped(_ text: String) {
        text.withUTF8Bytes { text in
            var start = 0
            for index in text.indices {
                let entity: StaticString
                switch text[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
                add(entity)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    /// A cell of an amount, sorted by it.
    mutating func addMoneyCell(_ money: Money) {
        add("<td class=\"num\" data-sort=\"")
        money.write(to: &bytes)
        add("\">")
        money.write(to: &bytes)
        add("</td>")
    }
}

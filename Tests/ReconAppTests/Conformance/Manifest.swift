import Foundation

/// `../shared/external/MANIFEST.md` read into expectations: one `File` per `### \`path\`` section,
/// with what its "Computed:" and genkgo "Peer" lines state (statements, balances, entry counts and
/// sums, the first entries' fields; CSV row counts and sums). Free-form peer sentences are not
/// parsed here: `PeerExpectations` encodes them by hand.
struct Manifest {
    struct Amount: Equatable, CustomStringConvertible {
        /// The decimal as written (`8.850`, `-27.00`, `200000`), for comparing in any currency.
        var text: String
        var currency: String?

        /// Minor units with `exponent` decimals; nil when the written value has non-zero digits beyond it.
        func minorUnits(exponent: Int) -> Int64? {
            var digits = text
            let negative = digits.hasPrefix("-")
            if negative { digits.removeFirst() }
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = Int64(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            while fraction.count > exponent {
                guard fraction.last == "0" else { return nil }
                fraction.removeLast()
            }
            fraction += String(repeating: "0", count: exponent - fraction.count)
            var value = whole
            for _ in 0..<exponent { value *= 10 }
            value += Int64(fraction.isEmpty ? "0" : fraction)!
            return negative ? -value : value
        }

        var description: String { text + (currency.map { " " + $0 } ?? "") }
    }

    enum Check: Equatable { case ok, mismatch, notApplicable }

    struct Balance: Equatable {
        var code: String
        var amount: Amount
        /// The date part (`YYYY-MM-DD`) of what was written; nil for `(None)`.
        var date: String?
    }

    struct Entry {
        var index: Int
        var amount: Amount
        /// nil: "no BookgDt" (camt) — for MT940 the value date and entry MMDD.
        var booked: String?
        var value: String?
        var entryMonthDay: String?
        var bankRef: String?
        var txDtls: Int?
        var endToEndId: String?
        var structuredRef: String?
        var ustrd: String?
    }

    struct Statement {
        var index: Int
        var id: String?
        var account: String?
        var currency: String?
        var balances: [Balance] = []
        var entryCount = 0
        var credits: (count: Int, sum: Amount)?
        var debits: (count: Int, sum: Amount)?
        var check: Check?
        var entries: [Entry] = []
        /// MT940 opening and closing, as `:60F:`/`:62F:` give them.
        var opening: Amount?
        var closing: Amount?
    }

    struct CSVRow {
        var index: Int
        var date: String
        var amount: Amount
    }

    struct File {
        var path: String
        var lines: [String] = []
        var statementCount: Int?
        var entryCount: Int?
        var statements: [Statement] = []
        /// MT940 "file totals" over all statements (credits, debits, not reconciling).
        var totals: (credits: Amount, debits: Amount, notReconciling: Int)?
        var rows: Int?
        var inflows: (count: Int, sum: Amount)?
        var outflows: (count: Int, sum: Amount)?
        var zeroRows = 0
        var csvRows: [CSVRow] = []
        /// genkgo snapshot entries (peer-asserted): minor units, booking and value date; they are
        /// the entries of the record (statement) `peerRecordId`.
        var peerEntries: [Entry] = []
        var peerRecordId: String?
        var isReferenceOutput: Bool {
            path.hasSuffix(".json") || path.hasSuffix(".xsd") || path.hasSuffix(".ofx")
        }
        var text: String { lines.joined(separator: "\n") }
    }

    var files: [File] = []

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var current: File?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("### `"), line.hasSuffix("`") {
                if let current { files.append(current) }
                current = File(path: String(line.dropFirst(5).dropLast()))
                continue
            }
            if line.hasPrefix("## ") {
                if let current { files.append(current) }
                current = nil
                continue
            }
            current?.lines.append(line)
        }
        if let current { files.append(current) }
        files = files.map(Self.parse)
    }

    static func parse(_ file: File) -> File {
        var file = file
        for line in file.lines {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("- Peer (genkgo snapshot"), let id = match(String(trimmed), #"record Id `([^`]*)`"#)?[1] {
                file.peerRecordId = id
            }
            if trimmed.hasPrefix("- Computed: ") {
                parseComputedHeader(String(trimmed), into: &file)
            } else if trimmed.hasPrefix("- Stmt #") || trimmed.hasPrefix("- Rpt #") || trimmed.hasPrefix("- Ntfctn #") {
                if let statement = camtStatement(String(trimmed)) { file.statements.append(statement) }
            } else if trimmed.hasPrefix("- stmt #") {
                if let statement = mt940Statement(String(trimmed)) { file.statements.append(statement) }
            } else if trimmed.hasPrefix("- entry "), line.hasPrefix("    ") {
                guard !file.statements.isEmpty else { continue }
                let entry = trimmed.contains(" mark ") ? mt940Entry(String(trimmed)) : camtEntry(String(trimmed))
                if let entry { file.statements[file.statements.count - 1].entries.append(entry) }
            } else if trimmed.hasPrefix("- entry "), line.hasPrefix("  - "), file.lines.contains(where: { $0.contains("genkgo snapshot") }) {
                if let entry = genkgoEntry(String(trimmed)) { file.peerEntries.append(entry) }
            } else if trimmed.hasPrefix("- row "), let row = csvRow(String(trimmed)) {
                file.csvRows.append(row)
            } else if trimmed.hasPrefix("- … "), let totals = mt940Totals(String(trimmed)) {
                file.totals = totals
            }
        }
        return file
    }

    // MARK: - Pieces

    static func match(_ text: String, _ pattern: String) -> [String?]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) }
        }
    }

    static func parseComputedHeader(_ line: String, into file: inout File) {
        if let groups = match(line, #"Computed: (\d+) (?:statement|report|notification|record)\(s\)(?: \(:20: blocks\))?, (\d+) (?:Ntry|:61: lines)"#) {
            file.statementCount = Int(groups[1]!)
            file.entryCount = Int(groups[2]!)
        }
        if let groups = match(line, #"Computed: (\d+) transaction rows; (\d+) inflows = (-?[\d.]+); (\d+) outflows = (-?[\d.]+)"#) {
            file.rows = Int(groups[1]!)
            file.inflows = (Int(groups[2]!)!, Amount(text: groups[3]!))
            file.outflows = (Int(groups[4]!)!, Amount(text: groups[5]!))
            if let zero = match(line, #"; (\d+) zero-amount row"#) { file.zeroRows = Int(zero[1]!)! }
        }
    }

    static func date(_ raw: String?) -> String? {
        guard let raw, raw != "None", raw.count >= 10 else { return nil }
        return String(raw.prefix(10))
    }

    static func camtStatement(_ line: String) -> Statement? {
        guard let groups = match(line, #"^- (?:Stmt|Rpt|Ntfctn) #(\d+) Id `([^`]*)` account `([^`]*)` (?:Ccy ([A-Z]{3}))?: balances (.*?); (\d+) entries \((\d+) CRDT = ([^;]+); (\d+) DBIT = ([^)]+)\)(.*)$"#) else { return nil }
        var statement = Statement(index: Int(groups[1]!)!)
        statement.id = groups[2]
        statement.account = groups[3] == "None" ? nil : groups[3]
        statement.currency = groups[4]
        let balances = groups[5]!
        if balances != "no Bal" {
            let regex = try! NSRegularExpression(pattern: #"([A-Z0-9]+) (-?[\d.]+) ([A-Z]{3}) \(([^)]*)\)"#)
            for result in regex.matches(in: balances, range: NSRange(balances.startIndex..., in: balances)) {
                let part = { (index: Int) in String(balances[Range(result.range(at: index), in: balances)!]) }
                statement.balances.append(Balance(code: part(1), amount: Amount(text: part(2), currency: part(3)),
                                                  date: date(part(4))))
            }
        }
        statement.entryCount = Int(groups[6]!)!
        statement.credits = (Int(groups[7]!)!, amount(groups[8]!))
        statement.debits = (Int(groups[9]!)!, amount(groups[10]!))
        let rest = groups[11]!
        if rest.contains("opening + credits − debits = closing") { statement.check = .ok }
        if rest.contains("opening + credits − debits ≠ closing") { statement.check = .mismatch }
        if rest.contains("balance check n/a") { statement.check = .notApplicable }
        return statement
    }

    static func amount(_ text: String) -> Amount {
        let parts = text.split(separator: " ")
        return Amount(text: String(parts[0]), currency: parts.count > 1 ? String(parts[1]) : nil)
    }

    static func camtEntry(_ line: String) -> Entry? {
        guard let groups = match(line, #"^- entry (\d+): (CRDT|DBIT) (-?[\d.]+) ([A-Z]{3}), (.*)$"#) else { return nil }
        let sign = groups[2] == "DBIT" ? "-" : ""
        var entry = Entry(index: Int(groups[1]!)!, amount: Amount(text: sign + groups[3]!, currency: groups[4]))
        let rest = groups[5]!
        entry.booked = match(rest, #"booked ([^,]+)"#).flatMap { date($0[1]) }
        entry.value = match(rest, #"value ([^,]+)"#).flatMap { date($0[1]) }
        entry.bankRef = match(rest, #"AcctSvcrRef `([^`]*)`"#)?[1]
        entry.txDtls = match(rest, #"(\d+) TxDtls"#).flatMap { Int($0[1]!) }
        entry.endToEndId = match(rest, #"EndToEndId `([^`]*)`"#)?[1]
        entry.structuredRef = match(rest, #"Strd CdtrRefInf/Ref `([^`]*)`"#)?[1]
        entry.ustrd = match(rest, #"Ustrd “([^”]*)”"#)?[1]
        return entry
    }

    static func genkgoEntry(_ line: String) -> Entry? {
        guard let groups = match(line, #"^- entry (\d+): amount (-?\d+) ([A-Z]{3}) (?:CRDT|DBIT), (.*)$"#) else { return nil }
        var entry = Entry(index: Int(groups[1]!)!, amount: Amount(text: groups[2]!, currency: groups[3]))
        let rest = groups[4]!
        entry.booked = match(rest, #"booking (\d{4}-\d{2}-\d{2})"#)?[1]
        entry.value = match(rest, #"value (\d{4}-\d{2}-\d{2})"#)?[1]
        entry.bankRef = match(rest, #"AcctSvcrRef `([^`]*)`"#)?[1]
        entry.endToEndId = match(rest, #"EndToEndId `([^`]*)`"#)?[1]
        return entry
    }

    static func mt940Statement(_ line: String) -> Statement? {
        guard let groups = match(line, #"^- stmt #(\d+) :20:`([^`]*)` :25:`([^`]*)` :28C:`([^`]*)`: opening \((?:60[FM]|None)\) (.*?), closing \((?:62[FM]|None)\) (.*?)(?:, :64: .*?)?; (\d+) entries \((\d+) credit = (-?[\d.]+), (\d+) debit = (-?[\d.]+)\); marks [^;]*; (.*)$"#) else { return nil }
        var statement = Statement(index: Int(groups[1]!)!)
        statement.id = groups[2]
        statement.account = groups[3] == "None" ? nil : groups[3]
        func balance(_ text: String) -> Amount? {
            guard let parts = match(text, #"^(-?[\d.]+) ([A-Z0-9]{3}) \("#) else { return nil }
            return Amount(text: parts[1]!, currency: parts[2])
        }
        statement.opening = balance(groups[5]!)
        statement.closing = balance(groups[6]!)
        statement.currency = statement.opening?.currency ?? statement.closing?.currency
        statement.entryCount = Int(groups[7]!)!
        statement.credits = (Int(groups[8]!)!, Amount(text: groups[9]!, currency: statement.currency))
        statement.debits = (Int(groups[10]!)!, Amount(text: groups[11]!, currency: statement.currency))
        let rest = groups[12]!
        if rest.hasPrefix("opening + entries = closing") { statement.check = .ok }
        if rest.hasPrefix("opening + entries ≠ closing") { statement.check = .mismatch }
        if rest.hasPrefix("balance check n/a") { statement.check = .notApplicable }
        return statement
    }

    static func mt940Entry(_ line: String) -> Entry? {
        guard let groups = match(line, #"^- entry (\d+): value (\d{4}-\d{2}-\d{2})(?: entry MMDD (\d{4}))?, mark ([A-Z]+)(?: funds [A-Z])?, amount (-?[\d.]+), (.*)$"#) else { return nil }
        var entry = Entry(index: Int(groups[1]!)!, amount: Amount(text: groups[5]!))
        entry.value = groups[2]
        entry.entryMonthDay = groups[3]
        entry.bankRef = match(groups[6]!, #"bank ref `([^`]*)`"#)?[1]
        return entry
    }

    static func mt940Totals(_ line: String) -> (Amount, Amount, Int)? {
        guard let groups = match(line, #"file totals: credits (-?[\d.]+), debits (-?[\d.]+); statements not reconciling: (\d+)"#) else { return nil }
        return (Amount(text: groups[1]!), Amount(text: groups[2]!), Int(groups[3]!)!)
    }

    static func csvRow(_ line: String) -> CSVRow? {
        guard let groups = match(line, #"^- row (\d+): date ([^,]+), amount (-?[\d.]+),"#) else { return nil }
        return CSVRow(index: Int(groups[1]!)!, date: groups[2]!, amount: Amount(text: groups[3]!))
    }
}

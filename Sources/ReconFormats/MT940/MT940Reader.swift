import ReconCore

/// Reads SWIFT MT940 statements and MT942 interim reports as a stream of `BankRecord`s.
///
/// Lenient on the envelope (SWIFT blocks `{1:…}{4:` … `-}` or bare tags, header lines and
/// free-text preambles, SOH/ETX/Ctrl-Z framing, LF or CRLF), strict on money: a `:61:` without a
/// readable amount or mark is an error, never a guess. One statement (`:20:` block) is held at a
/// time, because MT940 writes the currency-bearing balances around the lines; the rest streams.
public final class MT940Reader: RecordByRecordReader {
    public let path: String
    /// `mt940`, or `mt942` once an interim-report tag was seen.
    public private(set) var format: String? = "mt940"
    public private(set) var warnings: [Finding] = []

    private var lines: LineReader
    private let declaredEncoding: TextEncoding?
    private var warnedEncoding = false
    private var queue: [BankRecord] = []

    func enqueue(_ record: BankRecord) { queue.append(record) }
    private var queueHead = 0
    private var finished = false
    var findings: [Finding] = []
    var identity = EntryIdentity()
    var statement: MT940Statement?
    private var tag: (name: String, lines: [String], line: Int)?
    /// A line holding only `:` (a tag broken after its colon), waiting for the rest.
    private var danglingColon: Int?
    private var warnedFragment = false

    /// `encoding`: what a profile declares; nil reads UTF-8 and falls back to ISO-8859-1 for lines
    /// that are not UTF-8, with a warning.
    public init(source: any ByteSource, encoding: TextEncoding? = nil, maxLineBytes: Int = 1 << 20) {
        path = source.path
        declaredEncoding = encoding
        let input: any ByteSource = (encoding.map { !$0.isUTF8 } ?? false)
            ? TranscodingByteSource(source: source, encoding: encoding!) : source
        lines = LineReader(source: input, maxLineBytes: maxLineBytes)
    }

    public func next() throws -> BankRecord? {
        while queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
            if finished {
                if !findings.isEmpty { throw ReadError.invalid(findings) }
                return nil
            }
            try advance()
        }
        queueHead += 1
        return queue[queueHead - 1]
    }

    /// Reads lines until a statement is complete or the input ends.
    private func advance() throws {
        while queue.isEmpty {
            guard try lines.next() else {
                finishTag()
                finishStatement()
                if statementCount == 0 {
                    findings.append(Finding(SourceLocation(file: path, line: 1), "no MT940 statement in this file"))
                }
                finished = true
                return
            }
            handle(decodedLine(), number: lines.lineNumber)
        }
    }

    private var statementCount = 0

    private func decodedLine() -> String {
        if let text = String(validating: lines.line, as: UTF8.self) { return text }
        if declaredEncoding?.isUTF8 == true {
            findings.append(Finding(SourceLocation(file: path, line: lines.lineNumber), "not valid UTF-8 (the profile declares UTF-8)"))
            return String(decoding: lines.line, as: UTF8.self)
        }
        if !warnedEncoding {
            warnedEncoding = true
            warnings.append(Finding(SourceLocation(file: path, line: lines.lineNumber),
                                    "not UTF-8: read as ISO-8859-1 (a profile such as mt940-cp852 declares another encoding)"))
        }
        return TextEncoding.iso88591.decode(lines.line)!
    }

    private func handle(_ raw: String, number: Int) {
        var line = Substring(raw)
        if let colonLine = danglingColon {
            danglingColon = nil
            if Self.tagStart(":" + line) != nil {
                line = Substring(":" + line)
            } else {
                appendToTag(":", number: colonLine)
            }
        }
        if line.hasPrefix("{") {
            // SWIFT envelope: `{1:…}{2:…}{3:…}{4:` then the text block; `{5:…}` trailers.
            guard let block = line.range(of: "{4:") else { return }
            line = line[block.upperBound...]
            if line.trimmingSpaces().isEmpty { return }
        }
        if line.hasPrefix("-}") || (line == "-" && tag?.name != "86") {
            finishTag()
            return
        }
        if line == ":" {
            danglingColon = number
            return
        }
        if let (name, value) = Self.tagStart(line) {
            finishTag()
            tag = (String(name), [String(value)], number)
            return
        }
        if line.trimmingSpaces().isEmpty { return }
        appendToTag(String(line), number: number)
    }

    private func appendToTag(_ text: String, number: Int) {
        // Lines outside any tag are preamble (`:940:`, `0000 01INGBNL2A…`, a bank's cover text).
        tag?.lines.append(text)
    }

    /// `:20:`, `:28C:`, `:60F:`, `:NS:` …: a colon, two digits and an optional letter (or `NS`), a colon.
    static func tagStart(_ line: Substring) -> (Substring, Substring)? {
        guard line.first == ":" else { return nil }
        let body = line.dropFirst()
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let name = body[..<colon]
        let valid: Bool
        if name == "NS" {
            valid = true
        } else {
            let digits = name.prefix(2)
            valid = digits.count == 2 && digits.allSatisfy { $0.isASCII && $0.isNumber }
                && name.count <= 3 && name.dropFirst(2).allSatisfy { $0.isASCII && $0.isUppercase }
        }
        return valid ? (name, body[body.index(after: colon)...]) : nil
    }

    private func finishTag() {
        guard let current = tag else { return }
        tag = nil
        var values = current.lines.map { Substring($0) }
        if current.name == "86" {
            while values.count > 1, values.last?.trimmingSpaces() == "-" { values.removeLast() }
        }
        apply(current.name, values, at: SourceLocation(file: path, line: current.line))
    }

    private func apply(_ name: String, _ values: [Substring], at location: SourceLocation) {
        let first = values.first?.trimmingSpaces() ?? ""
        if name == "20" {
            finishStatement()
            statement = MT940Statement(origin: location, reference: first.isEmpty ? nil : String(first))
            return
        }
        if statement == nil {
            statement = MT940Statement(origin: location)
            if !warnedFragment {
                warnedFragment = true
                warn(at: location, "statement without :20: (a fragment?)")
            }
        }
        switch name {
        case "21", "NS":
            break
        case "25", "28C", "28", "60F", "60M":
            if !statement!.lines.isEmpty {
                findings.append(Finding(location, ":\(name): after the statement lines of :20: \(statement!.reference ?? "") (a field under the wrong tag?)"))
                return
            }
            switch name {
            case "25": statement!.account = MT940Statement.account(values.joined(separator: " "))
            case "28C", "28": statement!.number = values.map { String($0.trimmingSpaces()) }.joined()
            default:
                if let balance = balance(first, name, at: location) {
                    if statement!.opening != nil { warn(at: location, "a second opening balance :\(name):; the last one counts") }
                    statement!.opening = balance
                }
            }
        case "62F", "62M":
            if let balance = balance(first, name, at: location) { statement!.closing = balance }
        case "64", "65":
            if let balance = balance(first, name, at: location) {
                statement!.otherBalances.append((name == "64" ? "CLAV" : "FWAV", balance))
            }
        case "61":
            do {
                let line = try MT940StatementLine.parse(values)
                statement!.lines.append(.init(line: line, origin: location))
            } catch {
                findings.append(Finding(location, error.description))
            }
        case "86":
            // Details belong to the statement line just read; elsewhere they describe the statement.
            if lastTag == "61" || lastTag == "86", !statement!.lines.isEmpty {
                statement!.lines[statement!.lines.count - 1].details.append(values)
            }
        case "13D", "13":
            markInterim()
            statement!.reportDate = MT940Values.date(first.prefix(6))
        case "34F":
            markInterim()
            if statement!.floorLimitCurrency == nil {
                statement!.floorLimitCurrency = Currency(statementCode: String(first.prefix(3)))
            }
        case "90D", "90C":
            markInterim()
            let count = Int(first.prefix { $0.isNumber }) ?? 0
            let rest = first.drop { $0.isNumber }
            statement!.declaredSums.append((name == "90D", count, Currency(statementCode: String(rest.prefix(3))),
                                            rest.dropFirst(3), location))
        default:
            warn(at: location, "unknown tag :\(name): ignored")
        }
        lastTag = name
    }

    private var lastTag = ""

    private func markInterim() {
        statement?.isInterim = true
        format = "mt942"
    }

    private func balance(_ text: Substring, _ name: String, at location: SourceLocation) -> MT940Balance? {
        do {
            return try MT940Balance.parse(text)
        } catch {
            warn(at: location, ":\(name): \(error.description): ignored")
            return nil
        }
    }

    func warn(at location: SourceLocation, _ message: String) {
        warnings.append(Finding(location, message))
    }

    private func finishStatement() {
        guard let current = statement else { return }
        statement = nil
        lastTag = ""
        statementCount += 1
        emit(current)
    }
}

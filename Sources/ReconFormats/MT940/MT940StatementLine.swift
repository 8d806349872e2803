import ReconCore

/// One `:61:` statement line: `YYMMDD[MMDD]` mark `C`/`D`/`RC`/`RD`, an optional funds-code
/// letter, the amount, the transaction type, the customer reference and, after `//`, the bank's
/// reference; continuation lines carry supplementary details.
struct MT940StatementLine {
    /// The value date as written; nil when it does not exist (`160230`), with the text kept.
    var valueDate: CalendarDate?
    var valueDateText: String
    /// `MMDD`, when the line has an entry date.
    var entryMonthDay: (month: Int, day: Int)?
    /// `RC` (reversal of a credit) is a debit, `RD` (reversal of a debit) a credit.
    var isDebit: Bool
    var isReversal: Bool
    var amountText: Substring
    var typeCode: String
    var customerRef: String?
    var bankRef: String?
    var supplementary: String

    enum Problem: Error, CustomStringConvertible {
        case malformed(String, String)

        var description: String {
            switch self {
            case .malformed(let text, let why): return ":61: '\(text)': \(why)"
            }
        }
    }

    /// Parses the field's lines. A line break inside the first part (between mark and amount, as
    /// some Sparkassen write) is tolerated: the second line is then read as its continuation.
    static func parse(_ lines: [Substring]) throws(Problem) -> MT940StatementLine {
        guard let first = lines.first else { throw .malformed("", "empty field") }
        do {
            return try parse(first: first, rest: lines.dropFirst())
        } catch {
            guard lines.count >= 2 else { throw error }
            let joined = Substring(String(first) + String(lines[1]))
            if let line = try? parse(first: joined, rest: lines.dropFirst(2)) { return line }
            throw error
        }
    }

    private static func parse(first raw: Substring, rest: ArraySlice<Substring>) throws(Problem) -> MT940StatementLine {
        let text = raw.trimmingSpaces()
        func fail(_ why: String) -> Problem { .malformed(String(text), why) }
        var cursor = text[...]
        let valueText = cursor.prefix(6)
        guard valueText.count == 6, valueText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail("no value date YYMMDD")
        }
        cursor = cursor.dropFirst(6)
        var entry: (Int, Int)?
        let maybeEntry = cursor.prefix(4)
        if maybeEntry.count == 4, maybeEntry.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(maybeEntry) {
            entry = (value / 100, value % 100)
            cursor = cursor.dropFirst(4)
        }
        let isDebit: Bool, isReversal: Bool
        if cursor.hasPrefix("RC") {
            (isDebit, isReversal) = (true, true)
            cursor = cursor.dropFirst(2)
        } else if cursor.hasPrefix("RD") {
            (isDebit, isReversal) = (false, true)
            cursor = cursor.dropFirst(2)
        } else if cursor.hasPrefix("C") {
            (isDebit, isReversal) = (false, false)
            cursor = cursor.dropFirst()
        } else if cursor.hasPrefix("D") {
            (isDebit, isReversal) = (true, false)
            cursor = cursor.dropFirst()
        } else {
            throw fail("no debit/credit mark (C, D, RC or RD)")
        }
        // The funds code: the third letter of the currency code, when present.
        if let letter = cursor.first, letter.isASCII, letter.isLetter { cursor = cursor.dropFirst() }
        cursor = cursor.drop { $0 == " " }
        let amountText = MT940Values.amountPrefix(cursor)
        guard !amountText.isEmpty, amountText.first!.isNumber else { throw fail("no amount") }
        cursor = cursor.dropFirst(amountText.count).drop { $0 == " " }
        // Transaction type: a letter and three characters (`NTRF`, `FMSC`, `S051`, `NOV `); some
        // banks leave it out and go straight to `//bankref`.
        var typeCode = ""
        if !cursor.hasPrefix("//") {
            typeCode = String(cursor.prefix(4))
            cursor = cursor.dropFirst(4)
        }
        var customer = cursor, bank: Substring?
        if let range = cursor.range(of: "//") {
            customer = cursor[..<range.lowerBound]
            bank = cursor[range.upperBound...]
        }
        func clean(_ value: Substring?) -> String? {
            guard let trimmed = value?.trimmingSpaces(), !trimmed.isEmpty, trimmed != "NONREF" else { return nil }
            return String(trimmed)
        }
        return MT940StatementLine(
            valueDate: MT940Values.date(valueText), valueDateText: String(valueText), entryMonthDay: entry,
            isDebit: isDebit, isReversal: isReversal, amountText: amountText, typeCode: typeCode,
            customerRef: clean(customer), bankRef: clean(bank),
            supplementary: rest.map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// The booking (entry) date: `MMDD` in the year that puts it nearest the value date, so that
    /// a value date of 31 December with entry date `0101` books on 1 January of the next year.
    func entryDate(near value: CalendarDate) -> CalendarDate? {
        guard let (month, day) = entryMonthDay else { return nil }
        let candidates = [value.year - 1, value.year, value.year + 1].compactMap {
            CalendarDate(year: $0, month: month, day: day)
        }
        return candidates.min { abs(value.days(until: $0)) < abs(value.days(until: $1)) }
    }

    /// The year of the value date as written, for an entry date when the value date does not exist.
    var writtenYear: Int? {
        guard let yy = Int(valueDateText.prefix(2)) else { return nil }
        return yy >= 80 ? 1900 + yy : 2000 + yy
    }
}

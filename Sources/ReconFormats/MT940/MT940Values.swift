import ReconCore

/// The small value syntaxes of MT940 fields: `YYMMDD` dates, comma amounts, balances.
enum MT940Values {
    /// `YYMMDD`; two-digit years 80–99 are 1980–1999, 00–79 are 2000–2079.
    static func date(_ text: Substring) -> CalendarDate? {
        guard text.count == 6, let value = Int(text), value >= 0 else { return nil }
        let yy = value / 10000, month = value / 100 % 100, day = value % 100
        return CalendarDate(year: yy >= 80 ? 1900 + yy : 2000 + yy, month: month, day: day)
    }

    enum AmountProblem: Error, CustomStringConvertible {
        case noSeparator(String)
        case invalid(String, AmountError)

        var description: String {
            switch self {
            case .noSeparator(let text): return "amount '\(text)' has no decimal comma"
            case .invalid(let text, let error): return "\(error) '\(text)'"
            }
        }
    }

    /// An unsigned MT940 amount: digits, a decimal comma (a point in old Rabobank files) and up to
    /// the currency's decimals; `6800,` and `620,3` are fine, `500` is not (the comma is mandatory).
    static func amount(_ text: Substring, currency: Currency) throws(AmountProblem) -> Money {
        let separator: UInt8
        if text.contains(",") {
            separator = UInt8(ascii: ",")
        } else if text.contains(".") {
            separator = UInt8(ascii: ".")
        } else {
            throw .noSeparator(String(text))
        }
        var bytes = Array(text.utf8)
        if bytes.last == separator { bytes.removeLast() }
        let format = AmountFormat(decimalSeparator: separator, allowsExcessZeroDecimals: true)
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(AmountError) in
                try Money.parse(buffer, currency: currency, format: format)
            }
        } catch {
            throw .invalid(String(text), error)
        }
    }

    /// The digits, comma and point at the start of `text` (an amount followed by something else).
    static func amountPrefix(_ text: Substring) -> Substring {
        text.prefix { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
    }
}

/// A balance field (`:60F:`, `:62F:`, `:64:` …): `C`/`D`, `YYMMDD`, currency, amount.
struct MT940Balance {
    var isDebit: Bool
    var date: CalendarDate
    var currency: Currency
    var amount: Money

    enum Problem: Error, CustomStringConvertible {
        case malformed(String)
        case unknownCurrency(String)
        case amount(MT940Values.AmountProblem)

        var description: String {
            switch self {
            case .malformed(let text): return "balance '\(text)' is not C/D, YYMMDD, currency and amount"
            case .unknownCurrency(let code): return "unknown currency '\(code)' in balance"
            case .amount(let problem): return "balance \(problem)"
            }
        }
    }

    static func parse(_ raw: Substring) throws(Problem) -> MT940Balance {
        let text = raw.trimmingSpaces()
        guard let mark = text.first, mark == "C" || mark == "D", text.count >= 11 else { throw .malformed(String(text)) }
        let dateText = text.dropFirst().prefix(6)
        guard let date = MT940Values.date(dateText) else { throw .malformed(String(text)) }
        let codeText = text.dropFirst(7).prefix(3)
        guard codeText.allSatisfy({ $0.isASCII && $0.isUppercase }) else { throw .malformed(String(text)) }
        guard let currency = Currency(statementCode: String(codeText)) else { throw .unknownCurrency(String(codeText)) }
        let amountText = text.dropFirst(10)
        do {
            let magnitude = try MT940Values.amount(amountText, currency: currency)
            return MT940Balance(isDebit: mark == "D", date: date, currency: currency,
                                amount: mark == "D" ? -magnitude : magnitude)
        } catch {
            throw .amount(error)
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var view = self
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return view
    }
}

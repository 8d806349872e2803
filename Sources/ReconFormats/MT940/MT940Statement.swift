import ReconCore

/// What the reader collects for one statement (`:20:` block) until its end, when the entries can
/// get their currency (from `:60F:`, else `:62F:`, `:34F:` or `:90D:`) and the header its closing
/// balance, which MT940 writes after the statement lines.
struct MT940Statement {
    var origin: SourceLocation
    var reference: String?
    var number: String?
    var account: String?
    var opening: MT940Balance?
    var closing: MT940Balance?
    var otherBalances: [(code: String, balance: MT940Balance)] = []
    var lines: [PendingLine] = []
    /// MT942: `:13D:` date, `:34F:` floor-limit currency, `:90D:`/`:90C:` count and sum.
    var isInterim = false
    var reportDate: CalendarDate?
    var floorLimitCurrency: Currency?
    var declaredSums: [(isDebit: Bool, count: Int, currency: Currency?, amountText: Substring, origin: SourceLocation)] = []

    struct PendingLine {
        var line: MT940StatementLine
        var details: [[Substring]] = []
        var origin: SourceLocation
    }

    var currency: Currency? {
        opening?.currency ?? closing?.currency ?? otherBalances.first?.balance.currency ?? floorLimitCurrency
            ?? declaredSums.lazy.compactMap(\.currency).first
    }

    var balances: [Balance] {
        var result: [Balance] = []
        if let opening { result.append(Balance(code: "OPBD", amount: opening.amount, date: opening.date)) }
        if let closing { result.append(Balance(code: "CLBD", amount: closing.amount, date: closing.date)) }
        for (code, balance) in otherBalances {
            result.append(Balance(code: code, amount: balance.amount, date: balance.date))
        }
        return result
    }

    var id: String {
        switch (reference, number) {
        case let (reference?, number?): return reference + "/" + number
        case let (reference?, nil): return reference
        case let (nil, number?): return number
        case (nil, nil): return ""
        }
    }

    /// `NL34RABO0142623393 EUR`, `NL77INGB0574908765EUR`, `…/HUF`: the account without the
    /// currency some banks append.
    static func account(_ raw: String) -> String {
        let value = raw.collapsingWhitespace()
        guard value.count > 4 else { return value }
        let code = value.suffix(3)
        let before = value.dropLast(3).last!
        guard code.allSatisfy({ $0.isASCII && $0.isUppercase }), Currency(statementCode: String(code)) != nil,
              before.isNumber || before == " " || before == "/" else { return value }
        var account = value.dropLast(3)
        while let last = account.last, last == " " || last == "/" { account = account.dropLast() }
        return String(account)
    }
}

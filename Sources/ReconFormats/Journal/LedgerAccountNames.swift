import ReconCore

/// Account names for plain-text ledgers: the role's parent and the account number,
/// `Assets:Bank:1920`. Both hledger and beancount accept them (beancount needs capitalised
/// top-level names; a component may start with a digit).
struct LedgerAccountNames {
    let input: JournalInput
    /// The name of every account the vouchers use, made once: a run has a handful of accounts
    /// and millions of lines.
    private var names: [String: String] = [:]

    init(input: JournalInput) {
        self.input = input
        for voucher in input.vouchers {
            for line in voucher.lines where names[line.account] == nil { names[line.account] = made(line.account) }
        }
    }

    func name(of account: String) -> String {
        names[account] ?? made(account)
    }

    private func made(_ account: String) -> String {
        input.role(of: account).ledgerParent + ":" + LedgerAccountNames.component(account)
    }

    /// Every account the vouchers use, sorted by name, with the first date it is used.
    func used() -> [(name: String, firstDate: CalendarDate)] {
        var first: [String: CalendarDate] = [:]
        for voucher in input.vouchers {
            for line in voucher.lines {
                let name = name(of: line.account)
                if first[name].map({ voucher.date < $0 }) ?? true { first[name] = voucher.date }
            }
        }
        return first.keys.sorted().map { ($0, first[$0]!) }
    }

    /// An account number as a name component: letters, digits and `-`; anything else becomes `-`.
    static func component(_ account: String) -> String {
        let mapped = account.unicodeScalars.map { scalar -> Character in
            let isAlnum = (scalar >= "0" && scalar <= "9") || (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
            return isAlnum ? Character(scalar) : "-"
        }
        var text = String(mapped)
        if let first = text.unicodeScalars.first, first >= "a" && first <= "z" { text = text.prefix(1).uppercased() + text.dropFirst() }
        return text.isEmpty ? "X" : text
    }

    /// Tag and metadata values: one line, and for hledger no commas (a comma ends a tag value).
    static func tagValue(_ text: String) -> String {
        LedgerText.oneLine(text).replacingCommas()
    }
}

extension String {
    func replacingCommas() -> String {
        guard withUTF8Bytes({ $0.contains(UInt8(ascii: ",")) }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "," ? ";" : $0 }))
    }
}

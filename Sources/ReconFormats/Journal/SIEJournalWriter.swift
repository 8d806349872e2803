import ReconCore

/// SIE 4 (the Swedish standard file for moving vouchers between ledgers): a header, `#KONTO` for
/// every account used, then one `#VER` per voucher with its `#TRANS` lines, in CP437 (`#FORMAT
/// PC8`) with CR LF line ends.
///
/// SIE has no currency per transaction, so there is one file per voucher currency,
/// `journal-<CUR>.se`, with `#VALUTA`. Vouchers carry no series or number (the target numbers them
/// on import); recon's voucher number and the bank reference start the voucher text. `#GEN` is the
/// date of the last voucher, not today, so that the same inputs give the same bytes.
public enum SIEJournalWriter {
    public static func fileName(for currency: Currency) -> String { "journal-\(currency.code).se" }

    /// The currencies of the vouchers, sorted.
    public static func currencies(of input: JournalInput) -> [Currency] {
        Set(input.vouchers.map(\.currency)).sorted()
    }

    /// Writes the vouchers in `currency`; returns a warning for every character written as `?`.
    public static func write(_ input: JournalInput, currency: Currency, to writer: FileWriter) throws -> [Finding] {
        let vouchers = input.vouchers.filter { $0.currency == currency }
        var out = SIEOutput()
        let last = vouchers.map(\.date).max() ?? CalendarDate(dayNumber: 0)
        out.record("#FLAGGA 0")
        out.record("#FORMAT PC8")
        out.record("#SIETYP 4")
        out.record("#PROGRAM \(SIEOutput.quoted("recon")) \(SIEOutput.quoted("1"))")
        out.record("#GEN \(SIEOutput.date(last))")
        out.record("#FNAMN \(SIEOutput.quoted("recon"))")
        out.record("#VALUTA \(currency.code)")
        var accounts: [String] = []
        for voucher in vouchers {
            for line in voucher.lines where !accounts.contains(line.account) { accounts.append(line.account) }
        }
        for account in accounts.sorted() {
            out.record("#KONTO \(SIEOutput.field(account)) \(SIEOutput.quoted(input.role(of: account).title))")
        }
        for voucher in vouchers {
            let text = "\(voucher.number) " + (voucher.lines.first?.text ?? "")
            out.record("#VER \"\" \"\" \(SIEOutput.date(voucher.date)) \(SIEOutput.quoted(text))", context: voucher.number)
            out.record("{")
            for line in voucher.lines {
                var record = "#TRANS \(SIEOutput.field(line.account)) {} \(line.amount.formatted()) \(SIEOutput.date(voucher.date)) "
                record += SIEOutput.quoted(line.text)
                out.record(record, context: voucher.number)
            }
            out.record("}")
        }
        try writer.write(out.bytes)
        let name = fileName(for: currency)
        return out.unmappable.map { voucher, characters in
            Finding(SourceLocation(file: name, line: voucher.line),
                    "voucher \(voucher.number): CP437 has no \(characters.map { "'\($0)'" }.joined(separator: ", ")), written as '?'")
        }
    }
}

/// The bytes of a SIE file and the characters that CP437 could not hold, by voucher.
struct SIEOutput {
    private(set) var bytes: [UInt8] = []
    private(set) var line = 0
    private(set) var unmappable: [(voucher: (number: String, line: Int), characters: [Character])] = []

    mutating func record(_ text: String, context voucher: String? = nil) {
        line += 1
        var lost: [Character] = []
        CP437.encode(text, into: &bytes, unmappable: &lost)
        bytes += [0x0D, 0x0A]
        if !lost.isEmpty, let voucher { unmappable.append(((voucher, line), lost)) }
    }

    static func date(_ date: CalendarDate) -> String {
        String(date.description.filter { $0 != "-" })
    }

    /// A string field: quoted, with `"` and `\` escaped by a backslash, on one line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in LedgerText.oneLine(text) {
            if character == "\"" || character == "\\" { result += "\\" }
            result.append(character)
        }
        return result + "\""
    }

    /// An account number: bare when it is one word, else quoted.
    static func field(_ text: String) -> String {
        text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "{" || $0 == "}" }) ? quoted(text) : text
    }
}

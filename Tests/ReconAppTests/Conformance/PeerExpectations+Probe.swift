import ReconCore
import ReconApp

extension PeerExpectations {
    /// One file's report, with comparisons that record what differs.
    struct Probe {
        let report: InspectJob.Report
        var problems: [String] = []

        var entries: [BankEntry] { report.statements.flatMap(\.entries) }
        var transactions: [BankTransaction] { entries.flatMap(\.transactions) }

        /// For the table: `condition` reads the report (a copy), so that it does not overlap the mutation.
        mutating func check(_ condition: (Probe) -> Bool, _ message: String) {
            let holds = condition(self)
            expect(holds, message)
        }

        mutating func expect(_ condition: Bool, _ message: String) {
            if !condition { problems.append(message) }
        }

        /// Transaction `index` (0-based, over the whole file) has these values; nil means "not checked".
        mutating func tx(_ index: Int, _ amount: String? = nil, e2e: String?? = nil, ref: String?? = nil,
                         payer: String?? = nil, iban: String?? = nil, text: String? = nil, textHas: String? = nil,
                         booked: String? = nil, value: String? = nil, bankRef: String? = nil, status: EntryStatus? = nil,
                         reversal: Bool? = nil) {
            guard index < transactions.count else { return expect(false, "no transaction #\(index)") }
            let t = transactions[index]
            let name = "transaction #\(index)"
            if let amount { expect(t.amount.formatted() == amount, "\(name): amount \(t.amount), peer \(amount)") }
            if let e2e { expect(t.endToEndId == e2e, "\(name): end-to-end id \(t.endToEndId ?? "nil"), peer \(e2e ?? "nil")") }
            if let ref { expect(t.structuredRef == ref, "\(name): structured ref \(t.structuredRef ?? "nil"), peer \(ref ?? "nil")") }
            if let payer { expect(t.payerName == payer, "\(name): payer \(t.payerName ?? "nil"), peer \(payer ?? "nil")") }
            if let iban { expect(t.payerIban == iban, "\(name): payer account \(t.payerIban ?? "nil"), peer \(iban ?? "nil")") }
            if let text { expect(t.text == text, "\(name): text '\(t.text)', peer '\(text)'") }
            if let textHas { expect(t.text.contains(textHas), "\(name): text '\(t.text)' lacks '\(textHas)'") }
            if let booked { expect(t.bookingDate.description == booked, "\(name): booked \(t.bookingDate), peer \(booked)") }
            if let value { expect(t.valueDate?.description == value, "\(name): value date \(t.valueDate?.description ?? "nil"), peer \(value)") }
            if let bankRef { expect(t.bankRef == bankRef, "\(name): bank ref \(t.bankRef ?? "nil"), peer \(bankRef)") }
            if let status { expect(t.status == status, "\(name): status \(t.status), peer \(status)") }
            if let reversal { expect(t.isReversal == reversal, "\(name): reversal \(t.isReversal), peer \(reversal)") }
        }

        mutating func count(statements: Int? = nil, entries: Int? = nil, transactions: Int? = nil) {
            if let statements { expect(report.statements.count == statements, "\(report.statements.count) statements, peer \(statements)") }
            if let entries { expect(self.entries.count == entries, "\(self.entries.count) entries, peer \(entries)") }
            if let transactions {
                expect(self.transactions.count == transactions, "\(self.transactions.count) transactions, peer \(transactions)")
            }
        }

        /// Statement `index` (0-based) has this opening and closing balance.
        mutating func balances(_ index: Int = 0, opening: String?, closing: String?) {
            guard index < report.statements.count else { return expect(false, "no statement #\(index)") }
            let info = report.statements[index].info
            expect(info.opening?.formatted() == opening, "statement #\(index): opening \(info.opening?.formatted() ?? "nil"), peer \(opening ?? "nil")")
            expect(info.closing?.formatted() == closing, "statement #\(index): closing \(info.closing?.formatted() ?? "nil"), peer \(closing ?? "nil")")
        }

        /// The amounts of all transactions, in file order.
        mutating func amounts(_ expected: [String]) {
            let actual = transactions.map { $0.amount.formatted() }
            expect(actual == expected, "amounts \(actual), peer \(expected)")
        }

        /// The signed sum of all transactions.
        mutating func sum(_ expected: String) {
            guard let currency = transactions.first?.amount.currency else { return expect(false, "no transactions") }
            let total = transactions.reduce(Money.zero(currency)) { $0 + $1.amount }
            expect(total.formatted() == expected, "sum \(total), peer \(expected)")
        }

        /// No transaction is a receipt recon may settle.
        mutating func noReceipts() {
            expect(!transactions.contains(where: \.isReceipt), "a transaction would settle an invoice")
        }

        /// Transaction ids are all different (identical rows stay two transactions).
        mutating func distinctIds() {
            expect(Set(transactions.map(\.entryId)).count == transactions.count, "duplicate entry ids")
        }
    }
}

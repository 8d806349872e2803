import ReconCore
import ReconApp

/// Compares a report with the Computed and genkgo-snapshot facts of one MANIFEST section.
struct Checker {
    let file: Manifest.File
    let report: InspectJob.Report
    let skipped: [String: String]
    var problems: [String] = []

    private var isMT940: Bool { report.format.hasPrefix("mt94") }
    private var entries: [BankEntry] { report.statements.flatMap(\.entries) }

    mutating func fail(_ check: String, _ message: String) {
        if skipped[check] != nil { return }
        let prefix = check.split(separator: ".").first.map(String.init) ?? check
        if skipped[prefix] != nil { return }
        problems.append("\(check): \(message)")
    }

    mutating func compare() {
        if let count = file.statementCount, count != report.statements.count {
            fail("statements", "\(report.statements.count) statements, MANIFEST computed \(count)")
        }
        if let count = file.entryCount, count != entries.count {
            fail("entries", "\(entries.count) entries, MANIFEST computed \(count)")
        }
        for expected in file.statements {
            guard expected.index <= report.statements.count else {
                fail("s\(expected.index)", "no statement #\(expected.index)")
                continue
            }
            compare(expected, report.statements[expected.index - 1])
        }
        if let totals = file.totals { compareTotals(totals) }
        if file.rows != nil { compareCSV() }
        for expected in file.peerEntries { comparePeer(expected) }
    }

    private func currency(of statement: InspectJob.Statement) -> Currency? {
        statement.info.currency ?? statement.entries.first?.amount.currency
    }

    private mutating func compare(_ expected: Manifest.Statement, _ actual: InspectJob.Statement) {
        let name = "s\(expected.index)"
        let info = actual.info
        if let id = expected.id, id != "None" {
            let matches = isMT940 ? info.id.hasPrefix(id.collapsedSpaces) : info.id == id
            if !matches { fail("\(name).id", "id '\(info.id)', MANIFEST '\(id)'") }
        }
        if let account = expected.account {
            let written = account.replacingOccurrences(of: "⏎", with: "").filter { $0 != " " }
            let ours = info.account.filter { $0 != " " }
            if isMT940 ? !(written.hasPrefix(ours) && !ours.isEmpty) : ours != written {
                fail("\(name).account", "account '\(info.account)', MANIFEST '\(account)'")
            }
        }
        if let code = expected.currency, !isMT940, info.currency?.code != code {
            fail("\(name).currency", "currency \(info.currency?.code ?? "none"), MANIFEST \(code)")
        }
        for balance in expected.balances {
            let found = info.balances.contains { ours in
                ours.code == balance.code && ours.amount.currency.code == balance.amount.currency
                    && ours.amount.minorUnits == balance.amount.minorUnits(exponent: ours.amount.currency.exponent)
                    && (balance.date == nil || ours.date?.description == balance.date)
            }
            if !found { fail("\(name).balances", "no balance \(balance.code) \(balance.amount) \(balance.date ?? "") in \(info.balances.map { "\($0.code) \($0.amount) \($0.amount.currency)" })") }
        }
        if isMT940 {
            compareMT940Balance(expected.opening, info.opening, "\(name).opening")
            compareMT940Balance(expected.closing, info.closing, "\(name).closing")
        }
        if expected.entryCount != actual.entries.count {
            fail("\(name).count", "\(actual.entries.count) entries, MANIFEST \(expected.entryCount)")
        } else {
            compareSums(expected, actual, name)
        }
        if let check = expected.check {
            let ours: BalanceCheck = check == .ok ? .ok : check == .mismatch ? .mismatch : .unknown
            if actual.balanceCheck != ours { fail("\(name).check", "balance_check \(actual.balanceCheck), MANIFEST \(check)") }
        }
        for entry in expected.entries {
            guard entry.index <= actual.entries.count else {
                fail("\(name).e\(entry.index)", "no entry #\(entry.index)")
                continue
            }
            compare(entry, actual.entries[entry.index - 1], statementCurrency: currency(of: actual), "\(name).e\(entry.index)")
        }
    }

    private mutating func compareMT940Balance(_ expected: Manifest.Amount?, _ actual: Money?, _ check: String) {
        guard let expected else { return }
        guard let actual else { return fail(check, "none, MANIFEST \(expected)") }
        if actual.currency.code != expected.currency || actual.minorUnits != expected.minorUnits(exponent: actual.currency.exponent) {
            fail(check, "\(actual) \(actual.currency), MANIFEST \(expected)")
        }
    }

    private mutating func compareSums(_ expected: Manifest.Statement, _ actual: InspectJob.Statement, _ name: String) {
        for (isCredit, side) in [(true, expected.credits), (false, expected.debits)] {
            guard let side else { continue }
            let ours = actual.entries.filter { isCredit ? $0.amount.isPositive : $0.amount.isNegative }
            let label = isCredit ? "credits" : "debits"
            if ours.count != side.count {
                fail("\(name).sums", "\(ours.count) \(label), MANIFEST \(side.count)")
                continue
            }
            guard let first = ours.first else { continue }
            let currency = first.amount.currency
            if let code = side.sum.currency, ours.contains(where: { $0.amount.currency.code != code }) {
                fail("\(name).sums", "\(label) not all in \(code)")
                continue
            }
            let sum = ours.reduce(Int64(0)) { $0 + $1.amount.minorUnits.magnitudeSigned }
            let written = side.sum.minorUnits(exponent: currency.exponent).map { $0 < 0 ? -$0 : $0 }
            if sum != written { fail("\(name).sums", "\(label) sum \(Money(minorUnits: sum, currency: currency)), MANIFEST \(side.sum)") }
        }
    }

    private mutating func compare(_ expected: Manifest.Entry, _ actual: BankEntry, statementCurrency: Currency?, _ check: String) {
        let exponent = actual.amount.currency.exponent
        if let code = expected.amount.currency, code != actual.amount.currency.code {
            fail(check, "currency \(actual.amount.currency), MANIFEST \(code)")
        }
        if expected.amount.minorUnits(exponent: exponent) != actual.amount.minorUnits {
            fail(check, "amount \(actual.amount), MANIFEST \(expected.amount)")
        }
        if isMT940 {
            if let value = expected.value, actual.valueDate?.description != value {
                fail(check, "value date \(actual.valueDate?.description ?? "none"), MANIFEST \(value)")
            }
            let booked = Self.mt940Booking(value: expected.value, monthDay: expected.entryMonthDay)
            if let booked, actual.bookingDate.description != booked {
                fail(check, "booking date \(actual.bookingDate), expected \(booked) (value date and entry MMDD)")
            }
            if let bank = expected.bankRef, actual.bankRef != bank.collapsedSpaces, bank != "NONREF" {
                fail(check, "bank ref \(actual.bankRef ?? "none"), MANIFEST \(bank)")
            }
            return
        }
        if let booked = expected.booked, actual.bookingDate.description != booked {
            fail(check, "booking date \(actual.bookingDate), MANIFEST \(booked)")
        }
        if let value = expected.value, actual.valueDate?.description != value {
            fail(check, "value date \(actual.valueDate?.description ?? "none"), MANIFEST \(value)")
        }
        if let bank = expected.bankRef, actual.bankRef != bank {
            fail(check, "AcctSvcrRef \(actual.bankRef ?? "none"), MANIFEST \(bank)")
        }
        let first = actual.transactions.first
        if let count = expected.txDtls, count <= 1, actual.transactions.count != 1 {
            fail(check, "\(actual.transactions.count) transactions for \(count) TxDtls")
        }
        if let e2e = expected.endToEndId {
            let meaningful = e2e == "NOTPROVIDED" ? nil : e2e
            if first?.endToEndId != meaningful { fail(check, "EndToEndId \(first?.endToEndId ?? "none"), MANIFEST \(e2e)") }
        }
        if let reference = expected.structuredRef, first?.structuredRef != reference {
            fail(check, "structured ref \(first?.structuredRef ?? "none"), MANIFEST \(reference)")
        }
        // MANIFEST joins several Ustrd with " | " and collapses spaces; recon joins them as written.
        let text = (first?.text ?? "").collapsedSpaces
        if let ustrd = expected.ustrd,
           !ustrd.components(separatedBy: " | ").allSatisfy({ text.contains($0.collapsedSpaces.trimmingSpaces) }) {
            fail(check, "text '\(first?.text ?? "")' lacks MANIFEST's Ustrd '\(ustrd)'")
        }
    }

    /// MT940's booking date: the entry MMDD in the year nearest the value date, else the value date.
    static func mt940Booking(value: String?, monthDay: String?) -> String? {
        guard let value, let date = CalendarDate(iso: value) else { return nil }
        guard let monthDay, let number = Int(monthDay) else { return value }
        let candidates = [date.year - 1, date.year, date.year + 1].compactMap {
            CalendarDate(year: $0, month: number / 100, day: number % 100)
        }
        return candidates.min { abs(date.days(until: $0)) < abs(date.days(until: $1)) }?.description
    }

    private mutating func compareTotals(_ totals: (credits: Manifest.Amount, debits: Manifest.Amount, notReconciling: Int)) {
        guard let currency = entries.first?.amount.currency else { return }
        let credits = entries.filter(\.amount.isPositive).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let debits = entries.filter(\.amount.isNegative).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        if credits != totals.credits.minorUnits(exponent: currency.exponent) {
            fail("totals", "credits \(Money(minorUnits: credits, currency: currency)), MANIFEST \(totals.credits)")
        }
        if debits != totals.debits.minorUnits(exponent: currency.exponent) {
            fail("totals", "debits \(Money(minorUnits: debits, currency: currency)), MANIFEST \(totals.debits)")
        }
        let mismatches = report.statements.filter { $0.balanceCheck == .mismatch }.count
        if mismatches != totals.notReconciling {
            fail("totals", "\(mismatches) statements do not reconcile, MANIFEST \(totals.notReconciling)")
        }
    }

    private mutating func compareCSV() {
        if let rows = file.rows, rows != entries.count { fail("rows", "\(entries.count) rows, MANIFEST \(rows)") }
        for (isCredit, side) in [(true, file.inflows), (false, file.outflows)] {
            guard let side else { continue }
            let ours = entries.filter { isCredit ? $0.amount.isPositive : $0.amount.isNegative }
            let label = isCredit ? "inflows" : "outflows"
            let currency = ours.first?.amount.currency ?? entries.first?.amount.currency
            let sum = ours.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            if ours.count != side.count || (currency.map { side.sum.minorUnits(exponent: $0.exponent) != sum } ?? false) {
                fail("flows", "\(ours.count) \(label) = \(currency.map { Money(minorUnits: sum, currency: $0).description } ?? "0"), MANIFEST \(side.count) = \(side.sum.text)")
            }
        }
        let zero = entries.filter(\.amount.isZero).count
        if zero != file.zeroRows { fail("flows", "\(zero) zero-amount rows, MANIFEST \(file.zeroRows)") }
        for row in file.csvRows {
            let check = "row\(row.index)"
            guard row.index <= entries.count else { fail(check, "no row #\(row.index)"); continue }
            let entry = entries[row.index - 1]
            if entry.bookingDate.description != row.date { fail(check, "date \(entry.bookingDate), MANIFEST \(row.date)") }
            if entry.amount.minorUnits != row.amount.minorUnits(exponent: entry.amount.currency.exponent) {
                fail(check, "amount \(entry.amount), MANIFEST \(row.amount.text)")
            }
        }
    }

    private mutating func comparePeer(_ expected: Manifest.Entry) {
        let check = "peer.e\(expected.index)"
        let record = report.statements.first { $0.info.id == file.peerRecordId }?.entries ?? entries
        guard expected.index <= record.count else { return fail(check, "no entry #\(expected.index)") }
        let actual = record[expected.index - 1]
        if expected.amount.text != String(actual.amount.minorUnits) || expected.amount.currency != actual.amount.currency.code {
            fail(check, "amount \(actual.amount.minorUnits) \(actual.amount.currency), genkgo \(expected.amount)")
        }
        if let booked = expected.booked, actual.bookingDate.description != booked {
            fail(check, "booking date \(actual.bookingDate), genkgo \(booked)")
        }
        if let value = expected.value, actual.valueDate?.description != value {
            fail(check, "value date \(actual.valueDate?.description ?? "none"), genkgo \(value)")
        }
        if let bank = expected.bankRef, actual.bankRef != bank { fail(check, "AcctSvcrRef \(actual.bankRef ?? "none"), genkgo \(bank)") }
        if let e2e = expected.endToEndId, actual.transactions.first?.endToEndId != e2e {
            fail(check, "EndToEndId \(actual.transactions.first?.endToEndId ?? "none"), genkgo \(e2e)")
        }
    }
}

extension String {
    var collapsedSpaces: String {
        split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    var trimmingSpaces: String { collapsedSpaces }
}

private extension Int64 {
    var magnitudeSigned: Int64 { self < 0 ? -self : self }
}

import ReconCore

extension MT940Reader {
    /// Turns a finished statement into its header and entries, queued for `next()`.
    func emit(_ statement: MT940Statement) {
        var currency = statement.currency
        if currency == nil && !statement.lines.isEmpty {
            warn(at: statement.origin, "no currency in this statement (no :60F:, :62F:, :34F: or :90D:): amounts read as XXX")
            currency = Currency(code: "XXX")!
        }
        let account = statement.account ?? ""
        if statement.account == nil, statement.reference != nil {
            warn(at: statement.origin, "statement without :25: account")
        }
        var entries: [BankEntry] = []
        for pending in statement.lines {
            if let entry = entry(pending, currency: currency!, account: account) { entries.append(entry) }
        }
        checkDeclaredSums(statement, entries: entries)
        let date = statement.closing?.date ?? statement.opening?.date ?? statement.reportDate ?? entries.last?.bookingDate
        let info = StatementInfo(format: statement.isInterim ? "mt942" : "mt940", id: statement.id, account: account,
                                 currency: currency, balances: statement.balances, date: date, origin: statement.origin)
        enqueue(.statement(info))
        for entry in entries { enqueue(.entry(entry)) }
    }

    private func entry(_ pending: MT940Statement.PendingLine, currency: Currency, account: String) -> BankEntry? {
        let line = pending.line
        let location = pending.origin
        let magnitude: Money
        do {
            magnitude = try MT940Values.amount(line.amountText, currency: currency)
        } catch {
            findings.append(Finding(location, ":61: \(error.description)"))
            return nil
        }
        let amount = line.isDebit ? -magnitude : magnitude
        let valueDate = line.valueDate
        var bookingDate: CalendarDate?
        if let value = valueDate {
            bookingDate = line.entryDate(near: value) ?? value
        } else if let year = line.writtenYear, let (month, day) = line.entryMonthDay,
                  let entry = CalendarDate(year: year, month: month, day: day) {
            warn(at: location, ":61: value date \(line.valueDateText) does not exist: ignored, the entry date \(entry) is the booking date")
            bookingDate = entry
        }
        guard let bookingDate else {
            findings.append(Finding(location, ":61: value date \(line.valueDateText) does not exist and there is no entry date"))
            return nil
        }
        let details = MT940Details.parse(pending.details)
        var payerAccount = details.payerAccount
        if payerAccount == nil, let first = line.supplementary.split(separator: " ").first,
           PaymentReferences.isIBANShaped(String(first)) {
            payerAccount = String(first)
        }
        var transaction = BankTransaction(
            bankRef: line.bankRef, account: account, amount: amount, bookingDate: bookingDate, valueDate: valueDate,
            status: .booked, isReversal: line.isReversal, endToEndId: details.endToEndId,
            structuredRef: details.structuredRef, payerName: details.payerName, payerIban: payerAccount,
            text: details.text, origin: location)
        identity.assign(&transaction, entryReference: line.bankRef, index: 1)
        return BankEntry(amount: amount, bookingDate: bookingDate, valueDate: valueDate, status: .booked,
                         isReversal: line.isReversal, bankRef: line.bankRef, transactions: [transaction], origin: location)
    }

    /// MT942 `:90D:`/`:90C:` give the number and sum of debits and credits; say so when the lines differ.
    private func checkDeclaredSums(_ statement: MT940Statement, entries: [BankEntry]) {
        for declared in statement.declaredSums {
            let matching = entries.filter { $0.amount.isNegative == declared.isDebit && !$0.amount.isZero }
            let currency = declared.currency ?? statement.currency
            guard let currency, let sum = try? MT940Values.amount(declared.amountText, currency: currency) else { continue }
            let actual = matching.reduce(Int64(0)) { $0 + $1.amount.minorUnits.magnitude.asInt64 }
            if declared.count != matching.count || sum.minorUnits != actual {
                let side = declared.isDebit ? "debits" : "credits"
                warn(at: declared.origin, ":90\(declared.isDebit ? "D" : "C"): declares \(declared.count) \(side) of \(sum), the lines have \(matching.count) of \(Money(minorUnits: actual, currency: currency))")
            }
        }
    }

}

private extension UInt64 {
    var asInt64: Int64 { Int64(self) }
}

import ReconCore

extension CamtReader {
    func emitStatementHeader() {
        guard var current = statement, !current.headerEmitted else { return }
        current.headerEmitted = true
        statement = current
        let info = StatementInfo(format: format ?? "", id: current.id ?? messageId ?? "", account: current.account,
                                 currency: current.currency ?? current.balances.first?.amount.currency,
                                 balances: current.balances,
                                 date: current.created ?? current.periodEnd ?? messageDate, origin: current.origin)
        emit(.statement(info))
    }

    func finishBalance(_ state: CamtBalanceState) {
        guard let amount = state.amount else {
            if !state.amountWasWritten { warn("balance without an amount, ignored") }
            return
        }
        let code = state.code ?? ""
        if code.isEmpty { warn("balance without a type code") }
        if state.isDebit == nil { warn("balance \(code) without CdtDbtInd, taken as a credit balance") }
        statement?.balances.append(Balance(code: code, amount: state.isDebit == true ? -amount : amount, date: state.date))
    }

    func finishEntry(_ state: CamtEntryState) {
        let location = state.origin
        guard let magnitude = state.amount else {
            findings.append(Finding(location, "entry without an amount"))
            return
        }
        guard let isDebit = state.isDebit else {
            findings.append(Finding(location, "entry without CdtDbtInd: recon does not guess the sign"))
            return
        }
        let amount = isDebit ? -magnitude : magnitude
        let status: EntryStatus
        switch state.status {
        case "BOOK": status = .booked
        case "PDNG", "FUTR": status = .pending
        case "INFO": status = .info
        case nil:
            warn(at: location, "entry without Sts, taken as booked")
            status = .booked
        case let other?:
            warn(at: location, "unknown entry status '\(other)', not settled")
            status = .info
        }
        var bookingDate = state.bookingDate
        if bookingDate == nil {
            if let value = state.valueDate {
                warn(at: location, "entry without BookgDt, value date used")
                bookingDate = value
            } else if let statementDate = statement?.created ?? statement?.periodEnd ?? messageDate {
                warn(at: location, "entry without BookgDt or ValDt, statement date used")
                bookingDate = statementDate
            }
        }
        guard let bookingDate else {
            findings.append(Finding(location, "entry without any date"))
            return
        }
        // A batch booked without (all) its details is common; say so, as a camt.054 may detail it.
        if let declared = state.declaredCount, declared != state.transactions.count,
           !(declared == 1 && state.transactions.isEmpty) {
            warn(at: location, "batch declares NbOfTxs \(declared) but has \(state.transactions.count) TxDtls")
        }
        let account = statement?.account ?? ""
        let identityRef = state.accountServicerRef ?? state.entryRef
        var transactions: [BankTransaction] = []
        func make(_ details: CamtTransactionState?, amount: Money, index: Int) {
            let isCredit = amount.minorUnits >= 0
            let party = counterparty(details, isCredit: isCredit)
            texts.removeAll()
            texts.set(.endToEndId, details?.endToEndId)
            texts.set(.structuredRef, details?.structuredRef)
            texts.set(.payerName, party.name)
            texts.set(.payerIban, party.account)
            // The remittance text kept as the bytes it was read in (a string of them made and
            // copied cost more), through a string only to mend bytes that are not UTF-8.
            let unstructured = details?.unstructured.withUnsafeBufferPointer { bytes in
                let trimmed = CamtReader.trim(bytes)
                if trimmed.isEmpty { return false }
                if UTF8Validation.isValid(trimmed) {
                    texts.set(.text, trimmed)
                } else {
                    texts.set(.text, String(decoding: trimmed, as: UTF8.self))
                }
                return true
            }
            if unstructured != true { texts.set(.text, details?.additionalInfo ?? state.additionalInfo ?? "") }
            // The entry's AcctSvcrRef repeated in its TxDtls (the usual case) is kept as one string,
            // not two: a million entries hold a million strings (80 MB) fewer.
            let ownRef = details?.accountServicerRef
            let bankRef = ownRef == nil || ownRef == state.accountServicerRef ? state.accountServicerRef : ownRef
            var transaction = BankTransaction(
                bankRef: bankRef, account: account, amount: amount,
                bookingDate: bookingDate, valueDate: state.valueDate, status: status, isReversal: state.isReversal,
                texts: texts, origin: details?.origin ?? location)
            identity.assign(&transaction, entryReference: identityRef ?? details?.accountServicerRef ?? details?.endToEndId,
                            index: index)
            transactions.append(transaction)
        }
        let details = state.transactions
        if details.count <= 1 {
            make(details.first, amount: amount, index: 1)
        } else if let parts = split(details, entryAmount: amount, entryIsDebit: isDebit) {
            for (index, part) in parts.enumerated() { make(details[index], amount: part, index: index + 1) }
        } else {
            warn(at: location, "entry with \(details.count) TxDtls whose amounts do not add up to the entry: kept as one transaction")
            var combined = details[0]
            combined.unstructured = Array(details.map { Array(CamtReader.trim($0.unstructured)) }
                .filter { !$0.isEmpty }.joined(separator: Array(" ".utf8)))
            make(combined, amount: amount, index: 1)
        }
        emit(.entry(BankEntry(amount: amount, bookingDate: bookingDate, valueDate: state.valueDate,
                                      status: status, isReversal: state.isReversal, bankRef: state.accountServicerRef,
                                      entryRef: state.entryRef, batchId: state.batchId,
                                      transactions: transactions, origin: location)))
    }

    /// The other party: the debtor of a credit, the creditor of a debit. In a return (`RtrInf`)
    /// the parties keep their roles in the original payment, so a returned direct debit (a debit)
    /// names its debtor — when the bank gives one.
    private func counterparty(_ details: CamtTransactionState?, isCredit: Bool) -> (name: String?, account: String?) {
        guard let details else { return (nil, nil) }
        let debtor = (details.debtorName ?? details.ultimateDebtorName, details.debtorIBAN ?? details.debtorOtherAccount)
        let creditor = (details.creditorName, details.creditorIBAN)
        switch (isCredit, details.isReturn) {
        case (true, false): return debtor
        case (false, false): return creditor
        case (false, true): return (debtor.0 ?? creditor.0, debtor.1 ?? creditor.1)
        case (true, true): return (creditor.0 ?? debtor.0, creditor.1 ?? debtor.1)
        }
    }

    /// The signed amounts of each TxDtls when all have one in the entry's currency and they add up.
    private func split(_ details: [CamtTransactionState], entryAmount: Money, entryIsDebit: Bool) -> [Money]? {
        var parts: [Money] = []
        var total = Money.zero(entryAmount.currency)
        for detail in details {
            guard let own = detail.ownAmount, own.currency == entryAmount.currency else { return nil }
            let signed = (detail.isDebit ?? entryIsDebit) ? -own : own
            parts.append(signed)
            total += signed
        }
        return total == entryAmount ? parts : nil
    }

    func warn(_ message: String) { warn(at: location, message) }

    func warn(at location: SourceLocation, _ message: String) {
        warnings.append(Finding(location, message))
    }
}

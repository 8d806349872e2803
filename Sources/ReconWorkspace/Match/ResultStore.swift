import GRDB
import ReconApp
import ReconCore

/// Writes what a match produced into the workspace: new credits, balances, vouchers with their
/// lines, settlements, the state of every transaction looked at, the exception report and the
/// decisions applied.
struct ResultStore {
    let db: Database
    let log: Int64
    /// The items as the match loaded them, by id.
    private var items: [String: OpenItem] = [:]

    init(db: Database, log: Int64, items: [OpenItem]) {
        self.db = db
        self.log = log
        self.items = Dictionary(items.map { ($0.invoiceId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func save(_ result: ReconciliationResult, unsettled: [TransactionRecords.Unsettled],
                       earlier: [ReconException], decisionsFile: String?) throws {
        let voucherIds = try saveVouchers(result.vouchers)
        try saveCredits(result.newCredits, vouchers: result.vouchers)
        try saveSettlements(result.settlements, voucherIds: voucherIds)
        try saveStates(result, unsettled: unsettled)
        for entryId in Set(earlier.map(\.transaction.entryId)) { try ExceptionRecords.delete(entryId: entryId, db) }
        for exception in result.exceptions { try ExceptionRecords.insert(exception, log: log, db) }
        for applied in result.appliedDecisions { try saveDecision(applied, file: decisionsFile ?? "") }
    }

    /// Inserts the vouchers; returns the voucher id of each entry id of this match.
    private func saveVouchers(_ vouchers: [Voucher]) throws -> [String: Int64] {
        let voucher = try db.makeStatement(sql: "INSERT INTO vouchers (entry_id, date, currency, match_log) VALUES (?, ?, ?, ?)")
        let line = try db.makeStatement(sql: """
            INSERT INTO journal_lines (voucher, line, account, amount, customer_id, invoice_id, text) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var ids: [String: Int64] = [:]
        for entry in vouchers {
            try voucher.execute(arguments: [entry.entryId, entry.date.iso, entry.currency.code, log])
            let id = db.lastInsertedRowID
            ids[entry.entryId] = id
            for (number, posting) in entry.lines.enumerated() {
                try line.execute(arguments: [id, number + 1, posting.account, posting.amount.minorUnits,
                                             posting.customerId, posting.invoiceId, posting.text])
            }
        }
        return ids
    }

    /// New customer credits become items, pointing to the transaction whose overpayment they hold.
    private mutating func saveCredits(_ credits: [OpenItem], vouchers: [Voucher]) throws {
        guard !credits.isEmpty else { return }
        var source: [String: String] = [:]
        for voucher in vouchers {
            for line in voucher.lines { if let id = line.invoiceId { source[id] = voucher.entryId } }
        }
        for credit in credits {
            try ItemRecords.insert(credit, log: log, sourceEntryId: source[credit.invoiceId], db)
            items[credit.invoiceId] = credit
        }
    }

    /// Inserts the settlement rows and moves each item's open amount and discount taken along them.
    private mutating func saveSettlements(_ rows: [Settlement], voucherIds: [String: Int64]) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO settlements (voucher, entry_id, bank_ref, booking_date, invoice_id, customer_id, currency, paid,
              cash_discount, write_off, open_before, open_after, kind, rule, match_log)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var changed: Set<String> = []
        for row in rows {
            guard let voucher = voucherIds[row.entryId], var item = items[row.invoiceId] else {
                throw ReconFailure(.internalError, ["internal error: settlement \(row.entryId) → \(row.invoiceId) has no voucher or item"])
            }
            guard item.openAmount == row.openBefore else {
                throw ReconFailure(.internalError, ["internal error: settlement \(row.entryId) → \(row.invoiceId) starts from "
                                                    + "\(row.openBefore), but the item is open \(item.openAmount)"])
            }
            try insert.execute(arguments: [
                voucher, row.entryId, row.bankRef, row.bookingDate.iso, row.invoiceId, row.customerId, row.currency.code,
                row.paid.minorUnits, row.cashDiscount.minorUnits, row.writeOff.minorUnits, row.openBefore.minorUnits,
                row.openAfter.minorUnits, row.kind.rawValue, row.rule, log,
            ])
            item.openAmount = row.openAfter
            item.discountTaken += row.cashDiscount
            items[row.invoiceId] = item
            changed.insert(row.invoiceId)
        }
        for id in changed.sorted() { try ItemRecords.updateBalance(items[id]!, db) }
    }

    /// Every transaction the match looked at ends settled, in the report, ignored, to suspense or
    /// among the other entries; its earlier report rows are replaced.
    private func saveStates(_ result: ReconciliationResult, unsettled: [TransactionRecords.Unsettled]) throws {
        var state: [String: (TransactionRecords.State, String?, String?)] = [:]
        for exception in result.exceptions where !exception.isSettled {
            state[exception.transaction.entryId] = (exception.decision == nil ? .exception : .ignored, nil, nil)
        }
        for other in result.otherEntries { state[other.transaction.entryId] = (.other, other.kind.rawValue, other.reason) }
        for transaction in result.suspense { state[transaction.entryId] = (.suspense, nil, nil) }
        for row in result.settlements { state[row.entryId] = (.settled, nil, nil) }
        for entry in unsettled {
            guard let (newState, kind, reason) = state[entry.transaction.entryId] else {
                throw ReconFailure(.internalError, ["internal error: \(entry.transaction.entryId) was matched but ended nowhere"])
            }
            if entry.state == .exception { try ExceptionRecords.delete(entryId: entry.transaction.entryId, db) }
            try TransactionRecords.setState(rowId: entry.rowId, newState, otherKind: kind, reason: reason, log: log, db)
        }
    }

    private func saveDecision(_ applied: AppliedDecision, file: String) throws {
        let decision = applied.decision
        try db.execute(sql: """
            INSERT INTO decisions (log, exception_id, exception_kind, entry_id, decision, invoice_ids, note, decided_by,
              decided_at, file, line, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [log, decision.exceptionId, applied.exceptionKind.rawValue, applied.transaction.entryId,
                             decision.kind.rawValue, decision.invoiceIds.joined(separator: " "), decision.note,
                             decision.decidedBy, decision.decidedAt, file, decision.origin.line, applied.outcome])
    }
}

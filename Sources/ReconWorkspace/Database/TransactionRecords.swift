import GRDB
import ReconCore

/// Bank transactions in the `transactions` table, with the state the workspace keeps for each:
/// `new` (not yet matched), `settled`, `exception` (matched again on every `recon match`),
/// `other` (a debit, pending or informational entry, a reversal), `suspense`, `ignored`.
enum TransactionRecords {
    enum State: String {
        case new, settled, exception, other, suspense, ignored
    }

    static let columns = """
        entry_id, bank_ref, account, amount, currency, booking_date, value_date, status, is_reversal,
        end_to_end_id, structured_ref, payer_name, payer_iban, text, origin_file, origin_line
        """

    /// The transaction in `row`, whose columns are `columns` from index `offset` on.
    static func transaction(_ row: Row, _ decode: Columns, offset o: Int = 0) throws -> BankTransaction {
        let currency = try decode.currency(row[o + 4])
        let statusText: String = row[o + 7]
        guard let status = EntryStatus(rawValue: statusText) else { throw decode.damaged("entry status '\(statusText)'") }
        return BankTransaction(entryId: row[o], bankRef: row[o + 1], account: row[o + 2],
                               amount: Money(minorUnits: row[o + 3], currency: currency),
                               bookingDate: try decode.date(row[o + 5] as String),
                               valueDate: try decode.date(row[o + 6] as String?),
                               status: status, isReversal: row[o + 8], endToEndId: row[o + 9], structuredRef: row[o + 10],
                               payerName: row[o + 11], payerIban: row[o + 12], text: row[o + 13],
                               origin: SourceLocation(file: row[o + 14], line: row[o + 15]))
    }

    /// `columns` with a table prefix (`t.entry_id, t.bank_ref …`).
    static func columns(prefixed prefix: String) -> String {
        columns.split(separator: ",").map { prefix + $0.filter { $0 != " " && $0 != "\n" } }.joined(separator: ", ")
    }

    /// A transaction a match looks at, with its row id and state.
    struct Unsettled {
        var rowId: Int64
        var state: State
        var transaction: BankTransaction
    }

    /// The transactions a match looks at (new and still in the report), in booking order, ties
    /// in import order.
    static func unsettled(_ db: Database, columns decode: Columns) throws -> [Unsettled] {
        var transactions: [Unsettled] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, state, \(columns) FROM transactions WHERE state IN ('new', 'exception') ORDER BY booking_date, id
            """)
        while let row = try cursor.next() {
            let state: String = row[1]
            transactions.append(Unsettled(rowId: row[0], state: state == "new" ? .new : .exception,
                                          transaction: try transaction(row, decode, offset: 2)))
        }
        return transactions
    }

    static func setState(rowId: Int64, _ state: State, otherKind: String? = nil, reason: String? = nil,
                         log: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE transactions SET state = ?, other_kind = ?, reason = ?, match_log = ? WHERE id = ?
            """)
        try statement.execute(arguments: [state.rawValue, otherKind, reason, log, rowId])
    }
}

import GRDB
import ReconCore

/// Adds bank transactions to the workspace by identity, with prepared statements (one import
/// of a million entries runs through the same three statements).
struct TransactionStore {
    enum Outcome {
        case added
        case known
        case conflicting(Finding)
    }

    private let db: Database
    private let decode: Columns
    private let lookup: Statement
    private let insert: Statement
    private let book: Statement

    init(_ db: Database, decode: Columns) throws {
        self.db = db
        self.decode = decode
        lookup = try db.makeStatement(sql: "SELECT content_hash, status, state FROM transactions WHERE entry_id = ?")
        insert = try db.makeStatement(sql: """
            INSERT INTO transactions (\(TransactionRecords.columns), content_hash, statement, log)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        book = try db.makeStatement(sql: """
            UPDATE transactions SET status = 'booked', is_reversal = ?, value_date = ?, state = 'new', other_kind = NULL,
              reason = NULL, statement = ?, log = ? WHERE entry_id = ?
            """)
    }

    mutating func add(_ transaction: BankTransaction, statement: Int64, log: Int64) throws -> Outcome {
        let hash = transaction.contentHash
        if let row = try Row.fetchOne(lookup, arguments: [transaction.entryId]) {
            let storedHash: String = row[0]
            guard storedHash == hash else { return .conflicting(try conflict(transaction)) }
            let status: String = row[1], state: String = row[2]
            // A pending entry that the bank has booked since: settle it from now on.
            if transaction.status == .booked, status != EntryStatus.booked.rawValue,
               state == TransactionRecords.State.new.rawValue || state == TransactionRecords.State.other.rawValue {
                try book.execute(arguments: [transaction.isReversal, transaction.valueDate?.iso, statement, log,
                                             transaction.entryId])
                return .added
            }
            return .known
        }
        try insert.execute(arguments: [
            transaction.entryId, transaction.bankRef, transaction.account, transaction.amount.minorUnits,
            transaction.amount.currency.code, transaction.bookingDate.iso, transaction.valueDate?.iso,
            transaction.status.rawValue, transaction.isReversal, transaction.endToEndId, transaction.structuredRef,
            transaction.payerName, transaction.payerIban, transaction.text, transaction.origin.file,
            transaction.origin.line, hash, statement, log,
        ])
        return .added
    }

    /// Same identity, different content: says where each came from and what differs.
    private func conflict(_ new: BankTransaction) throws -> Finding {
        let row = try Row.fetchOne(db, sql: "SELECT \(TransactionRecords.columns) FROM transactions WHERE entry_id = ?",
                                   arguments: [new.entryId])!
        let old = try TransactionRecords.transaction(row, decode)
        var differences: [String] = []
        func compare(_ name: String, _ a: String?, _ b: String?) {
            if a != b { differences.append("\(name) '\(b ?? "")' (was '\(a ?? "")')") }
        }
        compare("amount", "\(old.amount) \(old.amount.currency.code)", "\(new.amount) \(new.amount.currency.code)")
        compare("booking date", old.bookingDate.iso, new.bookingDate.iso)
        compare("account", old.account, new.account)
        compare("payer", old.payerName, new.payerName)
        compare("payer IBAN", old.payerIban, new.payerIban)
        compare("reference", old.structuredRef, new.structuredRef)
        compare("EndToEndId", old.endToEndId, new.endToEndId)
        compare("text", old.text, new.text)
        return Finding(new.origin, "\(new.entryId) was imported before from \(old.origin.file):\(old.origin.line) "
                       + "with other content: \(differences.joined(separator: ", ")); not imported (conflicting)")
    }
}

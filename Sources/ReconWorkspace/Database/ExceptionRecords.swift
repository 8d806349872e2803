import GRDB
import ReconCore

/// The exception report the workspace keeps: one row per open exception (and per ignored one,
/// which stays on record with its decision). Rows are replaced each time a match evaluates their
/// transaction again.
enum ExceptionRecords {
    static func insert(_ exception: ReconException, log: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO exceptions (exception_id, entry_id, kind, candidates, reason, suggested_action, is_settled,
              decision, decision_note, match_log) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            exception.exceptionId, exception.transaction.entryId, exception.kind.rawValue,
            encode(exception.candidates), exception.reason, exception.suggestedAction, exception.isSettled,
            exception.decision?.kind.rawValue, exception.decision?.note, log,
        ])
    }

    static func delete(entryId: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM exceptions WHERE entry_id = ?").execute(arguments: [entryId])
    }

    /// The exceptions no one has decided yet, in booking order (`settledOnly`: only the partial
    /// payments, whose transactions are settled).
    static func open(_ db: Database, settledOnly: Bool = false, columns decode: Columns) throws -> [ReconException] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.kind, e.candidates, e.reason, e.suggested_action, e.is_settled, \(TransactionRecords.columns(prefixed: "t."))
            FROM exceptions e JOIN transactions t ON t.entry_id = e.entry_id
            WHERE e.decision IS NULL \(settledOnly ? "AND e.is_settled" : "")
            ORDER BY t.booking_date, t.id, e.rowid
            """)
        return try rows.map { row in
            let kindText: String = row[0]
            guard let kind = ExceptionKind(rawValue: kindText) else { throw decode.damaged("exception kind '\(kindText)'") }
            let transaction = try TransactionRecords.transaction(row, decode, offset: 5)
            return ReconException(kind: kind, transaction: transaction, candidates: decodeCandidates(row[1]),
                                  reason: row[2], suggestedAction: row[3], isSettled: row[4])
        }
    }

    /// One line per candidate: ids (space-separated) TAB score TAB criteria.
    static func encode(_ candidates: [Candidate]) -> String {
        candidates.map { "\($0.invoiceId)\t\($0.score.map(String.init) ?? "")\t\($0.criteria)" }.joined(separator: "\n")
    }

    static func decodeCandidates(_ text: String) -> [Candidate] {
        text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let ids = parts[0].split(separator: " ").map(String.init)
            return Candidate(invoiceIds: ids, score: parts.count > 1 ? Int(parts[1]) : nil,
                             criteria: parts.count > 2 ? String(parts[2]) : "")
        }
    }
}


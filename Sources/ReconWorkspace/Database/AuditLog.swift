import GRDB

/// The audit trail: one row per import (per file), match, decision file and export, with time,
/// user, the input's SHA-256 and what it counted. Rows are only ever added.
public enum AuditLog {
    /// Adds a row and returns its id (which the rows the command writes point to).
    @discardableResult
    static func add(_ db: Database, command: String, file: String? = nil, sha256: String? = nil,
                    counts: String = "", detail: String = "") throws -> Int64 {
        try db.execute(sql: "INSERT INTO log (at, user, command, file, sha256, counts, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [Environment.now(), Environment.user, command, file, sha256, counts, detail])
        return db.lastInsertedRowID
    }

    static func update(_ db: Database, id: Int64, sha256: String, counts: String, detail: String) throws {
        try db.execute(sql: "UPDATE log SET sha256 = ?, counts = ?, detail = ? WHERE id = ?",
                       arguments: [sha256, counts, detail, id])
    }

    static func setCounts(_ db: Database, id: Int64, counts: String, detail: String = "") throws {
        try db.execute(sql: "UPDATE log SET counts = ?, detail = ? WHERE id = ?", arguments: [counts, detail, id])
    }

    /// One row of the trail, as `recon log` shows it.
    public struct Entry: Sendable, Hashable {
        public var id: Int64
        public var at: String
        public var user: String
        public var command: String
        public var file: String?
        public var sha256: String?
        public var counts: String
        public var detail: String
    }

    static func last(_ db: Database, commands: String) throws -> Entry? {
        try Row.fetchOne(db, sql: """
            SELECT id, at, user, command, file, sha256, counts, detail FROM log WHERE command IN (\(commands))
            ORDER BY id DESC LIMIT 1
            """).map(entry)
    }

    static func entry(_ row: Row) -> Entry {
        Entry(id: row[0], at: row[1], user: row[2], command: row[3], file: row[4], sha256: row[5], counts: row[6], detail: row[7])
    }

    static func entries(_ db: Database, limit: Int?) throws -> [Entry] {
        let sql = "SELECT id, at, user, command, file, sha256, counts, detail FROM log ORDER BY id DESC"
            + (limit.map { " LIMIT \($0)" } ?? "")
        return try Row.fetchAll(db, sql: sql).reversed().map(entry)
    }
}

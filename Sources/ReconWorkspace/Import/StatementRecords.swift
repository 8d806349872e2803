import GRDB
import ReconCore

/// Statements in the `statements` table: what the file said about each (id, account, balances)
/// and the booking dates its entries cover, for the chain checks.
enum StatementRecords {
    /// One statement while its entries stream by.
    struct Tally {
        let id: Int64
        let info: StatementInfo
        var entries = 0
        var added = 0
        var firstBooking: CalendarDate?
        var lastBooking: CalendarDate?
        var warnings: [Finding] = []

        mutating func add(_ entry: BankEntry) {
            entries += 1
            firstBooking = min(firstBooking ?? entry.bookingDate, entry.bookingDate)
            lastBooking = max(lastBooking ?? entry.bookingDate, entry.bookingDate)
        }
    }

    static func start(_ info: StatementInfo, log: Int64, _ db: Database) throws -> Tally {
        let opening = info.balances.first(where: \.isOpening)
        let closing = info.balances.first(where: \.isClosing)
        try db.execute(sql: """
            INSERT INTO statements (log, file, line, format, statement_id, account, currency, opening, opening_date,
              closing, closing_date, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """, arguments: [log, info.origin.file, info.origin.line, info.format, info.id, info.account,
                             (info.currency ?? opening?.amount.currency)?.code, opening?.amount.minorUnits,
                             opening?.date?.iso, closing?.amount.minorUnits, closing?.date?.iso])
        return Tally(id: db.lastInsertedRowID, info: info)
    }

    /// Records the statement's dates and returns its id — or nil when the workspace already has
    /// this statement (same account, id and balances), or when it names nothing and brought no new
    /// transaction (a bank CSV read again): then no second row is kept.
    static func finish(_ tally: inout Tally, _ db: Database) throws -> Int64? {
        let info = tally.info
        let opening = info.balances.first(where: \.isOpening)
        let closing = info.balances.first(where: \.isClosing)
        try db.execute(sql: """
            UPDATE statements SET entries = ?, first_booking = ?, last_booking = ?, opening = ?, opening_date = ?,
              closing = ?, closing_date = ? WHERE id = ?
            """, arguments: [tally.entries, tally.firstBooking?.iso, tally.lastBooking?.iso, opening?.amount.minorUnits,
                             opening?.date?.iso, closing?.amount.minorUnits, closing?.date?.iso, tally.id])
        var keep: Int64? = nil
        if !info.id.isEmpty {
            let earlier = try Row.fetchAll(db, sql: """
                SELECT id, file, opening IS ? AND closing IS ? FROM statements
                WHERE account = ? AND statement_id = ? AND id <> ? ORDER BY id
                """, arguments: [opening?.amount.minorUnits, closing?.amount.minorUnits, info.account, info.id, tally.id])
            if let same = earlier.first(where: { $0[2] as Bool }) {
                keep = same[0]
            } else if let other = earlier.first {
                tally.warnings.append(Finding(info.origin, "statement \(info.id) of \(info.account) was imported before "
                                              + "from \(other[1] as String) with other balances; both are kept"))
            }
        } else if tally.added == 0 {
            keep = 0
        }
        guard let keep else { return tally.id }
        try db.execute(sql: "UPDATE transactions SET statement = ? WHERE statement = ?",
                       arguments: [keep == 0 ? nil : keep, tally.id])
        try db.execute(sql: "DELETE FROM statements WHERE id = ?", arguments: [tally.id])
        return nil
    }
}

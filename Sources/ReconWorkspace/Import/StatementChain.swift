import GRDB
import ReconCore

/// Checks that an account's statements follow each other: each opens with the previous one's
/// closing balance, and their dates neither overlap nor leave days out. Problems are warnings that
/// name both statements; transactions are imported regardless (their identity prevents doubles).
///
/// A statement covers its opening balance's date (else its first booking) through its closing
/// balance's date (else its last booking). Two statements overlap when the later starts before the
/// earlier ends (starting on the day it ends is the usual "previous closing" dating). Days left out
/// only matter when the balances cannot show that nothing was booked on them (weekends between
/// daily statements whose balances chain are fine).
public enum StatementChain {
    /// One stored statement.
    public struct Link: Sendable, Hashable {
        public var rowId: Int64
        public var statementId: String
        public var account: String
        public var opening: Money?
        public var closing: Money?
        public var from: CalendarDate?
        public var to: CalendarDate?
        public var file: String

        public init(rowId: Int64, statementId: String, account: String, opening: Money?, closing: Money?,
                    from: CalendarDate?, to: CalendarDate?, file: String) {
            self.rowId = rowId
            self.statementId = statementId
            self.account = account
            self.opening = opening
            self.closing = closing
            self.from = from
            self.to = to
            self.file = file
        }

        var name: String { statementId.isEmpty ? "the statement of \(file)" : "statement \(statementId)" }
    }

    /// The warnings for the account's statements (ordered by `to`) where at least one of a pair is new.
    public static func warnings(_ links: [Link], new: Set<Int64>) -> [String] {
        let ordered = links.filter { $0.to != nil }.sorted { ($0.to!, $0.from ?? $0.to!, $0.rowId) < ($1.to!, $1.from ?? $1.to!, $1.rowId) }
        var warnings: [String] = []
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where new.contains(earlier.rowId) || new.contains(later.rowId) {
            var balancesChain = false
            if let closing = earlier.closing, let opening = later.opening, closing.currency == opening.currency {
                if closing == opening {
                    balancesChain = true
                } else {
                    warnings.append("\(later.name) of \(later.account) opens with \(opening) \(opening.currency.code), "
                                    + "but the previous \(earlier.name) closed with \(closing) \(closing.currency.code)")
                }
            }
            guard let end = earlier.to, let start = later.from else { continue }
            if start < end {
                warnings.append("\(later.name) of \(later.account) (from \(start)) overlaps \(earlier.name) (to \(end))")
            } else if !balancesChain, end.days(until: start) > 1 {
                warnings.append("no statement of \(later.account) from \(end.adding(days: 1)) to \(start.adding(days: -1)): "
                                + "a gap between \(earlier.name) and \(later.name)")
            }
        }
        return warnings
    }

    /// Checks the new statements (row ids) against the others of their accounts.
    static func check(_ new: [Int64], _ db: Database, decode: Columns) throws -> [Finding] {
        guard !new.isEmpty else { return [] }
        let newSet = Set(new)
        var origins: [Int64: SourceLocation] = [:]
        var accounts: [String] = []
        for id in new {
            guard let row = try Row.fetchOne(db, sql: "SELECT account, file, line FROM statements WHERE id = ?", arguments: [id])
            else { continue }
            let account: String = row[0]
            origins[id] = SourceLocation(file: row[1], line: row[2])
            if !account.isEmpty, !accounts.contains(account) { accounts.append(account) }
        }
        var findings: [Finding] = []
        for account in accounts {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, statement_id, currency, opening, closing, coalesce(opening_date, first_booking),
                  coalesce(closing_date, last_booking), file FROM statements WHERE account = ?
                """, arguments: [account])
            let links = try rows.map { row -> Link in
                let currency = try (row[2] as String?).map { try decode.currency($0) }
                func money(_ value: Int64?) -> Money? { value.flatMap { v in currency.map { Money(minorUnits: v, currency: $0) } } }
                return Link(rowId: row[0], statementId: row[1], account: account, opening: money(row[3]),
                            closing: money(row[4]), from: try decode.date(row[5] as String?),
                            to: try decode.date(row[6] as String?), file: row[7])
            }
            let origin = links.first { newSet.contains($0.rowId) }.flatMap { origins[$0.rowId] }
                ?? SourceLocation(file: account, line: 1)
            findings += warnings(links, new: newSet).map { Finding(origin, $0) }
        }
        return findings
    }
}

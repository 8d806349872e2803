import GRDB
import ReconCore

/// Settlement rows and vouchers read back for reports and journals.
enum SettlementRecords {
    /// The settlements on vouchers of `where` (an SQL condition on `v`, the vouchers table), in
    /// voucher order.
    static func settlements(_ db: Database, vouchers condition: String, arguments: StatementArguments = [],
                            columns decode: Columns) throws -> [Settlement] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT s.entry_id, s.bank_ref, s.booking_date, s.invoice_id, s.customer_id, s.currency, s.paid, s.cash_discount,
              s.write_off, s.open_before, s.open_after, s.kind, s.rule
            FROM settlements s JOIN vouchers v ON v.id = s.voucher WHERE \(condition) ORDER BY s.voucher, s.id
            """, arguments: arguments)
        var rows: [Settlement] = []
        while let row = try cursor.next() {
            let currency = try decode.currency(row[5])
            func money(_ index: Int) -> Money { Money(minorUnits: row[index], currency: currency) }
            let kindText: String = row[11]
            guard let kind = SettlementKind(rawValue: kindText) else { throw decode.damaged("settlement kind '\(kindText)'") }
            rows.append(Settlement(entryId: row[0], bankRef: row[1], bookingDate: try decode.date(row[2] as String),
                                   invoiceId: row[3], customerId: row[4], paid: money(6), cashDiscount: money(7),
                                   writeOff: money(8), openBefore: money(9), openAfter: money(10), kind: kind, rule: row[12]))
        }
        return rows
    }

    /// The vouchers of `condition`, numbered by their id (`000042`), with their lines.
    static func vouchers(_ db: Database, where condition: String, arguments: StatementArguments = [],
                         columns decode: Columns) throws -> [Voucher] {
        var vouchers: [Voucher] = []
        var index: [Int64: Int] = [:]
        let heads = try Row.fetchCursor(db, sql: "SELECT v.id, v.entry_id, v.date, v.currency FROM vouchers v WHERE \(condition) ORDER BY v.id",
                                        arguments: arguments)
        while let row = try heads.next() {
            let id: Int64 = row[0]
            index[id] = vouchers.count
            vouchers.append(Voucher(number: number(id), date: try decode.date(row[2] as String),
                                    currency: try decode.currency(row[3]), entryId: row[1], lines: []))
        }
        let lines = try Row.fetchCursor(db, sql: """
            SELECT l.voucher, l.account, l.amount, l.customer_id, l.invoice_id, l.text
            FROM journal_lines l JOIN vouchers v ON v.id = l.voucher WHERE \(condition) ORDER BY l.voucher, l.line
            """, arguments: arguments)
        while let row = try lines.next() {
            guard let position = index[row[0]] else { continue }
            let currency = vouchers[position].currency
            vouchers[position].lines.append(JournalLine(account: row[1], amount: Money(minorUnits: row[2], currency: currency),
                                                        customerId: row[3], invoiceId: row[4], text: row[5]))
        }
        return vouchers
    }

    /// A voucher's number: its id in the workspace, at least six digits, unique across exports.
    static func number(_ id: Int64) -> String {
        let digits = String(id)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }
}

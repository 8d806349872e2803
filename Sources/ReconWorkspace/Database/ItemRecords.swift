import GRDB
import ReconCore

/// Open items in the `items` table.
enum ItemRecords {
    static let columns = """
        invoice_id, customer_id, customer_name, type, currency, amount, open_amount, invoice_date, due_date,
        cash_discount, discount_taken, reference, customer_iban, origin_file, origin_line
        """

    /// Every item, open or settled, in the order they came in (settled ones let the matcher tell
    /// a second payment of a paid invoice from an unknown reference).
    static func all(_ db: Database, columns decode: Columns) throws -> [OpenItem] {
        var items: [OpenItem] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM items ORDER BY rowid")
        while let row = try cursor.next() { items.append(try item(row, decode)) }
        return items
    }

    static func item(_ row: Row, _ decode: Columns) throws -> OpenItem {
        let currency = try decode.currency(row[4])
        let tiersText: String = row[9]
        guard let tiers = DiscountTier.parseTiers(tiersText) else { throw decode.damaged("cash discount '\(tiersText)'") }
        let typeText: String = row[3]
        guard let type = OpenItemType(rawValue: typeText) else { throw decode.damaged("item type '\(typeText)'") }
        let file: String? = row[13]
        let line: Int? = row[14]
        return OpenItem(invoiceId: row[0], customerId: row[1], customerName: row[2], type: type,
                        amount: Money(minorUnits: row[5], currency: currency),
                        openAmount: Money(minorUnits: row[6], currency: currency),
                        invoiceDate: try decode.date(row[7] as String), dueDate: try decode.date(row[8] as String?),
                        cashDiscount: tiers, discountTaken: Money(minorUnits: row[10], currency: currency),
                        reference: row[11], customerIban: row[12],
                        origin: file.map { SourceLocation(file: $0, line: line ?? 0) })
    }

    /// Inserts a new item; `sourceEntryId` names the transaction a customer credit came from.
    static func insert(_ item: OpenItem, log: Int64, sourceEntryId: String? = nil, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO items (\(columns), initial_open, source_entry_id, log)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: arguments(item) + [item.openAmount.minorUnits, sourceEntryId, log])
    }

    /// Replaces what the ERP says about an item that has no settlements yet.
    static func replace(_ item: OpenItem, log: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE items SET customer_id = ?2, customer_name = ?3, type = ?4, currency = ?5, amount = ?6,
              open_amount = ?7, invoice_date = ?8, due_date = ?9, cash_discount = ?10, discount_taken = ?11,
              reference = ?12, customer_iban = ?13, origin_file = ?14, origin_line = ?15, initial_open = ?7, log = ?16
            WHERE invoice_id = ?1
            """)
        try statement.execute(arguments: arguments(item) + [log])
    }

    /// Updates what describes an item that recon has settled on, keeping recon's open amount and
    /// discount taken (the ERP may not have booked recon's journal yet).
    static func describe(_ item: OpenItem, log: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE items SET customer_name = ?, due_date = ?, cash_discount = ?, reference = ?, customer_iban = ?,
              origin_file = ?, origin_line = ?, log = ? WHERE invoice_id = ?
            """)
        try statement.execute(arguments: [item.customerName, item.dueDate?.iso,
                                          item.cashDiscount.map(\.description).joined(separator: " "), item.reference,
                                          item.customerIban, item.origin?.file, item.origin?.line, log, item.invoiceId])
    }

    /// The balances a match changed.
    static func updateBalance(_ item: OpenItem, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE items SET open_amount = ?, discount_taken = ? WHERE invoice_id = ?")
        try statement.execute(arguments: [item.openAmount.minorUnits, item.discountTaken.minorUnits, item.invoiceId])
    }

    static func arguments(_ item: OpenItem) -> StatementArguments {
        [item.invoiceId, item.customerId, item.customerName, item.type.rawValue, item.currency.code,
         item.amount.minorUnits, item.openAmount.minorUnits, item.invoiceDate.iso, item.dueDate?.iso,
         item.cashDiscount.map(\.description).joined(separator: " "), item.discountTaken.minorUnits, item.reference,
         item.customerIban, item.origin?.file, item.origin?.line]
    }
}

import ReconCore

/// Writes open items in the format `OpenItemsReader` reads, so that a run's open-items.csv is the
/// next run's `--invoices`.
public enum OpenItemsWriter {
    public static let columns = ["invoice_id", "customer_id", "customer_name", "type", "currency", "amount",
                                 "open_amount", "invoice_date", "due_date", "cash_discount", "discount_taken",
                                 "reference", "customer_iban"]

    public static func write(_ items: [OpenItem], to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(columns)
        for item in items {  // the texts read where they are kept, not made strings
            try csv.field(item.invoiceId)
            try csv.field(item.customerId)
            try item.withBytes(of: .customerName) { try csv.field(utf8: $0) }
            try csv.field(item.type.rawValue)
            try csv.field(item.currency)
            try csv.field(item.amount)
            try csv.field(item.openAmount)
            try csv.field(item.invoiceDate)
            try csv.field(item.dueDate)
            try csv.field(item.cashDiscount.map(\.description).joined(separator: " "))
            try csv.field(item.discountTaken)
            try item.withBytes(of: .reference) { try csv.field(utf8: $0) }
            try item.withBytes(of: .customerIban) { try csv.field(utf8: $0) }
            try csv.endRecord()
        }
    }
}

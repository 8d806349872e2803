import ReconCore

/// Reads the open-items CSV (`--invoices`): invoices, credit notes and customer credits.
///
/// UTF-8 with an optional BOM, `,` or `;` detected from the header, RFC 4180 quoting, header names
/// case-insensitive and in any order. Every problem in the file is reported, each with its line and
/// column; unknown columns are warnings.
public struct OpenItemsReader {
    public static let requiredColumns = ["invoice_id", "customer_id", "currency", "amount", "invoice_date"]
    public static let knownColumns: Set<String> = [
        "invoice_id", "customer_id", "customer_name", "type", "currency", "amount", "open_amount",
        "invoice_date", "due_date", "cash_discount", "discount_taken", "reference", "customer_iban",
    ]

    public private(set) var warnings: [Finding] = []

    public init() {}

    public mutating func read(_ source: any ByteSource) throws -> [OpenItem] {
        let reader = CSVReader(source: source)
        try reader.skipByteOrderMark()
        reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
        guard try reader.next() else {
            throw ReadError.invalid(SourceLocation(file: source.path, line: 1), "empty file: expected a header row")
        }
        let header = try CSVHeader(reader: reader)
        warnings += try header.validate(required: Self.requiredColumns, known: Self.knownColumns,
                                        location: reader.recordLocation)
        var items: [OpenItem] = []
        var findings: [Finding] = []
        var firstLine: [String: Int] = [:]
        // Room for a row per 100 bytes of the file: growing a million items copies them several
        // times, on fresh pages; room not used is never touched, so it costs no memory.
        let expected = ((source as? FileByteSource)?.size ?? 0) / 100
        items.reserveCapacity(expected)
        firstLine.reserveCapacity(expected)
        let idColumn = header["invoice_id"]!
        while try reader.next() {
            // Duplicates are checked on the id alone, so that a bad first row still counts.
            if let id = reader.string(idColumn)?.trimmingASCIISpaces(), !id.isEmpty {
                if let line = firstLine[id] {
                    findings.append(Finding(reader.location(ofField: idColumn), "invoice_id \(id) already on line \(line)"))
                    continue
                }
                firstLine[id] = reader.recordLine
            }
            do {
                items.append(try readItem(reader, header))
            } catch ReadError.invalid(let found) {
                findings += found
            }
            if findings.count >= 1000 { break }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return items
    }

    private func readItem(_ reader: CSVReader, _ header: CSVHeader) throws -> OpenItem {
        if reader.fieldCount != header.fieldCount {
            throw ReadError.invalid(reader.recordLocation,
                                    "expected \(header.fieldCount) fields as in the header, found \(reader.fieldCount)")
        }
        var row = FieldReader(reader: reader, header: header)
        let invoiceId = try row.required("invoice_id")
        let customerId = try row.required("customer_id")
        let currency = try row.currency("currency")
        let amount = try currency.map { try row.amount("amount", currency: $0) } ?? nil
        let openAmount = try currency.map { try row.optionalAmount("open_amount", currency: $0) } ?? nil
        let discountTaken = try currency.map { try row.optionalAmount("discount_taken", currency: $0) } ?? nil
        if currency == nil { for column in ["amount", "open_amount", "discount_taken"] { _ = row.optional(column) } }
        let invoiceDate = try row.date("invoice_date")
        let dueDate = try row.optionalDate("due_date")
        let tiers = try row.discountTiers("cash_discount")
        let type = try row.type("type", amount: amount)
        // Read every text column now, so that one that is not UTF-8 is reported with the rest
        // (and never taken as empty), as are the amounts of an unknown currency above.
        let customerName = row.optional("customer_name"), reference = row.optional("reference")
        let customerIban = row.optional("customer_iban")
        if let amount, let type {
            try row.check(type == .invoice ? amount.isPositive : amount.isNegative, "amount",
                          type == .invoice ? "an invoice amount must be positive" : "a \(type.rawValue) amount must be negative")
            if let openAmount {
                try row.check(openAmount.isZero || openAmount.isNegative == amount.isNegative, "open_amount",
                              "open_amount must have the sign of amount")
                try row.check(openAmount.magnitude <= amount.magnitude, "open_amount", "open_amount exceeds amount")
            }
            if let discountTaken {
                try row.check(discountTaken.isZero || discountTaken.isNegative == amount.isNegative, "discount_taken",
                              "discount_taken must have the sign of amount")
            }
        }
        try row.finish()
        return OpenItem(invoiceId: invoiceId!, customerId: customerId!, customerName: customerName,
                        type: type!, amount: amount!, openAmount: openAmount, invoiceDate: invoiceDate!,
                        dueDate: dueDate, cashDiscount: tiers, discountTaken: discountTaken,
                        reference: reference, customerIban: customerIban, origin: reader.recordLocation)
    }
}

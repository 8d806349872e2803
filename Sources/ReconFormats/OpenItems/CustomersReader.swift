import ReconCore

/// Reads the customers file: `customer_id,name,iban,vendor_account` (header row, any order,
/// case-insensitive; only `customer_id` is required).
public enum CustomersReader {
    public static func read(_ source: any ByteSource) throws -> [String: Customer] {
        let reader = CSVReader(source: source)
        try reader.skipByteOrderMark()
        reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine())
        guard try reader.next() else {
            throw ReadError.invalid(SourceLocation(file: source.path, line: 1), "empty file: expected a header row")
        }
        let header = try CSVHeader(reader: reader)
        _ = try header.validate(required: ["customer_id"], known: ["customer_id", "name", "iban", "vendor_account"],
                                location: reader.recordLocation)
        var customers: [String: Customer] = [:]
        var findings: [Finding] = []
        while try reader.next() {
            var row = FieldReader(reader: reader, header: header)
            guard let id = row.required("customer_id") else {
                findings += row.findings
                continue
            }
            if customers[id] != nil {
                row.fail("customer_id", "customer \(id) appears twice")
            }
            findings += row.findings
            customers[id] = Customer(id: id, name: row.optional("name"), iban: row.optional("iban"),
                                     vendorAccount: row.optional("vendor_account"))
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return customers
    }
}

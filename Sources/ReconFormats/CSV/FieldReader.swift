import ReconCore

/// Reads the typed fields of one CSV record by column name, collecting every problem so that a row
/// reports all of its errors at once (`finish()` throws them).
struct FieldReader {
    let reader: CSVReader
    let header: CSVHeader
    private(set) var findings: [Finding] = []

    init(reader: CSVReader, header: CSVHeader) {
        self.reader = reader
        self.header = header
    }

    mutating func fail(_ column: String, _ message: String) {
        let location = header[column].map { reader.location(ofField: $0) } ?? reader.recordLocation
        findings.append(Finding(location, "\(column): \(message)"))
    }

    mutating func check(_ condition: Bool, _ column: String, _ message: String) throws {
        if !condition { fail(column, message) }
    }

    func finish() throws {
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    /// The trimmed text of a column; nil when the column is absent, the field is empty, or it is
    /// not UTF-8 (reported).
    mutating func optional(_ column: String) -> String? {
        field(column).text
    }

    mutating func required(_ column: String) throws -> String? {
        let (text, invalid) = field(column)
        if text == nil && !invalid { fail(column, "required value is empty") }
        return text
    }

    /// The trimmed text, and whether the field was there but not UTF-8 (reported once, so that an
    /// invalid field is not also called empty).
    private mutating func field(_ column: String) -> (text: String?, invalid: Bool) {
        guard let index = header[column] else { return (nil, false) }
        guard let text = reader.string(index) else {
            fail(column, "invalid UTF-8")
            return (nil, true)
        }
        let trimmed = text.trimmingASCIISpaces()
        return (trimmed.isEmpty ? nil : trimmed, false)
    }

    mutating func currency(_ column: String) throws -> Currency? {
        guard let code = try required(column) else { return nil }
        guard let currency = Currency(code: code) else {
            fail(column, "'\(code)' is not an ISO 4217 currency code")
            return nil
        }
        return currency
    }

    mutating func amount(_ column: String, currency: Currency) throws -> Money? {
        guard try required(column) != nil else { return nil }
        return parseAmount(column, currency: currency)
    }

    mutating func optionalAmount(_ column: String, currency: Currency) throws -> Money? {
        guard optional(column) != nil else { return nil }
        return parseAmount(column, currency: currency)
    }

    private mutating func parseAmount(_ column: String, currency: Currency) -> Money? {
        let index = header[column]!
        let result = reader.withField(index) { bytes -> Result<Money, AmountError> in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return Result { () throws(AmountError) -> Money in
                try Money.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), currency: currency)
            }
        }
        switch result {
        case .success(let money): return money
        case .failure(let error):
            let shown = reader.string(index) ?? ""
            fail(column, "\(error) '\(shown)'" + (error.kind == .tooManyDecimals(allowed: currency.exponent)
                                                  ? " for \(currency.code)" : ""))
            return nil
        }
    }

    mutating func date(_ column: String) throws -> CalendarDate? {
        guard let text = try required(column) else { return nil }
        return parseDate(column, text)
    }

    mutating func optionalDate(_ column: String) throws -> CalendarDate? {
        optional(column).flatMap { parseDate(column, $0) }
    }

    private mutating func parseDate(_ column: String, _ text: String) -> CalendarDate? {
        guard let date = CalendarDate(iso: text) else {
            fail(column, "'\(text)' is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func discountTiers(_ column: String) throws -> [DiscountTier] {
        guard let text = optional(column) else { return [] }
        guard let tiers = DiscountTier.parseTiers(text) else {
            fail(column, "'\(text)' is not a list of PCT%/DAYS tiers (e.g. '2%/5 1%/14')")
            return []
        }
        return tiers
    }

    mutating func type(_ column: String, amount: Money?) throws -> OpenItemType? {
        if let text = optional(column) {
            guard let type = OpenItemType(rawValue: text.lowercased()) else {
                fail(column, "'\(text)' is not one of invoice, credit_note, credit")
                return nil
            }
            return type
        }
        guard let amount else { return nil }
        if amount.isZero {
            fail("amount", "amount is zero")
            return nil
        }
        return amount.isNegative ? .creditNote : .invoice
    }
}

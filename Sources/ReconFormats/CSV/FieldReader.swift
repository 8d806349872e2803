import ReconCore
#if canImport(Glibc)
import Glibc
#endif

/// A column of a CSV file with a header: its name, for messages, and where it is (nil: absent).
/// Resolved once per file, so that reading a row looks nothing up by name.
/// (`StaticString`: handing a column around costs no reference counting.)
struct CSVColumn {
    let name: StaticString
    let index: Int?
}

extension CSVHeader {
    func column(_ name: StaticString) -> CSVColumn { CSVColumn(name: name, index: columns[name.description]) }
}

/// Reads the typed fields of one CSV record, collecting every problem so that a row reports all of
/// its errors at once (`finish()` throws them). Fields are trimmed and parsed from their bytes; a
/// `String` is made only for a value that is kept or shown in a message.
struct FieldReader {
    let reader: CSVReader
    let header: CSVHeader
    private(set) var findings: [Finding] = []

    init(reader: CSVReader, header: CSVHeader) {
        self.reader = reader
        self.header = header
    }

    mutating func fail(_ column: CSVColumn, _ message: String) {
        let location = column.index.map { reader.location(ofField: $0) } ?? reader.recordLocation
        findings.append(Finding(location, "\(column.name): \(message)"))
    }

    mutating func fail(_ name: StaticString, _ message: String) { fail(header.column(name), message) }

    /// `message` is made only when the check fails (a credit note's interpolated one was made for
    /// every credit note read).
    mutating func check(_ condition: Bool, _ column: CSVColumn, _ message: @autoclosure () -> String) {
        if !condition { fail(column, message()) }
    }

    func finish() throws(ReadError) {
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    /// Forgets the last record's problems, for a reader kept from record to record (made for
    /// each, it counted references to the reader and the header's storage every row).
    mutating func startRecord() {
        if !findings.isEmpty { findings = [] }
    }

    /// The trimmed text of a column; nil when the column is absent, the field is empty, or it is
    /// not UTF-8 (reported).
    mutating func optional(_ column: CSVColumn) -> String? {
        field(column).text
    }

    mutating func optional(_ name: StaticString) -> String? { optional(header.column(name)) }

    /// `optional(_:)` as bytes, put into `texts` as `field` when the trimmed field is not empty
    /// and is UTF-8 (no string made of it); a field that is not UTF-8 is reported. (`texts` is
    /// passed, not captured by a closure of the caller's: each capture counted a reference.)
    mutating func optional(_ column: CSVColumn, into texts: TextBytes, as field: OpenItem.TextField) {
        guard let index = column.index else { return }
        let valid = reader.isValidUTF8
        let invalid = withTrimmed(index) { bytes in
            if bytes.isEmpty { return false }
            guard valid || UTF8Validation.isValid(bytes) else { return true }
            texts.set(field, bytes)
            return false
        }
        if invalid { fail(column, "invalid UTF-8") }
    }

    mutating func required(_ column: CSVColumn) -> String? {
        let (text, invalid) = field(column)
        if text == nil && !invalid { fail(column, "required value is empty") }
        return text
    }

    mutating func required(_ name: StaticString) -> String? { required(header.column(name)) }

    /// The trimmed text, and whether the field was there but not UTF-8 (reported once, so that an
    /// invalid field is not also called empty).
    private mutating func field(_ column: CSVColumn) -> (text: String?, invalid: Bool) {
        guard let index = column.index else { return (nil, false) }
        guard let text = peek(index) else {
            fail(column, "invalid UTF-8")
            return (nil, true)
        }
        return (text, false)
    }

    /// Field `index`, trimmed: `.some(nil)` when empty, nil when not UTF-8. Reports nothing.
    func peek(_ index: Int) -> String?? {
        let valid = reader.isValidUTF8
        return withTrimmed(index) { bytes -> String?? in
            if bytes.isEmpty { return .some(nil) }
            guard let text = valid ? String(validUTF8: bytes) : String(validating: bytes, as: UTF8.self) else {
                return nil
            }
            return .some(text)
        }
    }

    /// Field `index` without the spaces and tabs at its ends.
    private func withTrimmed<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        reader.withField(index) { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// Whether the column is absent or holds nothing but spaces.
    private func isBlank(_ column: CSVColumn) -> Bool {
        guard let index = column.index else { return true }
        return withTrimmed(index) { $0.isEmpty }
    }

    mutating func currency(_ column: CSVColumn) -> Currency? {
        if let index = column.index, let currency = withTrimmed(index, { Currency(bytes: $0) }) { return currency }
        guard let code = required(column) else { return nil }
        fail(column, "'\(code)' is not an ISO 4217 currency code")
        return nil
    }

    mutating func amount(_ column: CSVColumn, currency: Currency) -> Money? {
        if let money = readAmount(column, currency: currency) { return money }
        if isBlank(column) {
            _ = required(column)
            return nil
        }
        return parseAmount(column, currency: currency)
    }

    mutating func optionalAmount(_ column: CSVColumn, currency: Currency) -> Money? {
        if let money = readAmount(column, currency: currency) { return money }
        if isBlank(column) {
            _ = optional(column)
            return nil
        }
        return parseAmount(column, currency: currency)
    }

    /// The field's amount when it is one; nil when absent, blank or wrong (the caller then looks
    /// again, and says why). The field trimmed once, and no error made for an amount that is right.
    private func readAmount(_ column: CSVColumn, currency: Currency) -> Money? {
        guard let index = column.index else { return nil }
        return withTrimmed(index) { bytes in bytes.isEmpty ? nil : try? Money.parse(bytes, currency: currency) }
    }

    private mutating func parseAmount(_ column: CSVColumn, currency: Currency) -> Money? {
        let index = column.index!
        let result = withTrimmed(index) { bytes in
            Result { () throws(AmountError) -> Money in try Money.parse(bytes, currency: currency) }
        }
        switch result {
        case .success(let money): return money
        case .failure(let error):
            // Not UTF-8: said once, as for any text field.
            if field(column).invalid { return nil }
            let shown = reader.string(index) ?? ""
            fail(column, "\(error) '\(shown)'" + (error.kind == .tooManyDecimals(allowed: currency.exponent)
                                                  ? " for \(currency.code)" : ""))
            return nil
        }
    }

    /// `memo` holds the dates read lately in this column (a file's dates come from a few nearby).
    mutating func date(_ column: CSVColumn, memo: inout FieldCache<CalendarDate>) -> CalendarDate? {
        if let index = column.index, let date = withTrimmed(index, { Self.isoDate($0, &memo) }) { return date }
        guard let text = required(column) else { return nil }
        return parseDate(column, text)
    }

    mutating func optionalDate(_ column: CSVColumn, memo: inout FieldCache<CalendarDate>) -> CalendarDate? {
        // A date, or nothing, found with one trim of the field; anything else is looked at again.
        guard let index = column.index else { return nil }
        let (blank, date) = withTrimmed(index) { bytes in bytes.isEmpty ? (true, nil) : (false, Self.isoDate(bytes, &memo)) }
        if blank { return nil }
        if let date { return date }
        return optional(column).flatMap { parseDate(column, $0) }
    }

    /// The ISO date of `bytes`, the memo's when they are the same bytes as the last (~280
    /// instructions a date parsed, ~60 remembered).
    private static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>, _ memo: inout FieldCache<CalendarDate>) -> CalendarDate? {
        if let known = memo.value(of: bytes) { return known }
        let date = CalendarDate(iso: bytes)
        if let date { memo.remember(date, of: bytes) }
        return date
    }

    private mutating func parseDate(_ column: CSVColumn, _ text: String) -> CalendarDate? {
        guard let date = CalendarDate(iso: text) else {
            fail(column, "'\(text)' is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    /// `cache` keeps the tiers of texts seen before: a file repeats a handful of terms.
    mutating func discountTiers(_ column: CSVColumn, cache: inout DiscountTierCache) -> [DiscountTier] {
        guard let index = column.index else { return [] }
        let (blank, known) = withTrimmed(index) { bytes in bytes.isEmpty ? (true, nil) : (false, cache[bytes]) }
        if blank { return [] }
        if let known { return known }
        guard let text = optional(column) else { return [] }
        guard let tiers = DiscountTier.parseTiers(text) else {
            fail(column, "'\(text)' is not a list of PCT%/DAYS tiers (e.g. '2%/5 1%/14')")
            return []
        }
        cache.add(text, tiers)
        return tiers
    }

    mutating func type(_ column: CSVColumn, amount: Money?, amountColumn: CSVColumn) -> OpenItemType? {
        if let text = optional(column) {
            guard let type = OpenItemType(rawValue: text.lowercased()) else {
                fail(column, "'\(text)' is not one of invoice, credit_note, credit")
                return nil
            }
            return type
        }
        guard let amount else { return nil }
        if amount.isZero {
            fail(amountColumn, "amount is zero")
            return nil
        }
        return amount.isNegative ? .creditNote : .invoice
    }
}

/// The discount terms of the texts seen so far, looked up by bytes (a few dozen at most are kept).
/// The texts lie back to back in one array: a list of entries was copied entry by entry as it was
/// searched, counting references to each text and each list of tiers on every row.
struct DiscountTierCache {
    private var texts: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var tiers: [[DiscountTier]] = []

    subscript(bytes: UnsafeBufferPointer<UInt8>) -> [DiscountTier]? {
        guard let base = bytes.baseAddress else { return nil }
        let found = texts.withUnsafeBufferPointer { texts -> Int? in
            for (index, range) in ranges.enumerated() where range.count == bytes.count
                && memcmp(texts.baseAddress! + range.lowerBound, base, bytes.count) == 0 {
                return index
            }
            return nil
        }
        return found.map { tiers[$0] }
    }

    mutating func add(_ text: String, _ tiers: [DiscountTier]) {
        guard self.tiers.count < 32 else { return }
        let start = texts.count
        texts += text.utf8
        ranges.append(start..<texts.count)
        self.tiers.append(tiers)
    }

    /// Each list of tiers in storage of its own again, for a new block: the items of the blocks
    /// before hold the old lists and are let go of on another core, and counting references to
    /// one list from two cores made them take turns at its cache line.
    mutating func renew() {
        tiers = tiers.map { $0.map { $0 } }
    }
}

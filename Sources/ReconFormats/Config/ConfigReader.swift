import ReconCore
import TOMLKit

/// Reads `ReconConfig` from TOML. Unknown tables and keys, and values of the wrong type, are errors
/// that name the key and its line: a typo in a config must never silently fall back to a default.
public enum ConfigReader {
    public static func read(path: String) throws -> ReconConfig {
        let bytes = try FileByteSource(path: path).readAll()
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError.invalid(SourceLocation(file: path, line: 1), "configuration is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ReconConfig {
        let table = try TOMLDocument.table(text, path: path)
        var config = ReconConfig()
        var context = ConfigContext(path: path, text: text)
        for (section, value) in table {
            guard let keys = value.table else {
                context.fail(nil, section, "unknown top-level key '\(section)' (expected a table such as [accounts])")
                continue
            }
            switch section {
            case "accounts": readAccounts(keys, into: &config.accounts, &context)
            case "settlement": readSettlement(keys, into: &config.settlement, &context)
            case "matching": readMatching(keys, into: &config.matching, &context)
            default: context.fail(nil, section, "unknown table [\(section)] (known: [accounts], [settlement], [matching])")
            }
        }
        if !context.findings.isEmpty { throw ReadError.invalid(context.findings) }
        return config
    }

    private static func readAccounts(_ table: TOMLTable, into accounts: inout LedgerAccounts, _ context: inout ConfigContext) {
        let fields: [(String, WritableKeyPath<LedgerAccounts, String>)] = [
            ("bank", \.bank), ("receivable", \.receivable), ("cash_discount", \.cashDiscount),
            ("over_underpayment", \.overUnderpayment), ("refund_payable", \.refundPayable), ("suspense", \.suspense),
        ]
        for (key, value) in table {
            guard let field = fields.first(where: { $0.0 == key }) else {
                context.unknown("accounts", key, known: fields.map(\.0))
                continue
            }
            guard let text = value.string, !text.isEmpty else {
                context.fail("accounts", key, "must be a non-empty string (account numbers are text, e.g. \"1920\")")
                continue
            }
            accounts[keyPath: field.1] = text
        }
    }

    private static func readSettlement(_ table: TOMLTable, into policy: inout SettlementPolicy, _ context: inout ConfigContext) {
        let known = ["discount_on_partial_payments", "discount_on_credit_notes", "cash_discount_administration",
                     "max_underpayment", "max_overpayment", "minimum_refund", "discount_date", "rounding"]
        for (key, value) in table {
            switch key {
            case "discount_on_partial_payments":
                if let flag = context.bool("settlement", key, value) { policy.discountOnPartialPayments = flag }
            case "discount_on_credit_notes":
                if let flag = context.bool("settlement", key, value) { policy.discountOnCreditNotes = flag }
            case "cash_discount_administration":
                if let choice: CashDiscountAdministration = context.choice("settlement", key, value) {
                    policy.cashDiscountAdministration = choice
                }
            case "max_underpayment":
                if let amount = context.amount("settlement", key, value) { policy.maxUnderpayment = amount }
            case "max_overpayment":
                if let amount = context.amount("settlement", key, value) { policy.maxOverpayment = amount }
            case "minimum_refund":
                if let amount = context.amount("settlement", key, value) { policy.minimumRefund = amount }
            case "discount_date":
                if let choice: DiscountDate = context.choice("settlement", key, value) { policy.discountDate = choice }
            case "rounding":
                if let choice: RoundingMode = context.choice("settlement", key, value) { policy.rounding = choice }
            default:
                context.unknown("settlement", key, known: known)
            }
        }
    }
}

extension ConfigReader {
    static func readMatching(_ table: TOMLTable, into policy: inout MatchingPolicy, _ context: inout ConfigContext) {
        let known = ["auto_threshold", "allocate_by_customer", "invoice_patterns", "name_similarity",
                     "max_subset_items", "max_subset_size"]
        for (key, value) in table {
            switch key {
            case "auto_threshold":
                if let number = context.integer("matching", key, value, in: 0...100) { policy.autoThreshold = number }
            case "allocate_by_customer":
                if let flag = context.bool("matching", key, value) { policy.allocateByCustomer = flag }
            case "name_similarity":
                if let number = context.integer("matching", key, value, in: 500...1000) { policy.nameSimilarity = number }
            case "max_subset_items":
                if let number = context.integer("matching", key, value, in: 2...20) { policy.maxSubsetItems = number }
            case "max_subset_size":
                if let number = context.integer("matching", key, value, in: 2...6) { policy.maxSubsetSize = number }
            case "invoice_patterns":
                guard let array = value.array else {
                    context.fail("matching", key, "must be an array of regular expressions, e.g. [\"INV[- ]?(\\\\d+)\"]")
                    continue
                }
                var patterns: [String] = []
                for element in array {
                    guard let pattern = element.string else {
                        context.fail("matching", key, "every element must be a string")
                        continue
                    }
                    do {
                        _ = try Regex(pattern)
                        patterns.append(pattern)
                    } catch {
                        context.fail("matching", key, "'\(pattern)' is not a valid regular expression: \(error)")
                    }
                }
                policy.invoicePatterns = patterns
            default:
                context.unknown("matching", key, known: known)
            }
        }
    }
}

/// Collects the problems of one configuration file, each at its key's line.
struct ConfigContext {
    let path: String
    /// The file's text, indexed by key the first time a problem needs a line: a bank file's run
    /// reads the 35 built-in profiles, and indexing each one's lines took ~5 ms of every start.
    private let text: String
    private var lines: TOMLLineIndex?
    var findings: [Finding] = []

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    mutating func fail(_ section: String?, _ key: String, _ message: String) {
        if lines == nil { lines = TOMLLineIndex(text) }
        let line = lines!.line(of: key, in: section) ?? 1
        let name = section.map { "[\($0)] \(key)" } ?? key
        findings.append(Finding(SourceLocation(file: path, line: line), "\(name): \(message)"))
    }

    mutating func unknown(_ section: String, _ key: String, known: [String]) {
        fail(section, key, "unknown key (known: \(known.joined(separator: ", ")))")
    }

    mutating func integer(_ section: String, _ key: String, _ value: any TOMLValueConvertible,
                          in range: ClosedRange<Int>) -> Int? {
        guard let number = value.int, range.contains(number) else {
            fail(section, key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func bool(_ section: String, _ key: String, _ value: any TOMLValueConvertible) -> Bool? {
        guard let flag = value.bool else {
            fail(section, key, "must be true or false")
            return nil
        }
        return flag
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ section: String, _ key: String,
                                                           _ value: any TOMLValueConvertible) -> T? where T.RawValue == String {
        let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard let text = value.string, let choice = T(rawValue: text) else {
            fail(section, key, "must be one of \(options)")
            return nil
        }
        return choice
    }

    mutating func amount(_ section: String, _ key: String, _ value: any TOMLValueConvertible) -> ConfiguredAmount? {
        guard let text = value.string, let amount = ConfiguredAmount(text) else {
            fail(section, key, "must be a non-negative amount written as a string, e.g. \"0.05\" (never a float)")
            return nil
        }
        return amount
    }
}

/// Finds the line where a key is written, since TOMLKit does not report positions of values.
/// It follows `[table]` headers and matches `key =`, `"key" =` and dotted `table.key =` lines.
struct TOMLLineIndex {
    private var entries: [(section: String?, key: String, line: Int)] = []

    init(_ text: String) {
        var section: String?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }
                section = name.trimmingCharacters()
                entries.append((nil, section!, number + 1))
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var key = line[..<equals].trimmingCharacters()
            key = key.trimmingCharacters(in: "\"")
            if let dot = key.firstIndex(of: "."), section == nil {
                entries.append((String(key[..<dot]), String(key[key.index(after: dot)...]), number + 1))
            } else {
                entries.append((section, key, number + 1))
            }
        }
    }

    func line(of key: String, in section: String?) -> Int? {
        entries.first { $0.section == section && $0.key == key }?.line
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var view = self
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view.removeLast() }
        return String(view)
    }
}

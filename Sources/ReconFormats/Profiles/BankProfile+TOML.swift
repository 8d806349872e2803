import ReconCore
import TOMLKit

extension BankProfile {
    static let topLevelKeys = ["name", "description", "format", "encoding", "delimiter", "quote", "escape", "header", "skip_lines",
                               "header_search_lines", "currency", "iban_country", "lenient_quotes",
                               "strict", "date_formats", "detect", "columns", "amounts", "rows", "extract"]

    /// Reads a profile from TOML. Unknown keys, values of the wrong type and incomplete mappings are
    /// errors naming the key and its line, like the configuration file.
    ///
    /// `checksPatterns` false: regular expressions are taken as written, to be compiled when a
    /// reader uses them — for the built-in profiles, whose patterns the tests compile, and which
    /// every bank file's run reads (compiling them all took a third of that).
    public static func parse(toml text: String, path: String, defaultName: String,
                             checksPatterns: Bool = true) throws -> BankProfile {
        let table = try TOMLDocument.table(text, path: path)
        var context = ConfigContext(path: path, text: text)
        var profile = BankProfile(name: table["name"]?.string ?? defaultName)
        profile.origin = path
        var parser = ProfileParser(context: context, checksPatterns: checksPatterns)
        parser.read(table, into: &profile)
        context = parser.context
        if context.findings.isEmpty { parser.validate(profile, table: table) }
        if !parser.context.findings.isEmpty { throw ReadError.invalid(parser.context.findings) }
        return profile
    }
}

/// Reads the tables of a profile, collecting every problem.
struct ProfileParser {
    var context: ConfigContext
    let checksPatterns: Bool

    mutating func read(_ table: TOMLTable, into profile: inout BankProfile) {
        for (key, value) in table {
            switch key {
            case "name":
                if let name = string(nil, key, value) {
                    if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                        context.fail(nil, key, "must be lowercase letters, digits and '-'")
                    }
                    profile.name = name
                }
            case "description": profile.description = string(nil, key, value) ?? ""
            case "format":
                if let choice: BankProfile.Format = choice(nil, key, value) { profile.format = choice }
            case "encoding":
                if let choice: TextEncoding = choice(nil, key, value) { profile.encoding = choice }
            case "delimiter":
                guard let text = string(nil, key, value) else { break }
                if text == "auto" {
                    profile.delimiters = [UInt8(ascii: ","), UInt8(ascii: ";")]
                } else if text.utf8.count == 1 {
                    profile.delimiters = [text.utf8.first!]
                } else {
                    context.fail(nil, key, "must be one character (\",\", \";\", \"|\", \"\\t\") or \"auto\"")
                }
            case "quote":
                guard let text = string(nil, key, value) else { break }
                if text.isEmpty { profile.quote = nil } else if text.utf8.count == 1 { profile.quote = text.utf8.first } else {
                    context.fail(nil, key, "must be one character, or \"\" for none")
                }
            case "escape":
                guard let text = string(nil, key, value) else { break }
                if text.utf8.count == 1 { profile.escape = text.utf8.first } else {
                    context.fail(nil, key, "must be one character, e.g. \"\\\\\"")
                }
            case "header": if let flag = bool(nil, key, value) { profile.hasHeader = flag }
            case "skip_lines": if let count = count(nil, key, value) { profile.skipLines = count }
            case "header_search_lines": if let count = count(nil, key, value) { profile.headerSearchLines = count }
            case "currency":
                if let code = string(nil, key, value) {
                    if let currency = Currency(statementCode: code) { profile.currency = currency } else {
                        context.fail(nil, key, "'\(code)' is not an ISO 4217 currency code")
                    }
                }
            case "iban_country":
                if let code = string(nil, key, value) {
                    if PaymentReferences.iban(country: code, bban: "0") == nil && !["NO", "DK", "FI", "BE"].contains(code) {
                        context.fail(nil, key, "'\(code)' is not a country recon can build IBANs for (NO, DK, FI, BE)")
                    }
                    profile.ibanCountry = code
                }
            case "lenient_quotes": if let flag = bool(nil, key, value) { profile.lenientQuotes = flag }
            case "strict": if let flag = bool(nil, key, value) { profile.isStrict = flag }
            case "date_formats":
                for text in strings(nil, key, value) {
                    if let pattern = DatePattern(text) { profile.dateFormats.append(pattern) } else {
                        context.fail(nil, key, "'\(text)' is not a date layout (yyyy, yy, mm, m, dd, d, mon, literals, trailing *)")
                    }
                }
            case "detect": profile.detectPattern = regex(nil, key, value)
            case "columns": if let table = self.table(key, value) { readColumns(table, into: &profile) }
            case "amounts": if let table = self.table(key, value) { readAmounts(table, into: &profile) }
            case "rows": if let table = self.table(key, value) { readRows(table, into: &profile) }
            case "extract": if let table = self.table(key, value) { readExtractions(table, into: &profile) }
            default: unknown(nil, key, known: BankProfile.topLevelKeys)
            }
        }
    }

    private mutating func readColumns(_ table: TOMLTable, into profile: inout BankProfile) {
        for (key, value) in table {
            guard let field = BankProfile.Field(rawValue: key) else {
                unknown("columns", key, known: BankProfile.Field.allCases.map(\.rawValue))
                continue
            }
            if field == .text, let array = value.array {
                profile.columns[field] = array.compactMap { column("columns", key, $0) }
            } else if let column = column("columns", key, value) {
                profile.columns[field] = [column]
            }
        }
    }

    private mutating func readAmounts(_ table: TOMLTable, into profile: inout BankProfile) {
        var sign = "signed"
        var credit: [String] = [], debit: [String] = []
        for (key, value) in table {
            switch key {
            case "decimal":
                if let text = string("amounts", key, value) {
                    if text == "," || text == "." { profile.decimalSeparator = text.utf8.first! } else {
                        context.fail("amounts", key, "must be \".\" or \",\"")
                    }
                }
            case "thousands": profile.groupSeparators = strings("amounts", key, value).map { Array($0.utf8) }
            case "strip": profile.strip = strings("amounts", key, value)
            case "sign": sign = string("amounts", key, value) ?? sign
            case "credit_values": credit = strings("amounts", key, value)
            case "debit_values": debit = strings("amounts", key, value)
            default:
                unknown("amounts", key, known: ["decimal", "thousands", "strip", "sign", "credit_values", "debit_values"])
            }
        }
        switch sign {
        case "signed": profile.sign = .signed
        case "debit_credit": profile.sign = .debitCredit
        case "indicator":
            if credit.isEmpty && debit.isEmpty {
                context.fail("amounts", "sign", "\"indicator\" needs credit_values and debit_values")
            }
            profile.sign = .indicator(credit: credit, debit: debit)
        default: context.fail("amounts", "sign", "must be one of \"signed\", \"debit_credit\", \"indicator\"")
        }
    }

    private mutating func readRows(_ table: TOMLTable, into profile: inout BankProfile) {
        for (key, value) in table {
            switch key {
            case "skip_zero": if let flag = bool("rows", key, value) { profile.skipZero = flag }
            case "continuation": if let flag = bool("rows", key, value) { profile.continuationRows = flag }
            case "skip": profile.skipRows = rules("rows", key, value)
            case "pending": profile.pendingRows = rules("rows", key, value)
            case "info": profile.infoRows = rules("rows", key, value)
            default: unknown("rows", key, known: ["skip_zero", "continuation", "skip", "pending", "info"])
            }
        }
    }

    private mutating func readExtractions(_ table: TOMLTable, into profile: inout BankProfile) {
        for (key, value) in table {
            if key == "sepa_keywords" {
                profile.sepaKeywordColumn = column("extract", key, value)
                continue
            }
            guard let field = BankProfile.Field(rawValue: key), let spec = value.table,
                  let columnValue = spec["column"], let column = column("extract", key, columnValue),
                  let pattern = spec["pattern"].flatMap({ regex("extract", key, $0) }) else {
                context.fail("extract", key, "must be { column = …, pattern = \"regex\" } for a field (\(BankProfile.Field.allCases.map(\.rawValue).joined(separator: ", "))), or sepa_keywords = column")
                continue
            }
            profile.extractions[field] = BankProfile.Extraction(column: column, pattern: pattern)
        }
    }

    private mutating func rules(_ section: String, _ key: String, _ value: any TOMLValueConvertible) -> [BankProfile.RowRule] {
        guard let array = value.array else {
            context.fail(section, key, "must be a list of { column = …, pattern = \"regex\" }")
            return []
        }
        var rules: [BankProfile.RowRule] = []
        for element in array {
            guard let spec = element.table, let columnValue = spec["column"],
                  let column = column(section, key, columnValue),
                  let pattern = spec["pattern"].flatMap({ regex(section, key, $0) }) else {
                context.fail(section, key, "must be a list of { column = …, pattern = \"regex\" }")
                continue
            }
            rules.append(BankProfile.RowRule(column: column, pattern: pattern))
        }
        return rules
    }

    /// `"Name"`, `3` (1-based) or `{ name = "Währung", occurrence = -1, optional = true }`.
    private mutating func column(_ section: String, _ key: String, _ value: any TOMLValueConvertible) -> BankProfile.Column? {
        if let name = value.string { return BankProfile.Column(name: name) }
        if let index = value.int, index >= 1 { return BankProfile.Column(index: index) }
        if let spec = value.table {
            var column = BankProfile.Column()
            for (specKey, specValue) in spec {
                switch specKey {
                case "name": column.name = specValue.string
                case "index": column.index = specValue.int
                case "occurrence": column.occurrence = specValue.int ?? 0
                case "optional": column.isOptional = specValue.bool ?? false
                default: context.fail(section, key, "unknown column key '\(specKey)' (known: name, index, occurrence, optional)")
                }
            }
            if (column.name == nil) == (column.index == nil) || column.occurrence == 0 || column.occurrence < -1
                || (column.index ?? 1) < 1 {
                context.fail(section, key, "a column needs a name or a 1-based index (occurrence: 1, 2 … or -1 for the last)")
                return nil
            }
            return column
        }
        context.fail(section, key, "must be a header name, a 1-based column index or { name = …, occurrence = … }")
        return nil
    }

    private mutating func unknown(_ section: String?, _ key: String, known: [String]) {
        context.fail(section, key, "unknown key (known: \(known.joined(separator: ", ")))")
    }

    private mutating func bool(_ section: String?, _ key: String, _ value: any TOMLValueConvertible) -> Bool? {
        guard let flag = value.bool else {
            context.fail(section, key, "must be true or false")
            return nil
        }
        return flag
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ section: String?, _ key: String,
                                                                   _ value: any TOMLValueConvertible) -> T? where T.RawValue == String {
        let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard let text = value.string, let choice = T(rawValue: text) else {
            context.fail(section, key, "must be one of \(options)")
            return nil
        }
        return choice
    }

    private mutating func string(_ section: String?, _ key: String, _ value: any TOMLValueConvertible) -> String? {
        guard let text = value.string else {
            context.fail(section, key, "must be a string")
            return nil
        }
        return text
    }

    private mutating func strings(_ section: String?, _ key: String, _ value: any TOMLValueConvertible) -> [String] {
        if let text = value.string { return [text] }
        guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
            context.fail(section, key, "must be a string or a list of strings")
            return []
        }
        return array.compactMap(\.string)
    }

    private mutating func count(_ section: String?, _ key: String, _ value: any TOMLValueConvertible) -> Int? {
        guard let number = value.int, number >= 0 else {
            context.fail(section, key, "must be a whole number ≥ 0")
            return nil
        }
        return number
    }

    private mutating func table(_ key: String, _ value: any TOMLValueConvertible) -> TOMLTable? {
        guard let table = value.table else {
            context.fail(nil, key, "must be a table [\(key)]")
            return nil
        }
        return table
    }

    private mutating func regex(_ section: String?, _ key: String, _ value: any TOMLValueConvertible) -> String? {
        guard let pattern = string(section, key, value) else { return nil }
        guard checksPatterns else { return pattern }
        do {
            _ = try Regex(pattern)
        } catch {
            context.fail(section, key, "'\(pattern)' is not a regular expression: \(error)")
            return nil
        }
        return pattern
    }

    /// A profile must say where the date, the amount and the currency are.
    mutating func validate(_ profile: BankProfile, table: TOMLTable) {
        guard profile.format == .csv else { return }
        func need(_ field: BankProfile.Field, _ why: String) {
            if profile.columns[field] == nil { context.fail("columns", field.rawValue, "is required \(why)") }
        }
        need(.bookingDate, "(the booking date)")
        switch profile.sign {
        case .signed: need(.amount, "with sign = \"signed\"")
        case .debitCredit: need(.debit, "with sign = \"debit_credit\""); need(.credit, "with sign = \"debit_credit\"")
        case .indicator: need(.amount, "with sign = \"indicator\""); need(.indicator, "with sign = \"indicator\"")
        }
        if profile.columns[.currency] == nil && profile.currency == nil {
            context.fail(nil, "currency", "is required when no currency column is mapped")
        }
        if profile.dateFormats.isEmpty { context.fail(nil, "date_formats", "is required (e.g. [\"dd.mm.yyyy\"])") }
        if !profile.hasHeader {
            for column in profile.columns.values.joined() where column.index == nil {
                context.fail("columns", column.name ?? "", "must be a 1-based index: the profile has header = false")
            }
        }
    }
}

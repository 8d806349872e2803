import ReconCore

/// How to read one bank's export: a small TOML file (see docs/formats.md). Built-in profiles are
/// compiled into recon (`BuiltInProfiles`); a path to a user's own file works wherever a name does.
public struct BankProfile: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, mt940 }

    /// How the sign of an amount is written.
    public enum SignConvention: Sendable, Equatable {
        /// One amount column, money in positive.
        case signed
        /// A debit column (money out) and a credit column (money in), each unsigned.
        case debitCredit
        /// An unsigned amount and an indicator column; the values that mean credit and debit.
        case indicator(credit: [String], debit: [String])
    }

    /// The fields of a bank transaction a profile can fill.
    public enum Field: String, Sendable, CaseIterable {
        case bookingDate = "booking_date", valueDate = "value_date", amount, debit, credit, indicator, fee
        case currency, account, payerName = "payer_name", payerIban = "payer_iban", bankRef = "bank_ref"
        case endToEndId = "end_to_end_id", structuredRef = "structured_ref", text

        /// The position in `allCases`, for array-indexed lookups on hot paths (hashing the raw string
        /// per row costs more than reading the row).
        public var ordinal: Int {
            switch self {
            case .bookingDate: 0
            case .valueDate: 1
            case .amount: 2
            case .debit: 3
            case .credit: 4
            case .indicator: 5
            case .fee: 6
            case .currency: 7
            case .account: 8
            case .payerName: 9
            case .payerIban: 10
            case .bankRef: 11
            case .endToEndId: 12
            case .structuredRef: 13
            case .text: 14
            }
        }
    }

    /// A column by header name (case-insensitive; `occurrence` picks among equal names, -1 the last)
    /// or by 1-based index.
    public struct Column: Sendable, Hashable, CustomStringConvertible {
        public var name: String?
        public var index: Int?
        public var occurrence = 1
        public var isOptional = false

        public var description: String {
            if let name { return occurrence == 1 ? "'\(name)'" : "'\(name)' #\(occurrence)" }
            return "column \(index ?? 0)"
        }
    }

    /// A row whose column matches a regular expression.
    public struct RowRule: Sendable {
        public var column: Column
        public var pattern: String
    }

    /// A field found by a regular expression in a column's text (the first capture group, else the
    /// whole match).
    public struct Extraction: Sendable {
        public var column: Column
        public var pattern: String
    }

    public var name: String
    public var description = ""
    public var format: Format = .csv
    public var encoding: TextEncoding = .utf8
    /// One delimiter, or several to choose from by the header line (`auto`: `,` or `;`).
    public var delimiters: [UInt8] = [UInt8(ascii: ",")]
    public var quote: UInt8? = UInt8(ascii: "\"")
    /// Inside quotes, makes the next character literal (`\"`); nil: RFC 4180 doubling only.
    public var escape: UInt8?
    public var hasHeader = true
    /// Lines to skip before the header or the first row. With a header, lines before it are skipped
    /// anyway (up to `headerSearchLines`): preambles vary in length.
    public var skipLines = 0
    public var headerSearchLines = 40
    public var currency: Currency?
    /// Turn domestic account numbers in `account` and `payer_iban` into IBANs of this country.
    public var ibanCountry: String?
    public var lenientQuotes = false
    /// recon's own layout: every row has the header's number of fields; unknown columns are warned about.
    public var isStrict = false
    public var columns: [Field: [Column]] = [:]
    public var dateFormats: [DatePattern] = []
    public var decimalSeparator = UInt8(ascii: ".")
    public var groupSeparators: [[UInt8]] = []
    public var strip: [String] = []
    public var sign: SignConvention = .signed
    public var skipZero = false
    public var skipRows: [RowRule] = []
    public var pendingRows: [RowRule] = []
    public var infoRows: [RowRule] = []
    /// A row without a booking date and amount continues the text of the row before it.
    public var continuationRows = false
    public var extractions: [Field: Extraction] = [:]
    /// Split this column's text at SEPA keywords (`EREF+`, `SVWZ+` …) into end-to-end id, text, payer.
    public var sepaKeywordColumn: Column?
    /// Headerless layouts: the first line (after `skipLines`) must match this to be detected.
    public var detectPattern: String?
    /// Where the profile came from: `built-in` or a path.
    public var origin = "built-in"

    public init(name: String) {
        self.name = name
    }

    /// The columns a header must have (named, not optional) for the profile to apply.
    public var requiredHeaderNames: [String] {
        var names: [String] = []
        for column in columns.values.joined() + (sepaKeywordColumn.map { [$0] } ?? []) where !column.isOptional {
            if let name = column.name?.lowercased(), !names.contains(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// The same profile with the parts a reader uses on every row in storage of their own, for a
    /// reader on another core (see `ProfileCSVReader.init(worker:)`).
    func unshared() -> BankProfile {
        var copy = self
        copy.dateFormats = dateFormats.map { DatePattern($0.description.unshared()) ?? $0 }
        copy.groupSeparators = groupSeparators.map { $0.map { $0 } }
        copy.strip = strip.map { $0.unshared() }
        if case .indicator(let credit, let debit) = sign {
            copy.sign = .indicator(credit: credit.map { $0.unshared() }, debit: debit.map { $0.unshared() })
        }
        copy.sepaKeywordColumn?.name = sepaKeywordColumn?.name?.unshared()
        return copy
    }

    /// The amount format of the profile.
    var amountFormat: AmountFormat {
        AmountFormat(decimalSeparator: decimalSeparator, groupSeparators: groupSeparators, allowsPlusSign: true,
                     allowsExcessZeroDecimals: true)
    }
}

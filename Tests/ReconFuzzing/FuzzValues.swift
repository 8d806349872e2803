import ReconCore
import ReconFormats

/// The value parsers: amounts in every format recon reads and every exponent ISO 4217 has,
/// configured amounts, discount tiers, dates. What parses must print and parse back to itself.
enum FuzzValues {
    static let formats: [AmountFormat] = [
        .strict,
        AmountFormat(allowsExcessZeroDecimals: true),
        AmountFormat(decimalSeparator: UInt8(ascii: ","), groupSeparators: [[0x20], [0xC2, 0xA0], [UInt8(ascii: ".")]],
                     allowsPlusSign: true, allowsExcessZeroDecimals: true),
        AmountFormat(groupSeparators: [[UInt8(ascii: ",")], [UInt8(ascii: "'")]], allowsPlusSign: true),
    ]
    static let currencies: [Currency] = [.JPY, .EUR, .KWD, Currency(code: "CLF")!]

    static func amount(_ bytes: [UInt8]) throws -> [Finding] {
        for format in formats {
            for currency in currencies {
                let parsed = bytes.withUnsafeBufferPointer { buffer in
                    Result { () throws(AmountError) -> Money in try Money.parse(buffer, currency: currency, format: format) }
                }
                switch parsed {
                case .failure(let error):
                    try require(error.offset >= 0 && error.offset <= bytes.count, "error offset \(error.offset) outside the input")
                    _ = error.description
                case .success(let money):
                    for separator in [UInt8(ascii: "."), UInt8(ascii: ",")] {
                        var written: [UInt8] = []
                        money.write(to: &written, decimalSeparator: separator)
                        let back = try? written.withUnsafeBufferPointer { buffer throws(AmountError) in
                            try Money.parse(buffer, currency: currency, format: AmountFormat(decimalSeparator: separator))
                        }
                        try require(back == money, "\(money.minorUnits) \(currency.code) written as '\(String(decoding: written, as: UTF8.self))' reads back as \(String(describing: back))")
                    }
                    try require(money.formatted() == String(decoding: { var b: [UInt8] = []; money.write(to: &b); return b }(), as: UTF8.self),
                                "formatted() and write(to:) disagree for \(money.minorUnits)")
                }
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return [] }
        if let configured = ConfiguredAmount(text) {
            try require(ConfiguredAmount(configured.description) == configured, "configured amount \(configured) does not read back")
            for currency in currencies { _ = configured.money(in: currency) }
        }
        if let tiers = DiscountTier.parseTiers(text) {
            let written = tiers.map(\.description).joined(separator: " ")
            try require(DiscountTier.parseTiers(written) == tiers, "tiers '\(written)' do not read back")
        }
        return []
    }

    /// Every layout of the built-in profiles, and `PATTERN|TEXT` for a layout of the input's own.
    static let patterns: [DatePattern] = {
        var seen = Set<String>()
        var result: [DatePattern] = []
        for profile in ProfileCatalog.builtIn {
            for pattern in profile.dateFormats where seen.insert(pattern.description).inserted { result.append(pattern) }
        }
        return result
    }()

    static func date(_ bytes: [UInt8]) throws -> [Finding] {
        if let date = bytes.withUnsafeBufferPointer({ CalendarDate(iso: $0) }) {
            try require(Array(date.description.utf8) == bytes, "\(date) does not print as it was read")
        }
        for pattern in patterns {
            if let date = bytes.withUnsafeBufferPointer({ pattern.parse($0) }) { try checkExists(date, pattern) }
        }
        guard let text = String(validating: bytes, as: UTF8.self), let bar = text.firstIndex(of: "|") else { return [] }
        if let pattern = DatePattern(String(text[..<bar])), let date = pattern.parse(String(text[text.index(after: bar)...])) {
            try checkExists(date, pattern)
        }
        return []
    }

    static func checkExists(_ date: CalendarDate, _ pattern: DatePattern) throws {
        let (year, month, day) = date.components
        try require(CalendarDate(year: year, month: month, day: day) == date, "\(pattern) gave a day that does not exist: \(date)")
        try require(CalendarDate(iso: date.description) == date, "\(pattern) gave \(date), which does not read back")
    }
}

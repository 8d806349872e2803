import ReconCore

/// A date layout such as `dd.mm.yyyy`, `yyyymmdd`, `dd-mon-yyyy` or `yyyy-mm-dd*`.
///
/// `yyyy` four-digit year, `yy` two-digit year (80–99 → 19xx, else 20xx), `mm`/`dd` two digits,
/// `m`/`d` one or two digits, `mon` an English month abbreviation (`Feb`, any case); a trailing `*`
/// ignores the rest (a time of day); every other character must appear as written.
public struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year4, year2, month2, day2, month12, day12, monthName
        case literal(UInt8)
    }

    let tokens: [Token]
    let allowsRest: Bool
    public let description: String

    public init?(_ pattern: String) {
        var tokens: [Token] = []
        var rest = Substring(pattern)
        var allowsRest = false
        while let first = rest.first {
            if rest == "*" {
                allowsRest = true
                break
            }
            if rest.hasPrefix("yyyy") {
                tokens.append(.year4); rest = rest.dropFirst(4)
            } else if rest.hasPrefix("yy") {
                tokens.append(.year2); rest = rest.dropFirst(2)
            } else if rest.hasPrefix("mon") {
                tokens.append(.monthName); rest = rest.dropFirst(3)
            } else if rest.hasPrefix("mm") {
                tokens.append(.month2); rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                tokens.append(.day2); rest = rest.dropFirst(2)
            } else if first == "m" {
                tokens.append(.month12); rest = rest.dropFirst()
            } else if first == "d" {
                tokens.append(.day12); rest = rest.dropFirst()
            } else if first.isASCII, !first.isLetter, first != "*" {
                tokens.append(.literal(first.asciiValue!)); rest = rest.dropFirst()
            } else {
                return nil
            }
        }
        let kinds = Set(tokens.map { token -> Int in
            switch token {
            case .year4, .year2: return 0
            case .month2, .month12, .monthName: return 1
            case .day2, .day12: return 2
            case .literal: return 3
            }
        })
        guard kinds.isSuperset(of: [0, 1, 2]) else { return nil }
        self.tokens = tokens
        self.allowsRest = allowsRest
        self.description = pattern
    }

    private static let monthNames: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                                 "nov", "dec"].map { Array($0.utf8) }

    /// The date, or nil when `bytes` does not have this layout or names a day that does not exist.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var index = 0
        var year = 0, month = 0, day = 0
        func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0, count = 0
            while count < maximum, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
        for token in tokens {
            switch token {
            case .year4: guard let value = digits(4, 4) else { return nil }; year = value
            case .year2:
                guard let value = digits(2, 2) else { return nil }
                year = value >= 80 ? 1900 + value : 2000 + value
            case .month2: guard let value = digits(2, 2) else { return nil }; month = value
            case .day2: guard let value = digits(2, 2) else { return nil }; day = value
            case .month12: guard let value = digits(1, 2) else { return nil }; month = value
            case .day12: guard let value = digits(1, 2) else { return nil }; day = value
            case .monthName:
                guard index + 3 <= bytes.count else { return nil }
                let name = (0..<3).map { bytes[index + $0] | 0x20 }
                guard let found = Self.monthNames.firstIndex(of: name) else { return nil }
                month = found + 1
                index += 3
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        guard index == bytes.count || allowsRest else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    public func parse(_ text: String) -> CalendarDate? {
        var text = text
        return text.withUTF8 { parse($0) }
    }
}

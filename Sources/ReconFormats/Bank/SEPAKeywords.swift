/// German SEPA purpose text: `EREF+…KREF+…MREF+…CRED+…SVWZ+…ABWA+…`, the keywords run together or
/// separated by spaces, as banks put them into MT940 `?20–?29` sub-fields, CSV exports and camt `Ustrd`.
public struct SEPAKeywords: Sendable, Equatable {
    /// Keyword (`EREF`, `SVWZ` …) to its value, trimmed.
    public var values: [String: String] = [:]
    /// The text before the first keyword.
    public var leading: String = ""

    public static let keywords = ["EREF", "KREF", "MREF", "CRED", "DEBT", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC",
                                  "COAM", "OAMT"]

    /// Marks a place a keyword's value must not run across (a gap between MT940 sub-fields).
    public static let boundary = "\u{0}"

    /// Splits `text` at every `KEYWORD+`. A text without keywords has only `leading`. A value ends
    /// at the next keyword or at a `boundary`; text after a boundary before any keyword is dropped.
    public init(_ text: String) {
        let segments = text.split(separator: Character(Self.boundary), omittingEmptySubsequences: false)
        self.init(segment: String(segments[0]))
        for segment in segments.dropFirst() {
            let more = SEPAKeywords(segment: String(segment))
            for (keyword, value) in more.values {
                values[keyword] = values[keyword].map { $0 + " " + value } ?? value
            }
            if values.isEmpty && more.values.isEmpty {
                leading = (leading + " " + more.leading).collapsingWhitespace()
            }
        }
    }

    private init(segment text: String) {
        let characters = Array(text)
        var marks: [(offset: Int, keyword: String)] = []
        var index = 0
        while index < characters.count {
            if characters[index].isUppercase, let keyword = Self.keyword(in: characters, at: index) {
                marks.append((index, keyword))
                index += keyword.count + 1
            } else {
                index += 1
            }
        }
        guard let first = marks.first else {
            leading = text.collapsingWhitespace()
            return
        }
        leading = String(characters[0..<first.offset]).collapsingWhitespace()
        for (position, mark) in marks.enumerated() {
            let start = mark.offset + mark.keyword.count + 1
            let end = position + 1 < marks.count ? marks[position + 1].offset : characters.count
            let value = String(characters[start..<max(start, end)]).collapsingWhitespace()
            if let existing = values[mark.keyword] {
                values[mark.keyword] = existing + " " + value
            } else {
                values[mark.keyword] = value
            }
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    public subscript(keyword: String) -> String? {
        guard let value = values[keyword], !value.isEmpty else { return nil }
        return value
    }

    private static func keyword(in characters: [Character], at index: Int) -> String? {
        for keyword in keywords where index + keyword.count < characters.count {
            var matches = true
            for (offset, character) in keyword.enumerated() where characters[index + offset] != character {
                matches = false
                break
            }
            if matches && characters[index + keyword.count] == "+" { return keyword }
        }
        return nil
    }
}

import Mustache

/// How a journal template's values are escaped, declared by the template's file name:
/// `NAME.csv.mustache` is CSV, `NAME.xml.mustache` is XML.
public enum TemplateContentType: String, Sendable, CaseIterable {
    case csv
    case xml

    /// Registers recon's escapers with swift-mustache once per process.
    static let registered: Bool = {
        for delimiter in CSVEscaping.delimiters {
            MustacheContentTypes.register(CSVEscaping(delimiter: delimiter), named: CSVEscaping.pragmaName(delimiter))
        }
        MustacheContentTypes.register(XMLEscaping(), named: "RECONXML")
        return true
    }()

    /// The swift-mustache content type for this type; for CSV the template's delimiter decides.
    func pragmaName(delimiter: Character) -> String {
        self == .csv ? CSVEscaping.pragmaName(delimiter) : "RECONXML"
    }
}

/// A CSV field: quoted (quotes doubled) when it holds the template's delimiter, a quote, CR or LF,
/// or starts or ends with a space. The delimiter is the one of `,` `;` tab that the template's own
/// text uses most (`delimiter(of:)`).
struct CSVEscaping: MustacheContentType {
    static let delimiters: [Character] = [",", ";", "\t"]
    let delimiter: Character

    static func pragmaName(_ delimiter: Character) -> String {
        switch delimiter {
        case ";": return "RECONCSVSEMICOLON"
        case "\t": return "RECONCSVTAB"
        default: return "RECONCSVCOMMA"
        }
    }

    /// The delimiter of a CSV template: whichever of `,` `;` tab occurs most outside its tags
    /// (`,` when none does).
    static func delimiter(of template: String) -> Character {
        var counts: [Character: Int] = [:]
        var depth = 0
        var previous: Character = " "
        for character in template {
            if character == "{" && previous == "{" { depth += 1 }
            if character == "}" && previous == "}" && depth > 0 { depth -= 1 }
            if depth == 0, delimiters.contains(character) { counts[character, default: 0] += 1 }
            previous = character
        }
        return delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] }
            .flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? ","
    }

    func escapeText(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { result += "\"" }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }
}

/// XML character data and attribute values: `& < > " '` as entities; control characters that
/// XML 1.0 cannot hold become U+FFFD (tab, LF and CR are kept).
struct XMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

import Mustache

/// How a journal template's values are escaped, declared by the template's file name:
/// `NAME.csv.mustache` is CSV, `NAME.xml.mustache` is XML.
public enum TemplateContentType: String, Sendable, CaseIterable {
    case csv
    case xml

    /// The swift-mustache content type name registered for it (`{{% CONTENT_TYPE: … }}`).
    var pragmaName: String {
        switch self {
        case .csv: return "RECONCSV"
        case .xml: return "RECONXML"
        }
    }

    /// Registers recon's escapers with swift-mustache once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(CSVEscaping(), named: TemplateContentType.csv.pragmaName)
        MustacheContentTypes.register(XMLEscaping(), named: TemplateContentType.xml.pragmaName)
        return true
    }()

    public func escape(_ text: String) -> String {
        switch self {
        case .csv: return CSVEscaping().escapeText(text)
        case .xml: return XMLEscaping().escapeText(text)
        }
    }
}

/// A CSV field: quoted (quotes doubled) when it holds a comma, semicolon, tab, quote, CR or LF or
/// starts or ends with a space, so that it stays one field whichever of the common delimiters the
/// template uses.
struct CSVEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { ",;\t\"\r\n".unicodeScalars.contains($0) }
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

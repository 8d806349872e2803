import Mustache
import ReconCore

/// A user's journal format: a Mustache template file (swift-mustache), `NAME.csv.mustache` or
/// `NAME.xml.mustache`. The extension before `.mustache` declares the content type, so values are
/// escaped as CSV fields (for the delimiter the template uses most: `,` `;` or tab) or XML text,
/// and names the output, `journal-NAME.csv` / `journal-NAME.xml`.
///
/// Loading checks the whole template before anything is rendered: every tag must name a documented
/// variable (`TemplateVariables`); unescaped tags (`{{{…}}}`, `{{&…}}`), partials, delimiter changes
/// and pragmas are refused, since each would bypass the escaping or the check. Rendering fails when
/// a variable is used where no scope has it (a line's `account` outside `{{#lines}}`).
public struct JournalTemplate: Sendable {
    public let path: String
    public let contentType: TemplateContentType
    public let outputName: String
    private let template: MustacheTemplate

    public init(path: String, text: String) throws {
        self.path = path
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let parts = fileName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts.last == "mustache", let type = TemplateContentType(rawValue: parts[parts.count - 2].lowercased()),
              !parts[0].isEmpty else {
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "a journal template is named NAME.csv.mustache or NAME.xml.mustache (the extension declares how values are escaped)")
        }
        contentType = type
        outputName = "journal-" + parts.dropLast(2).joined(separator: ".") + "." + parts[parts.count - 2].lowercased()
        try TemplateTags.check(text, path: path)
        precondition(TemplateContentType.registered)
        do {
            // A standalone line of its own renders nothing; parser line numbers are one too high.
            let pragma = type.pragmaName(delimiter: CSVEscaping.delimiter(of: text))
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(pragma)}}\n" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ReadError.invalid(SourceLocation(file: path, line: max(error.context.lineNumber - 1, 1)),
                                    "template syntax: \(error.error)")
        }
    }

    /// Reads and checks the template file.
    public static func load(path: String) throws -> JournalTemplate {
        let bytes = try FileByteSource(path: path).readAll()
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError.invalid(SourceLocation(file: path, line: 1), "a template must be UTF-8")
        }
        return try JournalTemplate(path: path, text: text)
    }

    /// The rendered journal. Throws when the template uses a variable where none of that name exists.
    public func render(_ input: JournalInput) throws -> String {
        let root = TemplateVariables.root(input)
        let text = template.render(root)
        if !root.missing.isEmpty {
            let names = root.missing.map { "'\($0)'" }.joined(separator: ", ")
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "no value for \(names) where the template uses it (line variables only exist inside {{#lines}}, voucher variables inside {{#vouchers}})")
        }
        return text
    }
}

/// A scan of a template's tags before swift-mustache parses it, so that an unknown name is an
/// error with its line, whatever data the run has.
enum TemplateTags {
    static func check(_ text: String, path: String) throws {
        let known = TemplateVariables.all
        var findings: [Finding] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1
        func fail(_ message: String) { findings.append(Finding(SourceLocation(file: path, line: line), message)) }
        while index < scalars.count {
            if scalars[index] == "\n" { line += 1 }
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            let tagLine = line
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") {
                if scalars[end] == "\n" { line += 1 }
                end += 1
            }
            guard end + 1 < scalars.count else {
                findings.append(Finding(SourceLocation(file: path, line: tagLine), "unclosed tag"))
                break
            }
            var tag = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
            index = end + 2
            let sigil = tag.first
            switch sigil {
            case "!":
                continue
            case "{", "&":
                findings.append(Finding(SourceLocation(file: path, line: tagLine),
                                        "unescaped tag {{\(tag)}}: values are always escaped for the template's content type"))
                continue
            case ">", "<", "$", "=", "%":
                findings.append(Finding(SourceLocation(file: path, line: tagLine),
                                        "{{\(tag)}}: partials, blocks, delimiter changes and pragmas are not supported in journal templates"))
                continue
            case "#", "^", "/":
                tag.removeFirst()
            default:
                break
            }
            var name = tag.trimmingASCIISpaces()
            if let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close {
                name = String(name[name.index(after: open)..<close]).trimmingASCIISpaces()
                if name.isEmpty { continue } // a transform of the sequence context: first(), last(), index()
            }
            if name == "." { continue }
            let unknown = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                .filter { !known.contains($0) }
            if !unknown.isEmpty || name.isEmpty {
                findings.append(Finding(SourceLocation(file: path, line: tagLine),
                                        "unknown variable '\(name)' (see docs/journals.md for the variables)"))
            }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }
}

import ReconCore
import TOMLKit

/// A TOML text parsed the one way recon parses TOML (recon.toml and bank profiles): refused first
/// where TOMLKit's parser would abort (`TOMLPrecheck`), then parsed, a syntax error naming its line
/// and column.
enum TOMLDocument {
    static func table(_ text: String, path: String) throws -> TOMLTable {
        try TOMLPrecheck.check(text, path: path)
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ReadError.invalid(SourceLocation(file: path, line: error.source.begin.line,
                                                   column: error.source.begin.column), error.description)
        }
    }
}

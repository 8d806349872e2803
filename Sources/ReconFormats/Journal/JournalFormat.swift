import ReconCore

/// A journal format asked for with `--journal-format NAME|PATH`: a built-in writer or a user's
/// Mustache template. `generic` (journal.csv) is always written.
public enum JournalFormat: Sendable, Equatable {
    case generic
    case d365
    case hledger
    case beancount
    case sie
    case template(path: String)

    public static let builtInNames = ["generic", "d365", "hledger", "beancount", "sie"]

    /// A built-in format by name, else a template path. Nil for a name that is neither (the caller
    /// says which names exist).
    public init?(argument: String, fileExists: (String) -> Bool) {
        switch argument {
        case "generic": self = .generic
        case "d365": self = .d365
        case "hledger": self = .hledger
        case "beancount": self = .beancount
        case "sie": self = .sie
        default:
            guard fileExists(argument) else { return nil }
            self = .template(path: argument)
        }
    }
}

/// Writes the journal formats of a run into an output directory.
public enum JournalWriters {
    /// Writes `format`; returns the names of the files written and the warnings (e.g. characters
    /// SIE's code page cannot hold). Templates must have been loaded (and checked) before.
    public static func write(_ format: JournalFormat, input: JournalInput, templates: [String: JournalTemplate],
                             to output: OutputDirectory) throws -> (files: [String], warnings: [Finding]) {
        switch format {
        case .generic:
            return ([], [])
        case .d365:
            try D365JournalWriter.writeLines(input, to: output.create(D365JournalWriter.linesFile))
            try D365JournalWriter.writeSettledInvoices(input, to: output.create(D365JournalWriter.settledInvoicesFile))
            return ([D365JournalWriter.linesFile, D365JournalWriter.settledInvoicesFile], [])
        case .hledger:
            try HledgerJournalWriter.write(input, to: output.create(HledgerJournalWriter.fileName))
            return ([HledgerJournalWriter.fileName], [])
        case .beancount:
            try BeancountJournalWriter.write(input, to: output.create(BeancountJournalWriter.fileName))
            return ([BeancountJournalWriter.fileName], [])
        case .sie:
            var files: [String] = [], warnings: [Finding] = []
            for currency in SIEJournalWriter.currencies(of: input) {
                let name = SIEJournalWriter.fileName(for: currency)
                warnings += try SIEJournalWriter.write(input, currency: currency, to: output.create(name))
                files.append(name)
            }
            return (files, warnings)
        case .template(let path):
            guard let template = templates[path] else {
                throw ReadError.invalid(SourceLocation(file: path, line: 1), "template was not loaded")
            }
            try output.create(template.outputName).write(try template.render(input))
            return ([template.outputName], [])
        }
    }
}

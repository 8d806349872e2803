import ReconCore
import ReconFormats

/// The transactions of the bank files of a run, in the order given, and what the readers noticed.
public struct BankInput: Sendable {
    public var transactions: [BankTransaction] = []
    public var warnings: [Finding] = []
    /// `path: format` of each file, for the summary.
    public var formats: [String] = []

    /// One file's statements and entries, as read. An entry's transactions are not kept in it but
    /// in `transactions`, at `range`: a million entries are not a million small arrays copied
    /// into one at the end.
    struct File {
        var path: String
        var format: String
        var statements: [(info: StatementInfo, entries: [(entry: BankEntry, range: Range<Int>)])] = []
    }

    /// Reads every file (format detected from the content); data problems of all files are reported
    /// together. camt.054 notifications that detail a batch booked as one camt.053/052 entry replace
    /// that entry's transactions (see `NotificationLinker`). `limits`: nil reads them from the
    /// environment (`RECON_MAX_FILE_SIZE`).
    ///
    /// `profiles` names a profile (built-in name or file) for some paths; the others are detected.
    /// `progress` is told the number of transactions read so far, after each entry.
    public static func read(paths: [String], profiles: [String: String] = [:], limits: ReadLimits? = nil,
                            progress: ((Int) -> Void)? = nil) throws -> BankInput {
        let limits = try limits ?? Limits.fromEnvironment()
        var input = BankInput()
        var findings: [Finding] = []
        var files: [File] = []
        for path in paths {
            do {
                let profile = try profiles[path].map(ProfileCatalog.profile)
                let reader = try BankFile.open(path: path, profile: profile, limits: limits)
                var file = File(path: path, format: "")
                var check: StatementCheck?
                func close() {
                    if let warning = check?.warning { input.warnings.append(warning) }
                }
                try reader.forEachRecord { record in
                    switch record {
                    case .statement(let info):
                        close()
                        check = StatementCheck(info)
                        file.statements.append((info, []))
                    case .entry(var entry):
                        check?.add(entry)
                        let start = input.transactions.count
                        input.transactions.append(contentsOf: entry.transactions)
                        entry.transactions = []
                        file.statements[file.statements.count - 1].entries.append((entry, start..<input.transactions.count))
                        progress?(input.transactions.count)
                    }
                }
                close()
                file.format = reader.format ?? "unknown"
                input.warnings += reader.warnings
                input.formats.append("\(path): \(file.format)")
                if file.statements.allSatisfy({ $0.entries.isEmpty }) {
                    input.warnings.append(Finding(SourceLocation(file: path, line: 1), "no transactions in this file"))
                }
                files.append(file)
            } catch ReadError.invalid(let found) {
                findings += found
            }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        var linker = NotificationLinker(consume files, transactions: input.transactions)
        input.transactions = []
        input.warnings += linker.link()
        input.transactions = linker.transactions
        return input
    }
}

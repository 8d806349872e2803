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
    /// into one at the end. The entries of all statements are in one array, each statement naming
    /// its part, so that room for them is made once (`BankFile.Opened.expectedEntries`).
    ///
    /// Entries are kept only where `NotificationLinker` may need them: camt files of a run of more
    /// than one file. A CSV or MT940 file, or a run of one file, keeps none (a million `BankEntry`s
    /// were 64 MiB of the read phase's peak, for nothing); its transactions are laid out by `transactions`.
    struct File {
        var path: String
        var format: String
        var statements: [(info: StatementInfo, entries: Range<Int>)] = []
        var entries: [(entry: BankEntry, range: Range<Int>)] = []
        /// Where the file's transactions are in `BankInput.transactions`.
        var transactions: Range<Int> = 0..<0
        var keepsEntries = false
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
                let opened = try BankFile.opened(path: path, profile: profile, limits: limits)
                let reader = opened.reader
                var file = File(path: path, format: "")
                let first = input.transactions.count
                // Room made once: grown by doubling, each array was copied into fresh memory a dozen times.
                input.transactions.reserveCapacity(input.transactions.count + opened.expectedEntries)
                var entryCount = 0
                var check: StatementCheck?
                func close() {
                    if let warning = check?.warning { input.warnings.append(warning) }
                }
                try reader.forEachRecord { record in
                    switch record {
                    case .statement(let info):
                        close()
                        check = StatementCheck(info)
                        if paths.count > 1 && info.format.hasPrefix("camt.") && !file.keepsEntries {
                            file.keepsEntries = true
                            file.entries.reserveCapacity(opened.expectedEntries)
                        }
                        file.statements.append((info, file.entries.count..<file.entries.count))
                    case .entry(var entry):
                        check?.add(entry)
                        entryCount += 1
                        let start = input.transactions.count
                        input.transactions.append(contentsOf: entry.transactions)
                        guard file.keepsEntries else { break }
                        entry.transactions = []
                        file.entries.append((entry, start..<input.transactions.count))
                        file.statements[file.statements.count - 1].entries =
                            file.statements[file.statements.count - 1].entries.lowerBound..<file.entries.count
                    }
                    if case .entry = record { progress?(input.transactions.count) }
                }
                close()
                file.format = reader.format ?? "unknown"
                input.warnings += reader.warnings
                input.formats.append("\(path): \(file.format)")
                file.transactions = first..<input.transactions.count
                if entryCount == 0 {
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

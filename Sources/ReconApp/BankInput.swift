import ReconCore
import ReconFormats

/// The transactions of the bank files of a run, in the order given, and what the readers noticed.
public struct BankInput: Sendable {
    public var transactions: [BankTransaction] = []
    public var warnings: [Finding] = []
    /// `path: format` of each file, for the summary.
    public var formats: [String] = []

    /// Reads every file; data problems of all files are reported together.
    /// `progress` is told the number of transactions read so far, after each entry.
    public static func read(paths: [String], progress: ((Int) -> Void)? = nil) throws -> BankInput {
        var input = BankInput()
        var findings: [Finding] = []
        for path in paths {
            do {
                let reader = try BankFile.open(path: path)
                var count = 0
                while let record = try reader.next() {
                    if case .entry(let entry) = record {
                        input.transactions.append(contentsOf: entry.transactions)
                        count += entry.transactions.count
                        progress?(input.transactions.count)
                    }
                }
                input.warnings += reader.warnings
                input.formats.append("\(path): \(reader.format ?? "unknown")")
                if count == 0 {
                    input.warnings.append(Finding(SourceLocation(file: path, line: 1), "no transactions in this file"))
                }
            } catch ReadError.invalid(let found) {
                findings += found
            }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
        return input
    }
}

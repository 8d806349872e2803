import Testing
import ReconCore
@testable import ReconFormats

/// What a reader produced from one input.
struct ReadResult {
    var statements: [StatementInfo] = []
    var entries: [BankEntry] = []
    var warnings: [Finding] = []
    var format: String?

    var transactions: [BankTransaction] { entries.flatMap(\.transactions) }
}

func drain(_ reader: any BankStatementReader) throws -> ReadResult {
    var result = ReadResult()
    try reader.forEachRecord { record in
        switch record {
        case .statement(let info): result.statements.append(info)
        case .entry(let entry): result.entries.append(entry)
        }
    }
    result.warnings = reader.warnings
    result.format = reader.format
    return result
}

func readMT940(_ text: String, encoding: TextEncoding? = nil) throws -> ReadResult {
    try readMT940(bytes: Array(text.utf8), encoding: encoding)
}

func readMT940(bytes: [UInt8], encoding: TextEncoding? = nil) throws -> ReadResult {
    try drain(MT940Reader(source: MemoryByteSource(bytes, path: "s.sta"), encoding: encoding))
}

/// A minimal MT940 statement around `lines` (`:61:`/`:86:`), in EUR, opening 100,00.
func mt940(_ lines: String, closing: String = ":62F:C250310EUR100,00") -> String {
    """
    :20:STARTUMS
    :25:DE12345678901234567890
    :28C:1/1
    :60F:C250309EUR100,00
    \(lines)
    \(closing)

    """
}

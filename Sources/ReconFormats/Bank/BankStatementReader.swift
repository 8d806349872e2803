import ReconCore

/// A reader of one bank file: statement headers and entries, one at a time.
public protocol BankStatementReader: AnyObject {
    /// What was detected, e.g. `camt.053.001.02` or `csv:generic`.
    var format: String? { get }
    /// Problems that did not stop reading (a statement that does not balance …).
    var warnings: [Finding] { get }
    /// The next record; nil at the end. Throws `ReadError`.
    func next() throws -> BankRecord?
}

extension CamtReader: BankStatementReader {}

public enum BankFile {
    /// Opens a bank file and picks its reader from the content: XML → camt, otherwise the CSV
    /// layouts recon knows (v0: `generic`).
    public static func open(path: String) throws -> any BankStatementReader {
        let probe = try FileByteSource(path: path)
        var head = [UInt8](repeating: 0, count: 4096)
        let count = try head.withUnsafeMutableBytes { try probe.read(into: $0) }
        head.removeSubrange(count...)
        let source = try FileByteSource(path: path)
        if looksLikeXML(head) { return CamtReader(source: source) }
        if GenericBankCSVReader.matches(head) { return try GenericBankCSVReader(source: source) }
        throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                "unknown bank file format: tried camt.052/053/054 XML and the generic CSV layout (\(GenericBankCSVReader.columns.joined(separator: ",")))")
    }

    static func looksLikeXML(_ head: [UInt8]) -> Bool {
        var index = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < head.count, CamtReader.isSpace(head[index]) { index += 1 }
        return index < head.count && head[index] == UInt8(ascii: "<")
    }
}

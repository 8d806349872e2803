import ReconCore

/// A reader of one bank file: statement headers and entries, handed out as they are read.
public protocol BankStatementReader: AnyObject {
    /// What was detected, e.g. `camt.053.001.02`, `mt940` or `csv:generic`.
    var format: String? { get }
    /// Problems that did not stop reading (a batch whose count disagrees …).
    var warnings: [Finding] { get }
    /// Hands every record to `body` in file order, each as soon as it is read (the file is never
    /// held whole). Throws `ReadError`, or what `body` threw: reading stops there. Call once.
    func forEachRecord(_ body: (BankRecord) throws -> Void) throws
}

/// A reader that can hand out one record at a time (MT940, CSV). The camt reader cannot: libxml2
/// parses a whole document in one call and hands its records out as it goes.
public protocol RecordByRecordReader: BankStatementReader {
    /// The next record; nil at the end. Throws `ReadError`.
    func next() throws -> BankRecord?
}

extension RecordByRecordReader {
    public func forEachRecord(_ body: (BankRecord) throws -> Void) throws {
        while let record = try next() { try body(record) }
    }
}

extension CamtReader: BankStatementReader {}

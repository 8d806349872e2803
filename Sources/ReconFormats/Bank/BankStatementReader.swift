import ReconCore

/// A reader of one bank file: statement headers and entries, one at a time.
public protocol BankStatementReader: AnyObject {
    /// What was detected, e.g. `camt.053.001.02`, `mt940` or `csv:generic`.
    var format: String? { get }
    /// Problems that did not stop reading (a batch whose count disagrees …).
    var warnings: [Finding] { get }
    /// The next record; nil at the end. Throws `ReadError`.
    func next() throws -> BankRecord?
}

extension CamtReader: BankStatementReader {}

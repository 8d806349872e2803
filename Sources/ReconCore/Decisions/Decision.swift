/// What a reviewer decided for one exception (the `decision` column of a reviewed exceptions.csv).
public enum DecisionKind: String, Sendable, CaseIterable {
    /// Settle what stays open of the listed invoices as extra cash discount.
    case fullSettlement = "full_settlement"
    /// Apply the transaction to the listed invoices, in that order.
    case match
    /// Settle what stays open of the listed invoices on the over/underpayment account.
    case writeOff = "write_off"
    /// Post the transaction to the suspense account.
    case suspense
    /// Leave the transaction out of the journal; it stays in the report, marked as decided.
    case ignore
}

/// One reviewed row of the exception report.
public struct Decision: Sendable, Hashable {
    public var exceptionId: String
    public var kind: DecisionKind
    /// Invoice ids in the order the reviewer gave them.
    public var invoiceIds: [String]
    public var note: String?
    /// Who decided and when, when the reviewed file says so.
    public var decidedBy: String?
    public var decidedAt: String?
    /// The line of the decisions file, for messages.
    public var origin: SourceLocation

    public init(exceptionId: String, kind: DecisionKind, invoiceIds: [String] = [], note: String? = nil,
                decidedBy: String? = nil, decidedAt: String? = nil, origin: SourceLocation) {
        self.exceptionId = exceptionId
        self.kind = kind
        self.invoiceIds = invoiceIds
        self.note = note
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.origin = origin
    }
}

/// A decision and what it did, for the record (decisions-applied.csv).
public struct AppliedDecision: Sendable, Hashable {
    public var decision: Decision
    public var exceptionKind: ExceptionKind
    public var transaction: BankTransaction
    /// What recon did, in words.
    public var outcome: String
}

/// Why a transaction needs a person.
public enum ExceptionKind: String, Sendable, CaseIterable {
    /// No reference, id or payer led to an open item.
    case noMatch = "no_match"
    /// A reference was found but names no open item.
    case unknownReference = "unknown_reference"
    /// The named items are in another currency.
    case currencyMismatch = "currency_mismatch"
    /// The named items are already settled.
    case alreadySettled = "already_settled"
    /// The payment names items of several customers, or several equally good candidates.
    case ambiguous
    /// A candidate was found, but not with enough confidence to settle automatically.
    case needsReview = "needs_review"
    /// The same transaction was given twice in one run.
    case duplicate
    /// Settled, but the item stays partly open beyond the underpayment tolerance.
    case partialPayment = "partial_payment"
}

/// An open item (or a set of items paid together) a person may want to look at for an exception,
/// with how well it fits.
public struct Candidate: Sendable, Hashable {
    public var invoiceIds: [String]
    /// 0–100, when the matcher scored it.
    public var score: Int?
    /// The criteria behind the score, e.g. `ref=RF-valid payer=iban amount=exact date=ok`.
    public var criteria: String

    public init(invoiceIds: [String], score: Int? = nil, criteria: String = "") {
        self.invoiceIds = invoiceIds
        self.score = score
        self.criteria = criteria
    }

    public init(invoiceId: String, score: Int? = nil, criteria: String = "") {
        self.init(invoiceIds: [invoiceId], score: score, criteria: criteria)
    }

    /// The ids, space-separated (as the report and `invoice_ids` write them).
    public var invoiceId: String { invoiceIds.joined(separator: " ") }
}

/// One row of the exception report.
public struct ReconException: Sendable, Hashable {
    public var kind: ExceptionKind
    public var transaction: BankTransaction
    /// Open items a person may want to look at, best first.
    public var candidates: [Candidate]
    public var reason: String
    /// The decision recon suggests (`match`, `full_settlement`, `suspense`, `ignore` …).
    public var suggestedAction: String
    /// Whether the transaction was nevertheless settled (a partial payment under review): its
    /// money is then in `applied`, not in `in_exceptions`.
    public var isSettled: Bool
    /// The reviewer's decision when it keeps the row in the report (`ignore`).
    public var decision: Decision? {
        get { decided?.decision }
        set { decided = newValue.map(Decided.init) }
    }
    /// A decision held apart: a few rows have one, and inline it made every exception 208 bytes
    /// instead of 96 (a million-payment run holds 190,000 of them, and goes through them all
    /// several times).
    private var decided: Decided?

    public init(kind: ExceptionKind, transaction: BankTransaction, candidates: [Candidate] = [], reason: String,
                suggestedAction: String, isSettled: Bool = false, decision: Decision? = nil) {
        self.kind = kind
        self.transaction = transaction
        self.candidates = candidates
        self.reason = reason
        self.suggestedAction = suggestedAction
        self.isSettled = isSettled
        self.decided = decision.map(Decided.init)
    }

    /// An immutable box: a new decision is a new box, so copies never share a change.
    private final class Decided: Sendable, Hashable {
        let decision: Decision

        init(_ decision: Decision) {
            self.decision = decision
        }

        static func == (lhs: Decided, rhs: Decided) -> Bool { lhs.decision == rhs.decision }

        func hash(into hasher: inout Hasher) { hasher.combine(decision) }
    }

    /// Every invoice id of the candidates, best candidate first, each once.
    public var candidateIds: [String] { Self.uniqueIds(of: candidates) }

    /// `candidateIds` of a stored array, for a loop over many exceptions (a computed property of
    /// an array's element copied the exception). A set spares the quadratic search of an
    /// exception with dozens of candidates.
    static func uniqueIds(of candidates: [Candidate]) -> [String] {
        if candidates.count == 1 && candidates[0].invoiceIds.count <= 1 { return candidates[0].invoiceIds }
        var ids: [String] = []
        var seen = Set<String>()
        for candidate in candidates {
            for id in candidate.invoiceIds where seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    /// Stable across runs for the same transaction and kind: `X` + 16 hex digits.
    public var exceptionId: String { ReconException.id(entryId: transaction.entryId, kind: kind.rawValue) }

    /// `prefix` + 16 hex digits of a stable hash of the transaction's id and the kind.
    public static func id(entryId: String, kind: String, prefix: String = "X") -> String {
        var hash = StableHash()
        hash.combine(field: entryId)
        hash.combine(field: kind)
        return hash.hex(prefix: prefix)
    }
}

/// Why a bank transaction is not a receipt recon settles.
public enum OtherEntryKind: String, Sendable, CaseIterable {
    /// Money out (a debit).
    case notAReceipt = "not_a_receipt"
    case pending
    case info
    /// A reversal (RvslInd), e.g. a returned payment.
    case reversal
    /// A second copy of a transaction that is not a receipt.
    case duplicate
}

/// A bank transaction recon does not settle, listed so that nothing disappears.
public struct OtherEntry: Sendable, Hashable {
    public var kind: OtherEntryKind
    public var transaction: BankTransaction
    public var reason: String

    public init(kind: OtherEntryKind, transaction: BankTransaction, reason: String) {
        self.kind = kind
        self.transaction = transaction
        self.reason = reason
    }

    public static func classify(_ transaction: BankTransaction) -> OtherEntry? {
        switch transaction.status {
        case .pending: return OtherEntry(kind: .pending, transaction: transaction, reason: "pending entry, not yet booked")
        case .info: return OtherEntry(kind: .info, transaction: transaction, reason: "information only, not booked")
        case .booked: break
        }
        if transaction.isReversal {
            return OtherEntry(kind: .reversal, transaction: transaction, reason: "reversal of an earlier entry")
        }
        if !transaction.amount.isPositive {
            return OtherEntry(kind: .notAReceipt, transaction: transaction,
                              reason: transaction.amount.isZero ? "zero amount" : "outgoing payment (debit)")
        }
        return nil
    }
}

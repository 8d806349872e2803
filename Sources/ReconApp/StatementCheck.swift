import ReconCore

/// Whether a statement's balances agree with its entries: opening + the booked entries = closing.
/// Pending and informational entries do not count; a statement without an opening or a closing
/// balance, or with entries in another currency, cannot be checked.
public enum BalanceCheck: String, Sendable {
    case ok, mismatch, unknown
}

/// Adds up one statement's booked entries as they stream by.
public struct StatementCheck: Sendable {
    public let info: StatementInfo
    private var booked: Int64 = 0
    private var foreignCurrency: Currency?

    public init(_ info: StatementInfo) {
        self.info = info
    }

    public mutating func add(_ entry: BankEntry) {
        guard entry.status == .booked else { return }
        if let opening = info.opening, entry.amount.currency != opening.currency {
            foreignCurrency = entry.amount.currency
            return
        }
        booked &+= entry.amount.minorUnits
    }

    public var result: BalanceCheck {
        guard let opening = info.opening, let closing = info.closing, opening.currency == closing.currency,
              foreignCurrency == nil else { return .unknown }
        return opening.minorUnits &+ booked == closing.minorUnits ? .ok : .mismatch
    }

    /// A warning for a statement that does not balance, or nil.
    public var warning: Finding? {
        guard result == .mismatch, let opening = info.opening, let closing = info.closing else { return nil }
        let sum = Money(minorUnits: booked, currency: opening.currency)
        let name = info.id.isEmpty ? "statement" : "statement \(info.id)"
        return Finding(info.origin, "\(name) does not balance: opening \(opening) + booked entries \(sum) = \(opening + sum), but the closing balance is \(closing)")
    }
}

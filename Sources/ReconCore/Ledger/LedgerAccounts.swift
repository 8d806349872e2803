/// The ledger accounts recon posts to (config `[accounts]`).
public struct LedgerAccounts: Hashable, Sendable {
    public var bank = "1920"
    public var receivable = "1500"
    public var cashDiscount = "3080"
    public var overUnderpayment = "7790"
    public var refundPayable = "2400"
    public var suspense = "2990"

    public init() {}
}

import ReconCore

/// Everything a run can be configured with (`--config FILE`, TOML). Defaults are the documented ones.
public struct ReconConfig: Hashable, Sendable {
    public var accounts = LedgerAccounts()
    public var settlement = SettlementPolicy()
    public var matching = MatchingPolicy()

    public init() {}
}

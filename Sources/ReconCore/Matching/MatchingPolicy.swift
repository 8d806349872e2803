/// The matching parameters (config `[matching]`).
public struct MatchingPolicy: Sendable, Hashable {
    /// Candidates scoring at least this (0–100) are settled automatically.
    public var autoThreshold = 70
    /// With no reference and no exact amount, settle a payer's payment against their items oldest first.
    public var allocateByCustomer = true
    /// Extra patterns for invoice numbers in free text: each regex's first capture group (or whole
    /// match) is looked up as an invoice id.
    public var invoicePatterns: [String] = []
    /// Names at least this similar (Jaro-Winkler, thousandths) count as the same payer.
    public var nameSimilarity = 930
    /// At most this many of a payer's oldest items take part in the subset-sum search …
    public var maxSubsetItems = 12
    /// … and a subset has at most this many items.
    public var maxSubsetSize = 4

    public init() {}
}

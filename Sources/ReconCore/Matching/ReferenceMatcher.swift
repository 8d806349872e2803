/// How a payment named an item.
public enum ReferenceSource: String, Sendable {
    case structuredReference = "ref"
    case endToEndId = "e2e"
    case text
}

/// The v0 matcher: a transaction names an item when its structured reference or EndToEndId equals
/// the item's `reference` or `invoice_id`, or when an `invoice_id` is a whole token of the text.
public struct ReferenceMatcher: Sendable {
    public let index: ReferenceIndex

    public init(index: ReferenceIndex) {
        self.index = index
    }

    public struct Found: Sendable {
        public var items: [Int] = []
        public var sources: [ReferenceSource] = []
        /// References the payment carries that name no item (for the report).
        public var unknownReferences: [String] = []
    }

    public func find(_ transaction: BankTransaction) -> Found {
        var found = Found()
        func add(_ indexes: [Int], _ source: ReferenceSource) {
            var added = false
            for index in indexes where !found.items.contains(index) {
                found.items.append(index)
                added = true
            }
            if added && !found.sources.contains(source) { found.sources.append(source) }
        }
        for (value, source) in [(transaction.structuredRef, ReferenceSource.structuredReference),
                                (transaction.endToEndId, .endToEndId)] {
            guard let value, !value.isEmpty else { continue }
            let items = index.items(referencedBy: value)
            if !items.isEmpty {
                add(items, source)
            } else if source == .structuredReference {
                found.unknownReferences.append(value)
            }
        }
        for token in ReferenceMatcher.tokens(of: transaction.text) {
            if let item = index.item(withInvoiceId: token) { add([item], .text) }
        }
        return found
    }

    /// Whole tokens of remittance text: runs of letters, digits, `-` and `_`.
    public static func tokens(of text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
}

/// Hash indexes from the words a payment may carry to the open items they name.
///
/// - Complexity: built in O(n) over the items; a lookup is O(1) per token.
public struct ReferenceIndex: Sendable {
    private var byReference: [String: [Int]] = [:]
    private var byInvoiceId: [String: Int] = [:]

    public init(_ book: OpenItemBook) {
        byInvoiceId.reserveCapacity(book.count)
        byReference.reserveCapacity(book.count)
        for (index, item) in book.items.enumerated() {
            byInvoiceId[item.invoiceId] = index
            if let reference = item.reference, !reference.isEmpty {
                byReference[reference, default: []].append(index)
            }
        }
    }

    /// Items whose reference or invoice id equals `value`.
    public func items(referencedBy value: String) -> [Int] {
        var found = byReference[value] ?? []
        if let index = byInvoiceId[value], !found.contains(index) { found.append(index) }
        return found
    }

    /// The item with this invoice id.
    public func item(withInvoiceId id: Substring) -> Int? { byInvoiceId[String(id)] }
}

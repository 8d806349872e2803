/// The open items of one run and their changing balances.
///
/// Items keep their input order; settlements change `openAmount` and `discountTaken` in place and
/// new customer credits are appended.
public struct OpenItemBook: Sendable {
    public private(set) var items: [OpenItem]
    private var indexById: [String: Int]

    /// `items` must have unique invoice ids (the reader checks this and reports the lines).
    public init(_ items: [OpenItem]) {
        self.items = items
        self.indexById = Dictionary(minimumCapacity: items.count)
        for (index, item) in items.enumerated() {
            precondition(indexById.updateValue(index, forKey: item.invoiceId) == nil,
                         "duplicate invoice id \(item.invoiceId)")
        }
    }

    public var count: Int { items.count }

    /// Read in place: no copy of the item (and its strings) per access.
    public subscript(index: Int) -> OpenItem {
        _read { yield items[index] }
    }

    public func index(ofInvoice id: String) -> Int? { indexById[id] }

    /// Applies a settlement row to the item it names.
    public mutating func apply(_ settlement: Settlement) {
        guard let index = indexById[settlement.invoiceId] else {
            preconditionFailure("settlement for unknown item \(settlement.invoiceId)")
        }
        precondition(items[index].openAmount == settlement.openBefore, "stale settlement for \(settlement.invoiceId)")
        items[index].openAmount = settlement.openAfter
        items[index].discountTaken += settlement.cashDiscount
    }

    /// Adds a new item (a customer credit). Its id must be new.
    public mutating func add(_ item: OpenItem) {
        precondition(indexById[item.invoiceId] == nil, "duplicate invoice id \(item.invoiceId)")
        indexById[item.invoiceId] = items.count
        items.append(item)
    }

    /// The items still open, in their original order (new credits last).
    public var stillOpen: [OpenItem] { items.filter { !$0.openAmount.isZero } }
}

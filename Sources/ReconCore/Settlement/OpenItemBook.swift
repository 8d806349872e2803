/// The open items of one run and their changing balances.
///
/// Items keep their input order; settlements change `openAmount` and `discountTaken` in place and
/// new customer credits are appended.
///
/// The items read are kept in the array they came in (taken over, not copied, when the caller
/// gives it up); new credits go to an array of their own, so a million items are never moved to
/// make room for them.
public struct OpenItemBook: Sendable {
    private var base: [OpenItem]
    private var added: [OpenItem] = []
    private var indexById: [String: Int]

    /// `items` must have unique invoice ids (the reader checks this and reports the lines).
    public init(_ items: consuming [OpenItem]) {
        base = items
        indexById = Dictionary(minimumCapacity: base.count)
        for index in base.indices {
            precondition(indexById.updateValue(index, forKey: base[index].invoiceId) == nil,
                         "duplicate invoice id \(base[index].invoiceId)")
        }
    }

    /// Every item, in order: those read, then the new credits.
    public var items: [OpenItem] { added.isEmpty ? base : base + added }

    public var count: Int { base.count + added.count }

    /// Item `index`. A field read through it (`book[index].currency`) may still copy the whole
    /// item, strings retained: the arrays' getter copies, and the 1M profile showed it in
    /// `Matcher.decide`. Hot paths use `withItem` or the field accessors below.
    public subscript(index: Int) -> OpenItem {
        _read {
            if index < base.count { yield base[index] } else { yield added[index - base.count] }
        }
    }

    /// `body` on item `index`, read in place: for the hot paths that look at several fields of an
    /// item (a `let item = book[index]` copies it, retaining each of its strings).
    @inline(__always)
    public func withItem<Result>(_ index: Int, _ body: (OpenItem) -> Result) -> Result {
        index < base.count ? body(base[index]) : body(added[index - base.count])
    }

    // The fields the matcher reads most, read in place.
    @inline(__always) public func currency(of index: Int) -> Currency { withItem(index) { $0.currency } }
    @inline(__always) public func openAmount(of index: Int) -> Money { withItem(index) { $0.openAmount } }
    @inline(__always) public func customerId(of index: Int) -> String { withItem(index) { $0.customerId } }
    @inline(__always) public func invoiceDate(of index: Int) -> CalendarDate { withItem(index) { $0.invoiceDate } }

    public func index(ofInvoice id: String) -> Int? { indexById[id] }

    /// Whether item `a` comes before item `b` by invoice date, then invoice id, then position —
    /// the order ties fall on — read in place (a sort by a tuple of their fields copies both items
    /// on every comparison).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        withItem(a) { first in
            withItem(b) { second in
                if first.invoiceDate != second.invoiceDate { return first.invoiceDate < second.invoiceDate }
                if first.invoiceId != second.invoiceId { return first.invoiceId < second.invoiceId }
                return a < b
            }
        }
    }

    /// Applies a settlement row to the item it names.
    public mutating func apply(_ settlement: Settlement) {
        guard let index = indexById[settlement.invoiceId] else {
            preconditionFailure("settlement for unknown item \(settlement.invoiceId)")
        }
        precondition(self[index].openAmount == settlement.openBefore, "stale settlement for \(settlement.invoiceId)")
        if index < base.count {
            base[index].openAmount = settlement.openAfter
            base[index].discountTaken += settlement.cashDiscount
        } else {
            added[index - base.count].openAmount = settlement.openAfter
            added[index - base.count].discountTaken += settlement.cashDiscount
        }
    }

    /// Adds a new item (a customer credit). Its id must be new.
    public mutating func add(_ item: OpenItem) {
        precondition(indexById[item.invoiceId] == nil, "duplicate invoice id \(item.invoiceId)")
        indexById[item.invoiceId] = count
        added.append(item)
    }

    /// The items still open, in their original order (new credits last), taken out of the book,
    /// which is left empty: the settled items are removed in place. (A filtered copy of a million
    /// items, made while the book and the rest of the run were still held, was a large run's
    /// memory peak.)
    public mutating func takeStillOpen() -> [OpenItem] {
        var items = base
        base = []
        indexById = [:]
        items.removeAll { $0.openAmount.isZero }
        for item in added where !item.openAmount.isZero { items.append(item) }
        added = []
        return items
    }
}

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
    /// Positions by invoice id, checked against the items' own ids (a `[String: Int]` hashed
    /// each id with SipHash when built and on every settlement, and held a million ids).
    private var positions: PositionTable

    /// `items` must have unique invoice ids (the reader checks this and reports the lines).
    public init(_ items: consuming [OpenItem]) {
        base = items
        positions = PositionTable(capacity: base.count)
        for index in base.indices {
            let id = base[index].invoiceId
            let hash = PositionTable.hash(id)
            precondition(find(id, hash: hash) == nil, "duplicate invoice id \(id)")
            positions.insert(index, hash: hash)
        }
    }

    private func find(_ id: String, hash: UInt32) -> Int? {
        positions.find(hash: hash) { index in withItem(index) { $0.invoiceId == id } }
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

    public func index(ofInvoice id: String) -> Int? { find(id, hash: PositionTable.hash(id)) }

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

    /// `indexes` in the order of `precedes`, each item's date read once: `sorted(by: precedes)`
    /// read both items of every comparison (the customers' lists of a 1.1M-item book: ~0.2 s).
    func sortedByPrecedence(_ indexes: [Int]) -> [Int] {
        // Most customers' items are in this order already (files go by date): checked first, in
        // one pass, and then not copied three times (~4,500 instructions a customer at 100k).
        if indexes.indices.dropFirst().allSatisfy({ precedes(indexes[$0 - 1], indexes[$0]) }) { return indexes }
        let dates = indexes.map { invoiceDate(of: $0) }
        return indexes.indices.sorted { left, right in
            dates[left] != dates[right] ? dates[left] < dates[right] : precedes(indexes[left], indexes[right])
        }.map { indexes[$0] }
    }

    /// Applies a settlement row to the item it names.
    public mutating func apply(_ settlement: Settlement) {
        apply(invoiceId: settlement.invoiceId, openBefore: settlement.openBefore, openAfter: settlement.openAfter,
              cashDiscount: settlement.cashDiscount)
    }

    /// `apply` of a settlement's four fields, for a caller that reads them in place: a whole
    /// settlement passed on was copied (five strings retained and released) for every row.
    public mutating func apply(invoiceId: String, openBefore: Money, openAfter: Money, cashDiscount: Money) {
        guard let index = index(ofInvoice: invoiceId) else {
            preconditionFailure("settlement for unknown item \(invoiceId)")
        }
        precondition(openAmount(of: index) == openBefore, "stale settlement for \(invoiceId)")
        if index < base.count {
            base[index].openAmount = openAfter
            base[index].discountTaken += cashDiscount
        } else {
            added[index - base.count].openAmount = openAfter
            added[index - base.count].discountTaken += cashDiscount
        }
    }

    /// Adds a new item (a customer credit). Its id must be new.
    public mutating func add(_ item: OpenItem) {
        let hash = PositionTable.hash(item.invoiceId)
        precondition(find(item.invoiceId, hash: hash) == nil, "duplicate invoice id \(item.invoiceId)")
        positions.insert(count, hash: hash)
        added.append(item)
    }

    /// The items still open, in their original order (new credits last), copied out: the settled
    /// ones (three quarters of the book at the end of the 1M benchmark) are freed with the book,
    /// which the run lets go of on another thread (`Reconciler.reconcile`). Removed in place here,
    /// they were freed on the core that ends the run, with the other idle. (A filtered copy of the
    /// whole book, made while the run was held, was once a large run's memory peak; the open
    /// quarter is not: the 1M run's peak fell from 1870 to 1810 MB.)
    public func stillOpen() -> [OpenItem] {
        base.withUnsafeBufferPointer { base in
            // Fields read in place: a loop over the elements copied each item to test it.
            var items: [OpenItem] = []
            items.reserveCapacity(base.indices.count { !base[$0].openAmount.isZero } + added.count)
            for index in base.indices where !base[index].openAmount.isZero { items.append(base[index]) }
            for item in added where !item.openAmount.isZero { items.append(item) }
            return items
        }
    }
}

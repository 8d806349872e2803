/// A growable list of plain values in memory its owner frees (`deallocate()`), for the CSV
/// reader's per-record lists — the fields' offsets, the lines a record spans. An `Array` checked
/// its storage was unshared and had room at every append, and emptied itself for the next record
/// through `replaceSubrange`: ~450 instructions a bank CSV row of 13 fields. Here an append is a
/// compare and a store, emptying sets the count. Never copied: the owner holds the only one.
struct TrivialList<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the list is not used again.
    func deallocate() { base.deallocate() }

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }
    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of range")
            base[index] = newValue
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func removeAll() { count = 0 }

    /// The last element that `predicate` accepts, searching from the end.
    func last(where predicate: (Element) -> Bool) -> Element? {
        var index = count - 1
        while index >= 0 {
            if predicate(base[index]) { return base[index] }
            index -= 1
        }
        return nil
    }

    private mutating func grow() {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}

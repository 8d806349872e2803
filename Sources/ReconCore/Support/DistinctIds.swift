/// Counts the different ids it is given — the customers of an open-items file (`inspect
/// --invoices`), mostly met again. A short ASCII id (nearly every one) is kept in its slot as the
/// string's own two words (`WordHash.smallASCIIWords`), so that a lookup reads one place in memory;
/// an `IdTable` read its slot and then the id the slot pointed at, two cache misses a customer
/// once the table outgrew the caches (212,782 customers of the 1M benchmark). Any other id goes
/// to a `Set`, which compares as `==` does.
///
/// - Complexity: O(1) on average (linear probing, load ≤ ¾).
public struct DistinctIds: Sendable {
    /// Two words a slot, the id's; (0, 0) is empty (a small string's second word holds its flags).
    private var slots: [UInt64]
    private var mask: Int
    private var smallCount = 0
    private var others: Set<String> = []
    /// What `lookAhead` read (kept, so that the loads stay).
    private var looked: UInt64 = 0

    public init() {
        slots = Array(repeating: 0, count: 2 * 16)
        mask = 15
    }

    /// How many different ids there are.
    public var count: Int { smallCount + others.count }

    /// Where a short ASCII id goes: its words, and their hash.
    public typealias Place = (words: (UInt64, UInt64), hash: UInt64)

    /// The place `insert(_:at:)` takes for `id`: nil for an id kept in the set.
    public static func place(of id: String) -> Place? {
        guard let words = WordHash.smallASCIIWords(id) else { return nil }
        return (words, WordHash.hash(smallASCIIWords: words))
    }

    /// Adds `id` (its `place(of:)` given); whether it is new.
    @discardableResult
    public mutating func insert(_ id: String, at place: Place?) -> Bool {
        guard let (words, hash) = place else { return others.insert(id).inserted }
        let inserted = slots.withUnsafeMutableBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[2 &* slot &+ 1] != 0 {
                if slots[2 &* slot] == words.0 && slots[2 &* slot &+ 1] == words.1 { return false }
                slot = (slot &+ 1) & mask
            }
            slots[2 &* slot] = words.0
            slots[2 &* slot &+ 1] = words.1
            return true
        }
        guard inserted else { return false }
        smallCount += 1
        if smallCount * 4 > (mask + 1) * 3 { grow() }
        return true
    }

    @discardableResult
    public mutating func insert(_ id: String) -> Bool { insert(id, at: Self.place(of: id)) }

    /// Reads the slots where the next few dozen ids' searches start, before they are added one by
    /// one: a table larger than the caches has their memory fetched together (see
    /// `PositionTable.lookAhead`). (A concrete slice: a generic sequence from another module was
    /// read through the runtime's metadata lookups, element by element.)
    public mutating func lookAhead(_ places: ArraySlice<Place?>) {
        looked &+= slots.withUnsafeBufferPointer { slots in
            var sum: UInt64 = 0
            for place in places {
                if let place { sum &+= slots[2 &* (Int(truncatingIfNeeded: place.hash) & mask)] }
            }
            return sum
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count / 2 - 1
        smallCount = 0
        for slot in stride(from: 0, to: old.count, by: 2) where old[slot + 1] != 0 {
            let words = (old[slot], old[slot + 1])
            let hash = WordHash.hash(smallASCIIWords: words)
            var place = Int(truncatingIfNeeded: hash) & mask
            while slots[2 * place + 1] != 0 { place = (place + 1) & mask }
            slots[2 * place] = words.0
            slots[2 * place + 1] = words.1
            smallCount += 1
        }
    }
}

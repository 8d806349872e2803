import ReconCore
import ReconFormats

/// `recon inspect --invoices FILE`: what recon reads from an open-items file — items by type,
/// customers, and the open amount per currency — after the same checks as a run (every problem
/// of the file reported with its location). Also the open-items parse of `make bench`.
public enum InspectOpenItems {
    public static func write(path: String, limits: ReadLimits, to writer: FileWriter) throws {
        let file = try limits.open(path)
        var reader = OpenItemsReader()
        var limit = AmountLimit()  // totals that could pass Int64 are refused, as in a run
        var tally = Tally()
        // Counted a block at a time as they are read, and let go of: kept until the end, the items
        // of a 1M file took ~400 MiB, and a quarter of the run went to the kernel's first touch
        // of those pages.
        try reader.read(file) { items in
            limit.add(items)
            items.withUnsafeBufferPointer { tally.count($0) }
        }
        try limit.check()
        var json = JSONWriter()
        json.beginObject()
        json.number("items", tally.items)
        for type in Tally.types {
            json.number(type.rawValue + "s", tally.byType[Tally.slot(type)])
        }
        json.number("customers", tally.customers.count)
        json.beginArray("open")
        for amount in tally.open.sorted(by: { $0.currency.code < $1.currency.code }) {
            json.beginObject()
            json.string("currency", amount.currency.code)
            json.string("amount", amount.formatted())
            json.endObject()
        }
        json.endArray()
        json.number("warnings", reader.warnings.count)
        json.endObject()
        try writer.write(json.text)
        try writer.flush()
    }
}

/// What `inspect --invoices` counts of some items: items by type, customers, the open amount per
/// currency. Counted in arrays: a dictionary by type and one by currency hashed every item twice
/// (a run has three types and a few currencies). The customers need their table.
private struct Tally {
    static let types: [OpenItemType] = [.invoice, .creditNote, .credit]

    static func slot(_ type: OpenItemType) -> Int {
        switch type {
        case .invoice: 0
        case .creditNote: 1
        case .credit: 2
        }
    }

    var items = 0
    var byType = [Int](repeating: 0, count: types.count)
    var customers = DistinctIds()
    var open: [Money] = []

    /// Fields read in place: a copy of each item costs more. The customers' places are made
    /// first; then, 64 items at a time, the table's slots for the next 64 are read together
    /// (`DistinctIds.lookAhead`): one at a time, each lookup waited for a cache miss of its own.
    mutating func count(_ items: UnsafeBufferPointer<OpenItem>) {
        self.items += items.count
        // Each customer id read once (its getter crosses into the core module and counts a
        // reference), then placed and added from here.
        let customerIds = items.map(\.customerId)
        let places = customerIds.map(DistinctIds.place(of:))
        func lookAhead(from start: Int) {
            guard start < items.count else { return }
            customers.lookAhead(places[start..<min(start + 64, items.count)])
        }
        lookAhead(from: 0)
        for start in stride(from: 0, to: items.count, by: 64) {
            lookAhead(from: start + 64)
            for index in start..<min(start + 64, items.count) {
                byType[Self.slot(items[index].type)] += 1
                customers.insert(customerIds[index], at: places[index])
                add(items[index].openAmount)
            }
        }
    }

    private mutating func add(_ amount: Money) {
        if let slot = open.firstIndex(where: { $0.currency == amount.currency }) {
            open[slot] += amount
        } else {
            open.append(amount)
        }
    }
}

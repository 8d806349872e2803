import ReconCore
import ReconFormats

/// `recon inspect --invoices FILE`: what recon reads from an open-items file — items by type,
/// customers, and the open amount per currency — after the same checks as a run (every problem
/// of the file reported with its location). Also the open-items parse of `make bench`.
public enum InspectOpenItems {
    /// Returns the items read, for a caller that ends the process next to leave to the kernel
    /// (see `recon inspect`).
    @discardableResult
    public static func write(path: String, limits: ReadLimits, to writer: FileWriter) throws -> [OpenItem] {
        let file = try limits.open(path)
        var reader = OpenItemsReader()
        let items = try reader.read(file)
        var limit = AmountLimit()  // totals that could pass Int64 are refused, as in a run
        limit.add(items)
        try limit.check()
        // Counted on both cores, half the items each, and the halves added up: the readers are
        // done, and on one core this was the last ~100 ms of a 1M file's ~700 ms.
        let tally = items.withUnsafeBufferPointer { items in
            guard items.count >= 20_000 else { return Tally(items) }
            let half = items.count / 2
            var (whole, second) = concurrently({ Tally(UnsafeBufferPointer(rebasing: items[..<half])) },
                                               { Tally(UnsafeBufferPointer(rebasing: items[half...])) })
            whole.add(second)
            return whole
        }
        var json = JSONWriter()
        json.beginObject()
        json.number("items", items.count)
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
        return items
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

    var byType = [Int](repeating: 0, count: types.count)
    var customers: IdTable
    var open: [Money] = []

    /// Fields read in place: a copy of each item costs more.
    init(_ items: UnsafeBufferPointer<OpenItem>) {
        customers = IdTable(capacity: items.count / 4)
        for index in items.indices {
            byType[Self.slot(items[index].type)] += 1
            let customer = items[index].customerId
            _ = customers.number(of: customer, hash: IdTable.hash(customer))
            add(items[index].openAmount)
        }
    }

    /// Adds the counts of `other` (items after these).
    mutating func add(_ other: Tally) {
        for slot in byType.indices { byType[slot] += other.byType[slot] }
        for customer in other.customers.all { _ = customers.number(of: customer, hash: IdTable.hash(customer)) }
        for amount in other.open { add(amount) }
    }

    private mutating func add(_ amount: Money) {
        if let slot = open.firstIndex(where: { $0.currency == amount.currency }) {
            open[slot] += amount
        } else {
            open.append(amount)
        }
    }
}

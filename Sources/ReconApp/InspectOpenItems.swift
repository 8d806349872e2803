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
        // Counted in arrays: a dictionary by type and one by currency hashed every item twice (a
        // run has three types and a few currencies). The customers need their table.
        let types: [OpenItemType] = [.invoice, .creditNote, .credit]
        func slot(_ type: OpenItemType) -> Int {
            switch type {
            case .invoice: 0
            case .creditNote: 1
            case .credit: 2
            }
        }
        var byType = [Int](repeating: 0, count: types.count)
        var customers = IdTable(capacity: items.count / 4)
        var open: [Money] = []
        items.withUnsafeBufferPointer { items in  // fields read in place: a copy of each item costs more
            for index in items.indices {
                byType[slot(items[index].type)] += 1
                let customer = items[index].customerId
                _ = customers.number(of: customer, hash: IdTable.hash(customer))
                let amount = items[index].openAmount
                if let slot = open.firstIndex(where: { $0.currency == amount.currency }) {
                    open[slot] += amount
                } else {
                    open.append(amount)
                }
            }
        }
        var json = JSONWriter()
        json.beginObject()
        json.number("items", items.count)
        for type in types {
            json.number(type.rawValue + "s", byType[slot(type)])
        }
        json.number("customers", customers.count)
        json.beginArray("open")
        for amount in open.sorted(by: { $0.currency.code < $1.currency.code }) {
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

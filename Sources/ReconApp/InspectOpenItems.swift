import ReconCore
import ReconFormats

/// `recon inspect --invoices FILE`: what recon reads from an open-items file — items by type,
/// customers, and the open amount per currency — after the same checks as a run (every problem
/// of the file reported with its location). Also the open-items parse of `make bench`.
public enum InspectOpenItems {
    public static func write(path: String, limits: ReadLimits, to writer: FileWriter) throws {
        let file = try limits.open(path)
        var reader = OpenItemsReader()
        let items = try reader.read(file)
        var limit = AmountLimit()  // totals that could pass Int64 are refused, as in a run
        limit.add(items)
        try limit.check()
        var byType: [OpenItemType: Int] = [:]
        var customers = Set<String>()
        var open: [Currency: Money] = [:]
        customers.reserveCapacity(items.count / 4)
        for index in items.indices {  // fields read in place: a copy of each item costs more
            let currency = items[index].amount.currency
            byType[items[index].type, default: 0] += 1
            customers.insert(items[index].customerId)
            open[currency, default: Money(minorUnits: 0, currency: currency)] += items[index].openAmount
        }
        var json = JSONWriter()
        json.beginObject()
        json.number("items", items.count)
        for type in [OpenItemType.invoice, .creditNote, .credit] {
            json.number(type.rawValue + "s", byType[type] ?? 0)
        }
        json.number("customers", customers.count)
        json.beginArray("open")
        for (currency, amount) in open.sorted(by: { $0.key.code < $1.key.code }) {
            json.beginObject()
            json.string("currency", currency.code)
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

import ReconCore

/// summary.json: per currency, counts and totals, and whether everything balances.
public enum SummaryWriter {
    public static func json(_ summary: Summary, decisionsApplied: Int = 0, inputs: [String: [String]]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.bool("balanced", summary.isBalanced)
        json.number("decisions_applied", decisionsApplied)
        json.number("vouchers", summary.vouchers)
        json.number("unbalanced_vouchers", summary.unbalancedVouchers)
        json.beginObject("currencies")
        for entry in summary.currencies {
            json.beginObject(entry.currency.code)
            json.bool("balanced", entry.isBalanced)
            json.number("transactions", entry.transactions)
            json.number("receipts", entry.receipts)
            json.number("settled", entry.settledTransactions)
            json.number("exceptions", entry.exceptions)
            json.number("other_entries", entry.otherEntries)
            json.number("suspense", entry.suspenseTransactions)
            json.string("received", entry.received.formatted())
            json.string("applied", entry.applied.formatted())
            json.string("discounts", entry.discounts.formatted())
            json.string("write_offs", entry.writeOffs.formatted())
            json.string("new_credits", entry.newCredits.formatted())
            json.string("to_suspense", entry.toSuspense.formatted())
            json.string("in_exceptions", entry.inExceptions.formatted())
            json.string("other_entries_amount", entry.otherEntriesAmount.formatted())
            json.endObject()
        }
        json.endObject()
        json.beginObject("inputs")
        for key in inputs.keys.sorted() {
            json.beginArray(key)
            for value in inputs[key]! { json.string(nil, value) }
            json.endArray()
        }
        json.endObject()
        json.endObject()
        return json.text
    }
}

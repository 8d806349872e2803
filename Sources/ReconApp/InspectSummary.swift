import ReconCore
import ReconFormats

/// `recon inspect --format summary`: the same reading and balance checks as `inspect`, but only
/// counts and totals per statement are kept — memory stays flat whatever the file size. This is the
/// parse-only run of `make bench`.
public enum InspectSummary {
    public static func write(path: String, profile: String?, limits: ReadLimits, to writer: FileWriter) throws {
        let reader = try InspectJob.openReader(path: path, profile: profile, limits: limits)
        var statements: [(check: StatementCheck, entries: Int, transactions: Int)] = []
        try reader.forEachRecord { record in
            switch record {
            case .statement(let info):
                statements.append((StatementCheck(info), 0, 0))
            case .entry(let entry):
                statements[statements.count - 1].check.add(entry)
                statements[statements.count - 1].entries += 1
                statements[statements.count - 1].transactions += entry.transactions.count
            }
        }
        var json = JSONWriter()
        json.beginObject()
        json.string("format", reader.format ?? "unknown")
        json.number("entries", statements.map(\.entries).reduce(0, +))
        json.number("transactions", statements.map(\.transactions).reduce(0, +))
        json.beginArray("statements")
        for statement in statements {
            let info = statement.check.info
            json.beginObject()
            json.string("id", info.id)
            json.string("account", info.account)
            json.string("currency", info.currency?.code)
            json.string("opening", info.opening?.formatted())
            json.string("closing", info.closing?.formatted())
            json.string("balance_check", statement.check.result.rawValue)
            json.number("entries", statement.entries)
            json.number("transactions", statement.transactions)
            json.endObject()
        }
        json.endArray()
        json.number("warnings", reader.warnings.count)
        json.endObject()
        try writer.write(json.text)
        try writer.flush()
    }
}

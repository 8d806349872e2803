#if canImport(Glibc)
import Glibc
#endif
import ReconCore
import ReconFormats

/// `recon refund`: pays back customer credit balances of at least `minimum_refund`.
public struct RefundJob: Sendable {
    public var openItemsPath: String
    public var customersPath: String?
    public var customerIds: [String]
    public var configPath: String?
    public var date: CalendarDate?
    public var outputPath: String

    public init(openItemsPath: String, customersPath: String?, customerIds: [String], configPath: String?,
                date: CalendarDate?, outputPath: String) {
        self.openItemsPath = openItemsPath
        self.customersPath = customersPath
        self.customerIds = customerIds
        self.configPath = configPath
        self.date = date
        self.outputPath = outputPath
    }

    public static let outputFiles = ["refunds.csv", "journal.csv", "open-items.csv"]

    public struct Report: Sendable {
        public var result: RefundResult
        public var warnings: [Finding]
    }

    public func run() throws -> Report {
        let config = try configPath.map(ConfigReader.read(path:)) ?? ReconConfig()
        var itemsReader = OpenItemsReader()
        let items = try itemsReader.read(FileByteSource(path: openItemsPath))
        try AmountLimit.check(items: items)
        let customers = try customersPath.map { try CustomersReader.read(FileByteSource(path: $0)) } ?? [:]
        let known = Set(items.map(\.customerId))
        let unknown = customerIds.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw ReconFailure(.dataError, unknown.map { "--customer \($0): no open items for this customer in \(openItemsPath)" })
        }
        let planner = RefundPlanner(policy: config.settlement, accounts: config.accounts)
        let result = planner.plan(openItems: items, customers: customers,
                                  selected: customerIds.isEmpty ? nil : Set(customerIds), date: date ?? Self.today())
        for voucher in result.vouchers where !voucher.isBalanced {
            throw ReconFailure(.internalError, ["internal error: refund voucher \(voucher.entryId) does not balance"])
        }
        let output = try OutputDirectory(path: outputPath)
        try ReportWriters.writeRefunds(result.refunds, to: output.create("refunds.csv"))
        try ReportWriters.writeJournal(result.vouchers, to: output.create("journal.csv"))
        try OpenItemsWriter.write(result.openItems, to: output.create("open-items.csv"))
        try output.commit()
        return Report(result: result, warnings: itemsReader.warnings)
    }

    /// Today in the local time zone.
    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

import Foundation
import PropertyBased
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// journal.hledger and journal.beancount read back by the real tools (where installed) give every
/// voucher's postings: date, account, amount and currency, in order.
@Suite struct JournalToolRoundTripTests {
    static let hledger = installedTool("hledger")
    static let python = installedTool("python3")
    static let beancount: Bool = python.map { (try? runTool($0, ["-c", "import beancount.loader"]))?.status == 0 } ?? false

    typealias Posting = [String]

    /// What the tools must read: one row per line, `index,date,account,amount,currency`.
    static func expected(_ vouchers: [Voucher]) -> [Posting] {
        let names = LedgerAccountNames(input: JournalInput(vouchers: vouchers, settlements: [], newCredits: [],
                                                           accounts: LedgerAccounts(), transactions: []))
        return vouchers.enumerated().flatMap { index, voucher in
            voucher.lines.map { [String(index + 1), voucher.date.description, names.name(of: $0.account),
                                 $0.amount.formatted(), voucher.currency.code] }
        }
    }

    static func write(_ vouchers: [Voucher], _ name: String, in temporary: TemporaryDirectory,
                      _ writer: (JournalInput, FileWriter) throws -> Void) throws -> String {
        let input = JournalInput(vouchers: vouchers, settlements: [], newCredits: [], accounts: LedgerAccounts(), transactions: [])
        return try WriterRoundTripTests.write(name, in: temporary) { try writer(input, $0) }
    }

    /// An amount as the tool printed it, in recon's form (`-12.3` → `-12.30` for EUR).
    static func normalized(_ text: String, _ code: String) -> String {
        guard let currency = Currency(code: code), let value = try? Money.parse(text, currency: currency,
                                                                                 format: AmountFormat(allowsExcessZeroDecimals: true))
        else { return text }
        return value.formatted()
    }

    @Test(.enabled(if: hledger != nil, "hledger is not installed"))
    func hledgerReadsEveryPosting() async {
        await propertyCheck(count: 15, input: RandomVouchers.vouchers.filter { !$0.isEmpty }) { vouchers in
            let temporary = TemporaryDirectory()
            let path = try! Self.write(vouchers, HledgerJournalWriter.fileName, in: temporary, HledgerJournalWriter.write)
            let printed = try! runTool(Self.hledger!, ["print", "-f", path, "-O", "csv"])
            #expect(printed.status == 0, "\(printed.stderr)")
            let rows = try! WriterRoundTripTests.records(try! Self.writeText(printed.stdout, in: temporary)).dropFirst()
            let postings = rows.map { [$0[0], $0[1], $0[7], Self.normalized($0[8], $0[9]), $0[9]] }
            #expect(postings == Self.expected(vouchers))
        }
    }

    @Test(.enabled(if: beancount, "beancount is not installed"))
    func beancountReadsEveryPosting() async {
        let script = """
            import sys
            from beancount import loader
            from beancount.core import data
            entries, errors, _ = loader.load_file(sys.argv[1])
            for error in errors: print("error", error.message, file=sys.stderr)
            index = 0
            for entry in entries:
                if isinstance(entry, data.Transaction):
                    index += 1
                    for posting in entry.postings:
                        print(f"{index},{entry.date},{posting.account},{format(posting.units.number, 'f')},{posting.units.currency}")
            """
        await propertyCheck(count: 15, input: RandomVouchers.vouchers.filter { !$0.isEmpty }) { vouchers in
            let temporary = TemporaryDirectory()
            let path = try! Self.write(vouchers, BeancountJournalWriter.fileName, in: temporary, BeancountJournalWriter.write)
            let loaded = try! runTool(Self.python!, ["-c", script, path])
            #expect(loaded.status == 0 && loaded.stderr.isEmpty, "\(loaded.stderr)")
            let postings = loaded.stdout.split(separator: "\n").map { line -> Posting in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return [fields[0], fields[1], fields[2], Self.normalized(fields[3], fields[4]), fields[4]]
            }
            #expect(postings == Self.expected(vouchers))
        }
    }

    static func writeText(_ text: String, in temporary: TemporaryDirectory) throws -> String {
        temporary.write("printed.csv", text)
    }
}

import Foundation
import Testing
import ReconCore
import ReconFormats
import ReconTestSupport
@testable import ReconApp

/// Every journal format on the demo and on the settlement cases with discounts, credit notes,
/// write-offs, overpayment credits, decisions and suspense, compared with the reviewed files in
/// fixtures/journals/<case>/.
@Suite struct JournalGoldenTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let directory: String
        let banks: [String]
        let config: String?
        let decisions: String?
        var description: String { name }
    }

    static let cases: [Case] = {
        let demo = TestPaths.fixture("demo")
        var cases = [Case(name: "demo", directory: demo, banks: ["statement.camt053.xml", "bank.csv"],
                          config: demo + "/recon.toml", decisions: nil)]
        for name in ["02-full-payment-with-discount", "04-credit-notes", "05-tolerances", "06a-overpaid-discount-specific",
                     "08-decisions"] {
            let directory = TestPaths.fixture("settlement/" + name)
            func input(_ file: String) -> String? {
                FileManager.default.fileExists(atPath: directory + "/" + file) ? directory + "/" + file : nil
            }
            cases.append(Case(name: name, directory: directory, banks: ["bank.csv"], config: input("recon.toml"),
                              decisions: input("decisions.csv")))
        }
        return cases
    }()

    static let formats: [JournalFormat] = [
        .d365, .hledger, .beancount, .sie,
        .template(path: TestPaths.root + "/templates/journals/norway-semicolon.csv.mustache"),
        .template(path: TestPaths.root + "/templates/journals/vouchers.xml.mustache"),
    ]

    func run(_ testCase: Case, into out: TemporaryDirectory) throws -> ReconcileJob.Report {
        let job = ReconcileJob(invoicesPath: testCase.directory + "/invoices.csv",
                               bankPaths: testCase.banks.map { testCase.directory + "/" + $0 },
                               configPath: testCase.config, decisionsPath: testCase.decisions, outputPath: out.path,
                               journalFormats: Self.formats)
        return try job.run()
    }

    @Test(arguments: cases)
    func journalsMatchTheirGoldenFiles(testCase: Case) throws {
        let out = TemporaryDirectory()
        let report = try run(testCase, into: out)
        let journals = report.files.filter { !(ReconcileJob.outputFiles + ReconcileJob.reportFiles).contains($0) }
        #expect(journals.contains("journal.hledger") && journals.contains("journal.beancount")
                && journals.contains("journal-norway-semicolon.csv") && journals.contains("journal-vouchers.xml"))
        #expect(journals.contains { $0.hasSuffix(".se") })
        for name in journals {
            let bytes = try #require(FileManager.default.contents(atPath: out.path + "/" + name))
            if name.hasSuffix(".se") {
                Golden.check(bytes: [UInt8](bytes), fixture: "journals/\(testCase.name)/\(name)")
            } else {
                Golden.check(String(decoding: bytes, as: UTF8.self), fixture: "journals/\(testCase.name)/\(name)")
            }
        }
    }

    /// The D365 lines credit the customers with exactly the bank money of each voucher, and mark
    /// every invoice with exactly what recon settled on it.
    @Test(arguments: cases)
    func d365LinesApplyExactlyReconsSettlement(testCase: Case) throws {
        let out = TemporaryDirectory()
        let report = try run(testCase, into: out)
        let result = report.result
        let input = JournalInput(vouchers: result.vouchers, settlements: result.settlements, newCredits: result.newCredits,
                                 accounts: LedgerAccounts(), transactions: [])
        let lines = D365PaymentLines.build(input)
        for voucher in result.vouchers {
            let bankMoney = voucher.lines.filter { $0.account == "1920" }.reduce(Money.zero(voucher.currency)) { $0 + $1.amount }
            let credited = lines.filter { $0.voucher == voucher.number && $0.offsetAccount == "1920" }
                .reduce(Money.zero(voucher.currency)) { $0 + $1.amount }
            #expect(credited == bankMoney, "voucher \(voucher.number)")
        }
        var settledByInvoice: [String: Int64] = [:]
        for row in result.settlements { settledByInvoice[row.entryId + " " + row.invoiceId, default: 0] += row.settled.minorUnits }
        var markedByInvoice: [String: Int64] = [:]
        for line in lines {
            for invoice in line.settledInvoices {
                markedByInvoice[line.entryId + " " + invoice.invoiceId, default: 0] += (invoice.settle + invoice.cashDiscount).minorUnits
            }
        }
        #expect(markedByInvoice == settledByInvoice)
        #expect(!lines.isEmpty)
    }

    /// The plain-text journals pass the tools' own checks, where the tools are installed (skipped,
    /// not failed, without them: `.ci/run` installs them, a developer's machine may not have them).
    @Test(.enabled(if: installedTool("hledger") != nil || installedTool("bean-check") != nil,
                   "neither hledger nor bean-check is installed"),
          arguments: cases)
    func plainTextJournalsPassTheirTools(testCase: Case) throws {
        let hledger = installedTool("hledger"), beanCheck = installedTool("bean-check")
        let out = TemporaryDirectory()
        _ = try run(testCase, into: out)
        if let hledger {
            let result = try runTool(hledger, ["check", "--strict", "-f", out.path + "/journal.hledger"])
            #expect(result.status == 0, "hledger: \(result.stderr)")
            let balance = try runTool(hledger, ["balance", "-f", out.path + "/journal.hledger", "--flat", "--no-total"])
            #expect(balance.stdout.contains("Assets:Bank:1920"))
        }
        if let beanCheck {
            let result = try runTool(beanCheck, [out.path + "/journal.beancount"])
            #expect(result.status == 0, "bean-check: \(result.stdout)\(result.stderr)")
        }
    }
}

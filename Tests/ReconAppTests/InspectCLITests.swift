import Foundation
import Testing
import ReconTestSupport

/// `recon inspect` and `recon profiles`, run as a user would: output, golden files, exit codes.
@Suite struct InspectCLITests {
    let directory = TestPaths.fixture("inspect")

    @Test(arguments: ["statement.camt053.xml", "statement.sta", "bank.csv"])
    func printsTheIssuesJSONShape(_ file: String) throws {
        let result = try runRecon(["inspect", file], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        Golden.check(result.stdout, fixture: "inspect/expected/\(file).json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["format", "statements", "warnings"])
        let statement = try #require((json["statements"] as? [[String: Any]])?.first)
        #expect(Set(statement.keys) == ["id", "account", "currency", "opening", "closing", "balance_check", "entries"])
        let entry = try #require((statement["entries"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["entry_id", "amount", "currency", "booking_date", "value_date", "status", "reversal",
                                    "bank_ref", "transactions"])
        let transaction = try #require((entry["transactions"] as? [[String: Any]])?.first)
        #expect(Set(transaction.keys) == ["amount", "end_to_end_id", "structured_ref", "payer_name", "payer_iban", "text"])
    }

    /// A file of 30,000 items is counted a block at a time as it is read, keeping no items: the
    /// counts are those of the whole — customers in several blocks (one of them spelled with `Å`
    /// in one code point in the first half and as `A` and a combining ring in the second, one
    /// customer as `String` has it, and some only in the second half), the types, the open amount
    /// of each currency to the cent.
    @Test func countsOfAFileReadInPartsAreThoseOfTheWhole() throws {
        let directory = TemporaryDirectory()
        var lines = ["invoice_id,customer_id,currency,amount,invoice_date"]
        var customers = Set<String>(), invoices = 0, creditNotes = 0
        var open: [String: Int64] = [:]
        for row in 0..<30_000 {
            // D… customers only in the second half; ÅRSTAD in both, spelled differently.
            let customer = row % 997 == 0 ? (row < 15_000 ? "\u{C5}RSTAD" : "A\u{30A}RSTAD")
                : row >= 15_000 && row % 7 == 0 ? "D\(row % 50)" : "C\(row % 1_201)"
            let currency = row % 3 == 0 ? "EUR" : "NOK"
            let cents = Int64(row % 5 == 0 ? -(row % 700 + 1) : row * 7 + 3)
            if cents < 0 { creditNotes += 1 } else { invoices += 1 }
            customers.insert(customer)
            open[currency, default: 0] += cents
            let amount = "\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(String(format: "%02d", abs(cents) % 100))"
            lines.append("I\(row),\(customer),\(currency),\(amount),2025-01-\(String(format: "%02d", row % 28 + 1))")
        }
        let path = directory.write("items.csv", lines.joined(separator: "\n") + "\n")
        let result = try runRecon(["inspect", "--invoices", path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["items"] as? Int == 30_000)
        #expect(json["invoices"] as? Int == invoices)
        #expect(json["credit_notes"] as? Int == creditNotes)
        #expect(json["customers"] as? Int == customers.count)
        #expect(customers.count == 1_252)
        let amounts = try #require(json["open"] as? [[String: String]])
        func formatted(_ cents: Int64) -> String {
            "\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(String(format: "%02d", abs(cents) % 100))"
        }
        #expect(amounts == [["currency": "EUR", "amount": formatted(open["EUR"]!)],
                            ["currency": "NOK", "amount": formatted(open["NOK"]!)]])
    }

    /// `inspect --invoices`: counts by type, customers and open amounts per currency (checked by
    /// hand against the demo's invoices.csv: 29 invoices, 1 credit note, 20 customers, NOK
    /// 137,269.75 and EUR 2,060.00 open); a bad file gives every problem and exit 65.
    @Test func openItemsFile() throws {
        let result = try runRecon(["inspect", "--invoices", "../demo/invoices.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        Golden.check(result.stdout, fixture: "inspect/expected/demo-invoices.json")
        let temporary = TemporaryDirectory()
        let bad = temporary.write("items.csv", "invoice_id,customer_id,currency,amount,invoice_date\n"
                                  + "A1,C1,NOK,1.0.0,2025-01-01\nA1,C1,NOK,5.00,2025-01-01\n")
        let failed = try runRecon(["inspect", "--invoices", bad], in: directory)
        #expect(failed.status == 65)
        #expect(failed.stdout == "")
        #expect(failed.stderr.contains("items.csv:2:11: amount: unexpected '.' in amount '1.0.0'"))
        #expect(failed.stderr.contains("items.csv:3:1: invoice_id A1 already on line 2"))
        let neither = try runRecon(["inspect"], in: directory)
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("give either a bank file or --invoices FILE"))
    }

    @Test func csvHasOneRowPerTransactionAndWarningsOnStderr() throws {
        let result = try runRecon(["inspect", "statement.sta", "--format", "csv"], in: directory)
        #expect(result.status == 0)
        Golden.check(result.stdout, fixture: "inspect/expected/statement.sta.csv")
        #expect(result.stdout.split(separator: "\n").count == 1 + 3)
        #expect(result.stderr.hasPrefix("warning: statement.sta:10: statement STARTUMS/00002/001 does not balance"))
        let camt = try runRecon(["inspect", "statement.camt053.xml", "--format", "csv"], in: directory)
        #expect(camt.stdout.split(separator: "\n").count == 1 + 4, "the batch entry gives two rows")
    }

    @Test func aProfileByNameOrPath() throws {
        let temporary = TemporaryDirectory()
        let file = temporary.write("export.txt", "When|What|How much\n2025-01-02|Rent|-900.00\n")
        let profile = temporary.write("mine.toml", """
            description = "mine"
            delimiter = "|"
            currency = "EUR"
            date_formats = ["yyyy-mm-dd"]
            [columns]
            booking_date = "When"
            text = ["What"]
            amount = "How much"
            """)
        let result = try runRecon(["inspect", file, "--profile", profile])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"format\": \"csv:mine\""))
        #expect(result.stdout.contains("\"amount\": \"-900.00\""))
        let unknown = try runRecon(["inspect", file, "--profile", "nosuchbank"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("recon: nosuchbank:1: no built-in profile 'nosuchbank'"))
    }

    @Test func exitCodes() throws {
        let temporary = TemporaryDirectory()
        let missing = try runRecon(["inspect", temporary.path + "/nope.xml"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "recon: \(temporary.path)/nope.xml: no such file\n")
        let unknown = temporary.write("what.txt", "hello\n")
        let refused = try runRecon(["inspect", unknown])
        #expect(refused.status == 65)
        #expect(refused.stdout == "")
        #expect(refused.stderr.hasPrefix("recon: \(unknown):1: unknown bank file format: tried camt.052/053/054 XML"))
        let broken = temporary.write("broken.sta", ":20:X\n:25:A\n:60F:C250301EUR1,00\n:61:250301C500NTRFNONREF\n")
        let bad = try runRecon(["inspect", broken])
        #expect(bad.status == 65)
        #expect(bad.stdout == "", "a file with errors prints nothing but the errors")
        #expect(bad.stderr == "recon: \(broken):4: :61: amount '500' has no decimal comma\n")
        #expect(try runRecon(["inspect", unknown, "--format", "yaml"]).status == 64)
        #expect(try runRecon(["inspect"]).status == 64)
    }

    @Test func aConfiguredSizeLimit() throws {
        let process = try runRecon(["inspect", "statement.sta"], in: directory, environment: ["RECON_MAX_FILE_SIZE": "100"])
        #expect(process.status == 65)
        #expect(process.stderr.hasPrefix("recon: statement.sta:1: file is "))
        let wrong = try runRecon(["inspect", "statement.sta"], in: directory, environment: ["RECON_MAX_FILE_SIZE": "lots"])
        #expect(wrong.status == 64)
    }

    @Test func profilesListsTheBuiltIns() throws {
        let result = try runRecon(["profiles"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
        #expect(names.contains("generic") && names.contains("no-bank") && names.contains("no-bank-kid")
                && names.contains("mt940-cp852"))
        #expect(names == names.sorted())
        #expect(result.stdout.split(separator: "\n").contains {
            $0.hasPrefix("no-bank ") && $0.hasSuffix("  csv    Norwegian bank export: Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto")
        })
    }
}

import Foundation
import Testing
import ReconTestSupport

/// Runs the built executable, as a user would, and checks its output and exit code.
@Suite struct CLITests {
    let demo = TestPaths.fixture("demo")

    func reconcile(_ extra: [String], out: String) throws -> ProcessResult {
        try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/statement.camt053.xml",
                      "--bank", demo + "/bank.csv", "--out", out] + extra)
    }

    @Test func successPrintsABalancedSummary() throws {
        let directory = TemporaryDirectory()
        let result = try reconcile([], out: directory.path + "/out")
        #expect(result.status == 0)
        #expect(result.stdout.contains("balanced: true"))
        #expect(result.stdout.contains("NOK       119198.75"))
        #expect(TemporaryDirectory.list(directory.path + "/out").count == 9)
    }

    /// The executable's `malloc` is mimalloc's (linked to come before glibc's), with huge pages for
    /// the commands that hold a run in memory and not for `inspect`; the environment can turn them off.
    @Test func theExecutableAllocatesWithMimalloc() throws {
        let directory = TemporaryDirectory()
        let timings = ["RECON_TIMINGS": "1"]
        let inspect = try runRecon(["inspect", demo + "/bank.csv", "--format", "summary"], environment: timings)
        #expect(inspect.stderr.contains("timing: allocator mimalloc 2."), "\(inspect.stderr)")
        #expect(inspect.stderr.contains("huge pages off"))
        let run = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv",
                                "--out", directory.path + "/a", "--quiet"], environment: timings)
        #expect(run.status == 0 && run.stderr.contains("timing: allocator mimalloc 2.") && run.stderr.contains("huge pages on"))
        let small = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv",
                                  "--out", directory.path + "/b", "--quiet"],
                                 environment: timings.merging(["MIMALLOC_LARGE_OS_PAGES": "0"]) { $1 })
        #expect(small.status == 0 && small.stderr.contains("huge pages off"))
    }

    @Test func sameInputsGiveByteIdenticalOutputs() throws {
        let directory = TemporaryDirectory()
        #expect(try reconcile([], out: directory.path + "/a").status == 0)
        #expect(try reconcile([], out: directory.path + "/b").status == 0)
        for name in TemporaryDirectory.list(directory.path + "/a") where name != "summary.json" {
            #expect(directory.read("a/" + name) == directory.read("b/" + name), "\(name)")
        }
    }

    @Test func usageErrorsExit64() throws {
        let result = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '--out <out>'"))
        #expect(try runRecon(["frobnicate"]).status == 64)
    }

    @Test func badDataExits65AndWritesNothing() throws {
        let directory = TemporaryDirectory()
        let invoices = directory.write("invoices.csv", """
            invoice_id,customer_id,currency,amount,invoice_date
            A,C1,EUR,12.3.4,2025-01-01
            B,C1,EUR,1.00,2026-02-30
            """)
        directory.write("out/keep.txt", "mine")
        directory.write("out/journal.csv", "previous run")
        let result = try runRecon(["reconcile", "--invoices", invoices, "--bank", demo + "/bank.csv",
                                   "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr == """
            recon: \(invoices):2:10: amount: unexpected '.' in amount '12.3.4'
            recon: \(invoices):3:15: invoice_date: '2026-02-30' is not a date (YYYY-MM-DD)

            """)
        #expect(TemporaryDirectory.list(directory.path + "/out") == ["journal.csv", "keep.txt"])
        #expect(directory.read("out/journal.csv") == "previous run")
    }

    @Test func badBankFileExits65WithItsLocation() throws {
        let directory = TemporaryDirectory()
        let bank = directory.write("bank.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY a "b">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
            """)
        let result = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", bank,
                                   "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("recon: \(bank):2:"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    @Test func missingInputExits66() throws {
        let directory = TemporaryDirectory()
        let result = try runRecon(["reconcile", "--invoices", directory.path + "/nope.csv", "--bank", demo + "/bank.csv",
                                   "--out", directory.path + "/out"])
        #expect(result.status == 66)
        #expect(result.stderr == "recon: \(directory.path)/nope.csv: no such file\n")
        #expect(directory.files.isEmpty)
    }

    @Test func unwritableOutputExits74() throws {
        let directory = TemporaryDirectory()
        let file = directory.write("plain-file", "x")
        let result = try reconcile([], out: file + "/out")
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("recon: \(file)"))
    }

    @Test func unknownConfigKeyExits65WithItsLine() throws {
        let directory = TemporaryDirectory()
        let config = directory.write("recon.toml", "[accounts]\nbank = \"1920\"\nbnak = \"1921\"\n")
        let result = try reconcile(["--config", config], out: directory.path + "/out")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("recon: \(config):3: [accounts] bnak: unknown key"))
    }
}

@Suite struct ReconcileProfileTests {
    @Test func aProfileOverridesDetection() throws {
        let directory = TemporaryDirectory()
        let demo = TestPaths.fixture("demo")
        // The demo CSV read with a profile that does not fit it fails; with `generic` it works.
        let wrong = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv",
                                  "--profile", "no-bank", "--out", directory.path + "/a"])
        #expect(wrong.status == 65)
        let right = try runRecon(["reconcile", "--invoices", demo + "/invoices.csv", "--bank", demo + "/bank.csv",
                                  "--profile", "generic", "--out", directory.path + "/b"])
        #expect(right.status == 0)
        #expect(directory.read("b/summary.json")?.contains("csv:generic") == true)
    }
}

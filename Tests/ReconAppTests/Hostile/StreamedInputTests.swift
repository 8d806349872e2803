import Foundation
import Testing
import ReconTestSupport

/// Inputs too big or too sly for a file in the repository, generated on the fly and fed to
/// `recon reconcile` through a named pipe: nothing is committed, nothing touches the disk.
@Suite struct StreamedInputTests {
    static let demo = TestPaths.fixture("demo")
    /// 2 GB: libxml2 streams it in about 2.5 s (debug build), so the full size is always on.
    static let hugeBytes = 2_000_000_000

    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
        <GrpHdr><MsgId>HUGE</MsgId><CreDtTm>2025-03-31T10:00:00</CreDtTm></GrpHdr>
        <Stmt><Id>S</Id><Acct><Id><IBAN>NO7215036123459</IBAN></Id><Ccy>NOK</Ccy></Acct>
        <Ntry><Amt Ccy="NOK">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-10</Dt></BookgDt>
        <NtryDtls><TxDtls><RmtInf>
        """
    static let tail = "</RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>\n"

    /// A single 2 GB text node in the remittance text, which recon keeps: refused at 1 MiB, long
    /// before the rest arrives.
    @Test func aHugeTextNodeThatRecordsKeepIsRefusedAtItsLimit() throws {
        let run = try StreamedRun(head: Self.head + "<Ustrd>", count: Self.hugeBytes, tail: "</Ustrd>" + Self.tail)
        #expect(run.status == 65)
        // The column is where the limit was crossed, which depends on how the pipe's bytes arrive.
        let prefix = "recon: \(run.fifo):6:", suffix = ": text value longer than 1048576 bytes\n"
        #expect(run.stderr.hasPrefix(prefix) && run.stderr.hasSuffix(suffix), "\(run.stderr)")
        let column = Int(run.stderr.dropFirst(prefix.count).prefix { $0.isNumber }) ?? 0
        #expect(column > 1 << 20 && column < 4 << 20, "column \(column)")
        #expect(run.written < 64 << 20, "recon stopped reading at the limit (\(run.written) bytes were taken)")
        #expect(run.peakMiB < 256, "peak memory \(run.peakMiB) MiB")
    }

    /// The same 2 GB text node in an element recon skips: streamed through in full, memory flat
    /// (26 MiB peak, measured).
    @Test(.timeLimit(.minutes(10)))
    func aHugeTextNodeRecordsSkipIsStreamed() throws {
        let head = Self.head + "<Ustrd>Faktura 100016</Ustrd><Xtra>", tail = "</Xtra>" + Self.tail
        let run = try StreamedRun(head: head, count: Self.hugeBytes, tail: tail)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.written == head.utf8.count + Self.hugeBytes + tail.utf8.count, "every byte was read")
        #expect(run.peakMiB < 256, "peak memory \(run.peakMiB) MiB for a \(Self.hugeBytes >> 20) MiB text node")
        print("StreamedInputTests: \(run.written) bytes streamed, peak memory \(run.peakMiB) MiB")
        #expect(try String(contentsOfFile: run.out + "/exceptions.csv", encoding: .utf8).contains("Faktura 100016"))
    }

    /// An external entity or DTD naming a local file: refused, and the file is never even opened.
    /// The file is a named pipe whose writer waits until someone opens it for reading.
    @Test(arguments: ["<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file://FILE\">]>\n<Document>&xxe;</Document>",
                      "<!DOCTYPE Document SYSTEM \"file://FILE\">\n<Document/>",
                      "<!DOCTYPE d [<!ENTITY % p SYSTEM \"file://FILE\"> %p;]>\n<Document/>"])
    func externalEntitiesAreNeverOpened(_ body: String) throws {
        let directory = TemporaryDirectory()
        let secret = directory.path + "/secret"
        try #require(mkfifo(secret, 0o600) == 0)
        let opened = WaitingWriter(path: secret)
        let bank = directory.write("xxe.xml", "<?xml version=\"1.0\"?>\n" + body.replacingOccurrences(of: "FILE", with: secret))
        let result = try runRecon(["reconcile", "--invoices", Self.demo + "/invoices.csv", "--bank", bank,
                                   "--out", directory.path + "/out"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("recon: \(bank):2:"))
        #expect(result.stderr.hasSuffix(": a DOCTYPE is not allowed in bank files (entities are never expanded)\n"))
        #expect(!opened.happened, "recon opened the file an entity names")
        opened.release()
    }
}

import Testing
import ReconCore
@testable import ReconFormats
import ReconTestSupport

/// Detection from content, the `--profile` override, and what is refused before reading.
@Suite struct BankFileTests {
    func detect(_ text: String) -> String {
        switch BankFile.detect(head: Array(text.utf8)) {
        case .camt: return "camt"
        case .mt940: return "mt940"
        case .csv(let profile): return "csv:" + profile.name
        case .unknown: return "unknown"
        }
    }

    @Test func detectsFromContentNotFromTheName() {
        #expect(detect("\u{FEFF}  <?xml version=\"1.0\"?><Document/>") == "camt")
        #expect(detect("{1:F01ABNANL2AXXX0000000000}{2:I940ABNANL2AXXXN}{4:\n:20:ABN AMRO BANK NV\n") == "mt940")
        #expect(detect("\u{01}\n:20:ST170119CYC/1\n") == "mt940")
        #expect(detect(":61:110701CN50,00NZ10NONREF\n") == "mt940")
        #expect(detect("booking_date;amount;currency\n") == "csv:generic")
        #expect(detect("Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n") == "csv:no-bank")
        #expect(detect("Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;Inn på konto;Arkivreferanse;Ende-til-ende-ID\n") == "csv:no-bank-kid")
        #expect(detect("K|32000|244081|EUR\n| POS|20190311|FORSTINGER |-89.30|\n") == "csv:raiffeisen-at")
        #expect(detect("1\n2\n3\n") == "unknown")
    }

    @Test func theHeaderThatNamesMoreColumnsWins() {
        // OCA's D/C layout also has Date, Label and Amount, the plain sheet layout's columns.
        #expect(detect("\"Date\",\"Label\",\"Amount\",\"D/C\",\"Balance\",\"Partner Name\",\"Bank Account\"\n") == "csv:oca-sheet-dc")
        #expect(detect("\"Date\",\"Label\",\"Amount\",\"Balance\",\"Partner Name\",\"Bank Account\"\n") == "csv:oca-sheet")
    }

    /// Profiles that read the head alike share its rows (`ProfileDetector.HeadMemo`): one that
    /// searches fewer lines must not see a header further down, and one that searches more must
    /// read on from where the others stopped, not from the head's start.
    @Test func profilesSharingADialectSeeTheSameRowsAsEachOnItsOwn() throws {
        func profile(_ name: String, searching lines: Int, _ columns: [String]) throws -> BankProfile {
            var toml = "name = \"\(name)\"\ndelimiter = \";\"\ncurrency = \"EUR\"\ndate_formats = [\"yyyy-mm-dd\"]\nheader_search_lines = \(lines)\n[columns]\n"
            toml += "booking_date = \"\(columns[0])\"\namount = \"\(columns[1])\"\n"
            if columns.count > 2 { toml += "text = [\"\(columns[2])\"]\n" }
            return try BankProfile.parse(toml: toml, path: "\(name).toml", defaultName: name)
        }
        let head = Array("preamble\nnote\nP;Q\nX;Y;Z\n2025-01-02;1.00;text\n".utf8)
        func detected(_ profiles: [BankProfile]) -> String? {
            guard case .csv(let found) = BankFile.detect(head: head, profiles: profiles) else { return nil }
            return found.name
        }
        let early = try profile("early", searching: 2, ["X", "Y"])  // rows 0 and 1 only: no header
        let pq = try profile("pq", searching: 5, ["P", "Q"])  // row 2, two names
        let xyz = try profile("xyz", searching: 5, ["X", "Y", "Z"])  // row 3, three names
        let shortXYZ = try profile("xyz", searching: 3, ["X", "Y", "Z"])
        #expect(detected([early, pq, xyz]) == "xyz")
        #expect(detected([xyz, pq, early]) == "xyz")
        #expect(detected([early, pq, shortXYZ]) == "pq", "three lines end before X;Y;Z")
        #expect(detected([early]) == nil, "two lines end before X;Y")
        #expect(detected([early, try profile("late", searching: 4, ["X", "Y"])]) == "late")
    }

    @Test func aFileThatMatchesNothingSaysWhatWasTried() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("statement.txt", "Hello,world\n1,2\n")
        let findings = readError { _ = try BankFile.open(path: path) }
        let message = try #require(findings.first?.description)
        #expect(message.hasPrefix("\(path):1: unknown bank file format: tried camt.052/053/054 XML"))
        #expect(message.contains("MT940/MT942"))
        #expect(message.contains("no-bank-kid"))
        let empty = directory.write("empty.csv", "")
        #expect(readError { _ = try BankFile.open(path: empty) }.first?.message.hasPrefix("empty file") == true)
    }

    @Test func aProfileOverridesDetection() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("s.sta", ":20:X\n:25:A\n:60F:C250301EUR1,00\n:61:250301C1,00NTRFNONREF\n:86:Gr\u{00FC}\u{00DF}e\n:62F:C250301EUR2,00\n")
        let latin1 = try ProfileCatalog.profile("mt940-latin1")
        let reader = try BankFile.open(path: path, profile: latin1)
        let result = try drain(reader)
        #expect(result.transactions.first?.text == "GrÃ¼Ã\u{009F}e", "read as ISO-8859-1 because the profile says so")
    }

    @Test func aUsersOwnProfileFileWorksWhereANameDoes() throws {
        let directory = TemporaryDirectory()
        let profilePath = directory.write("mybank.toml", """
            description = "My bank"
            delimiter = "|"
            currency = "EUR"
            date_formats = ["yyyy-mm-dd"]
            [columns]
            booking_date = "When"
            amount = "How much"
            """)
        let profile = try ProfileCatalog.profile(profilePath)
        #expect(profile.name == "mybank")
        let path = directory.write("b.txt", "When|How much\n2025-01-02|12.50\n")
        let result = try drain(BankFile.open(path: path, profile: profile))
        #expect(result.format == "csv:mybank")
        #expect(result.entries.first?.amount.formatted() == "12.50")
        let unknown = readError { _ = try ProfileCatalog.profile("nosuchbank") }
        #expect(unknown.first?.message.hasPrefix("no built-in profile 'nosuchbank'") == true)
    }

    @Test func aFileOverTheLimitIsRefusedBeforeReading() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("big.csv", "booking_date,amount,currency\n" + String(repeating: "2025-01-01,1.00,EUR\n", count: 100))
        var limits = ReadLimits.standard
        limits.maxFileBytes = 1000
        let findings = readError { _ = try BankFile.open(path: path, limits: limits) }
        #expect(findings.map(\.description) == ["\(path):1: file is 2029 bytes, over the limit of 1000 (RECON_MAX_FILE_SIZE raises it)"])
        #expect(ReadLimits.parseSize("4GiB") == 4 << 30)
        #expect(ReadLimits.parseSize("500MB") == 500_000_000)
        #expect(ReadLimits.parseSize("1048576") == 1_048_576)
        #expect(ReadLimits.parseSize("lots") == nil)
    }

    @Test func aCSVRecordOverOneMebibyteIsRefused() throws {
        let text = "booking_date,amount,currency,text\n2025-01-01,1.00,EUR," + String(repeating: "x", count: (1 << 20) + 10) + "\n"
        let findings = readError { _ = try readCSV(text, try profile("generic")) }
        #expect(findings.map(\.description) == ["b.csv:2: record longer than 1048576 bytes"])
    }

    @Test func xmlEntitiesAndDeepNestingAreRefusedWithTheirLocation() throws {
        let directory = TemporaryDirectory()
        let doctype = directory.write("d.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<Document/>\n")
        #expect(readError { _ = try drain(BankFile.open(path: doctype)) }.first?.location.line == 2)
        let deep = directory.write("n.xml", "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300))
        let findings = readError { _ = try drain(BankFile.open(path: deep)) }
        #expect(findings.first?.message == "elements nested deeper than 256 levels")
    }

    @Test func markersAreCountedAsTheStandardLibraryCountsThem() {
        var generator = SplitMix64(seed: 61)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let marker = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            #expect(BankFile.occurrences(of: marker, in: bytes) == bytes.ranges(of: marker).count, "\(marker) in \(bytes)")
        }
    }

    @Test func theEntriesOfTheHeadAreScaledToTheFile() {
        #expect(BankFile.occurrences(of: Array("Ntry>".utf8), in: Array("<Ntry><NtryRef>1</NtryRef></Ntry><Ntry>".utf8)) == 3)
        #expect(BankFile.occurrences(of: [0x0A], in: Array("a\nb\n\n".utf8)) == 3)
        #expect(BankFile.occurrences(of: Array(":61:".utf8), in: Array(":61".utf8)) == 0)
        #expect(BankFile.occurrences(of: Array("aa".utf8), in: Array("aaaaa".utf8)) == 2, "not overlapping")
        #expect(BankFile.expectedEntries(0, head: 1000, size: 10_000) == 0)
        #expect(BankFile.expectedEntries(7, head: 1000, size: 1000) == 7, "the whole file was seen")
        #expect(BankFile.expectedEntries(7, head: 1000, size: nil) == 7)
        #expect(BankFile.expectedEntries(100, head: 1000, size: 10_000) == 1062, "ten times as many, a sixteenth more")
        #expect(BankFile.expectedEntries(65_536, head: 65_536, size: Int.max) == Int.max, "never past the file's bytes")
    }

    /// Files larger than the head, with a known number of entries: the estimate is near it and not below.
    @Test func aLargeFileSaysAboutHowManyEntriesItHolds() throws {
        let directory = TemporaryDirectory()
        let count = 2_000
        let entry = "<Ntry><Amt Ccy=\"NOK\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-01</Dt></BookgDt><NtryRef>REF</NtryRef></Ntry>\n"
        let camt = directory.write("big.xml", "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>\n"
            + String(repeating: entry, count: count) + "</Stmt></BkToCstmrStmt></Document>\n")
        let row = "2025-03-01;100,00;NOK;Payment from someone with a longer text\n"
        let csv = directory.write("big.csv", "booking_date;amount;currency;text\n" + String(repeating: row, count: count * 3))
        let mt940 = directory.write("big.sta", ":20:X\n:25:A\n:60F:C250301NOK1,00\n"
            + String(repeating: ":61:250301C100,00NTRFNONREF\n:86:Payment from someone\n", count: count) + ":62F:C250301NOK2,00\n")
        for (path, entries) in [(camt, count), (csv, count * 3), (mt940, count)] {
            let expected = try BankFile.opened(path: path).expectedEntries
            #expect(expected >= entries && expected <= entries * 9 / 8, "\(path): \(expected) for \(entries)")
        }
    }
}

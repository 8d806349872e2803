import Testing
import ReconCore
@testable import ReconFormats

func records(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20) throws -> [[String]] {
    let reader = CSVReader(source: MemoryByteSource(text, path: "t.csv"), delimiter: delimiter.asciiValue!,
                           chunkSize: chunkSize)
    try reader.skipByteOrderMark()
    var rows: [[String]] = []
    while try reader.next() {
        rows.append((0..<reader.fieldCount).map { reader.string($0) ?? "<invalid>" })
    }
    return rows
}

func readError(_ body: () throws -> Void) -> [Finding] {
    do {
        try body()
    } catch ReadError.invalid(let findings) {
        return findings
    } catch {
        Issue.record("unexpected error \(error)")
    }
    return []
}

@Suite struct CSVReaderTests {
    @Test func readsRFC4180Quoting() throws {
        let text = "a,b,c\n\"x,1\",\"he said \"\"hi\"\"\",\"multi\nline\"\n,,\n"
        #expect(try records(text) == [["a", "b", "c"], ["x,1", "he said \"hi\"", "multi\nline"], ["", "", ""]])
    }

    @Test func sameResultWhateverTheChunkSize() throws {
        let text = "id,name,amount\r\n1,\"Ola \"\"Nordmann\"\"\",12.50\r\n2,Kari,\"1,5\"\r\n\r\n3,\"\",0\n"
        let expected = try records(text)
        for size in [16, 17, 19, 23, 64] {
            #expect(try records(text, chunkSize: size) == expected, "chunk \(size)")
        }
        #expect(expected.count == 4)
    }

    @Test func handlesBOMCRLFLoneCRAndNoFinalNewline() throws {
        #expect(try records("\u{FEFF}a;b\r\n1;2", delimiter: ";") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
    }

    @Test func reportsLineAndColumnOfFields() throws {
        let reader = CSVReader(source: MemoryByteSource("a,b\n\"x\ny\",zz\n", path: "f.csv"))
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(reader.recordLine == 2)
        #expect(reader.location(ofField: 1).description == "f.csv:3:4")
    }

    @Test func unterminatedQuoteIsAnErrorAtTheField() {
        let findings = readError { _ = try records("a,b\n1,\"open\n2,3\n") }
        #expect(findings.map(\.description) == ["t.csv:2:3: unterminated quoted field"])
    }

    @Test func strayQuotesAreErrorsUnlessLenient() throws {
        #expect(readError { _ = try records("a,b\n1,x\"y\n") }.first?.message == "quote inside an unquoted field")
        #expect(readError { _ = try records("a,b\n\"1\"x,2\n") }.first?.message == "text after the closing quote of a field")
        let reader = CSVReader(source: MemoryByteSource("1,x\"y\n"))
        reader.lenientQuotes = true
        #expect(try reader.next())
        #expect(reader.string(1) == "x\"y")
    }

    @Test func refusesOverlongRecords() {
        let long = String(repeating: "x", count: 2000)
        let findings = readError {
            let reader = CSVReader(source: MemoryByteSource("a\n" + long + "\n", path: "t.csv"))
            reader.maxRecordBytes = 1000
            while try reader.next() {}
        }
        #expect(findings.first?.message == "record longer than 1000 bytes")
    }

    @Test func invalidUTF8IsReportedNotReplaced() throws {
        let reader = CSVReader(source: MemoryByteSource([0x61, 0x2C, 0xFF, 0xFE, 0x0A], path: "t.csv"))
        #expect(try reader.next())
        #expect(reader.string(1) == nil)
        #expect(throws: ReadError.self) { try reader.text(1) }
    }

    @Test func detectsTheDelimiterFromTheHeader() {
        #expect(CSVDialect.detectDelimiter(headerLine: Array("a;b;c".utf8)) == UInt8(ascii: ";"))
        #expect(CSVDialect.detectDelimiter(headerLine: Array("a,b;c,d".utf8)) == UInt8(ascii: ","))
        #expect(CSVDialect.detectDelimiter(headerLine: Array("\"a,b\";c".utf8)) == UInt8(ascii: ";"))
    }
}

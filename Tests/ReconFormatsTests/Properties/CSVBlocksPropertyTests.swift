import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// Reading a CSV file in blocks, two at a time on two cores, gives what one reader gives: the same
/// items, or the same problems at the same lines and columns — whatever the cuts, quoted fields
/// across lines, duplicates, bad rows and syntax errors.
@Suite struct CSVBlocksPropertyTests {
    /// A random open-items file: repeated ids, quoted names across lines, bad amounts and dates,
    /// blank lines, CRLF, and now and then a syntax error or an unterminated quote at the end.
    static func openItemsFile(_ random: inout SplitMix64) -> String {
        let newline = Bool.random(using: &random) ? "\r\n" : "\n"
        var text = "invoice_id,customer_id,customer_name,currency,amount,invoice_date,cash_discount" + newline
        let rows = Int.random(in: 0...60, using: &random)
        for _ in 0..<rows {
            let id = "INV-\(Int.random(in: 1...40, using: &random))"
            let names = ["Acme", "\"Nord, AS\"", "\"Line\none\"", "\"Say \"\"hi\"\"\nand\r\nbye\"", "", "  Hansen  "]
            let amounts = ["100.00", "-25.50", "12", "1.2.3", "", "0.00", "99.999"]
            let dates = ["2025-01-03", "2025-13-01", "", "2025-02-28"]
            let discounts = ["", "2%/10", "3%/8 1%/14", "x%/1"]
            let currency = ["NOK", "EUR", "XXQ", ""].randomElement(using: &random)!
            text += [id, "C\(Int.random(in: 1...5, using: &random))", names.randomElement(using: &random)!, currency,
                     amounts.randomElement(using: &random)!, dates.randomElement(using: &random)!,
                     discounts.randomElement(using: &random)!].joined(separator: ",") + newline
            if Int.random(in: 0..<20, using: &random) == 0 { text += newline }
            if Int.random(in: 0..<150, using: &random) == 0 { text += "A,B\"C,D" + newline }
        }
        if Int.random(in: 0..<15, using: &random) == 0 { text += "INV-9,C1,\"open to the end" }
        return text
    }

    enum Outcome<Value: Equatable>: Equatable {
        case read(Value)
        case failed(String)

        init(_ body: () throws -> Value) {
            do { self = .read(try body()) } catch { self = .failed("\(error)") }
        }
    }

    static func read(_ text: String, blockSize: Int?) -> Outcome<[OpenItem]> {
        var reader = OpenItemsReader()
        reader.blockSize = blockSize
        return Outcome { try reader.read(MemoryByteSource(text, path: "items.csv")) }
    }

    @Test func openItemsInBlocksAsInOneReader() {
        var random = SplitMix64(seed: 20261122)
        for _ in 0..<400 {
            let text = Self.openItemsFile(&random)
            let single = Self.read(text, blockSize: nil)
            for blockSize in [16, 40, 97, 256, 1000] {
                let blocks = Self.read(text, blockSize: blockSize)
                #expect(blocks == single, "block size \(blockSize):\n\(text)")
                if blocks != single { return }
            }
        }
    }

    /// Records as `line: fields`, and the error that stopped reading, by one reader.
    static func records(_ text: String, maxRecordBytes: Int) -> [String] {
        let reader = CSVReader(source: MemoryByteSource(text, path: "f.csv"))
        reader.maxRecordBytes = maxRecordBytes
        var records: [String] = []
        do {
            while try reader.next() { records.append(Self.record(reader)) }
        } catch {
            records.append("\(error)")
        }
        return records
    }

    static func record(_ reader: CSVReader, lineOffset: Int = 0) -> String {
        "\(reader.recordLine + lineOffset): " + (0..<reader.fieldCount).map { reader.string($0) ?? "?" }.joined(separator: "|")
    }

    /// The same through `CSVBlocks`, the rest left to one reader where a line is too long to cut.
    static func recordsInBlocks(_ text: String, blockSize: Int, maxRecordBytes: Int) -> [String] {
        let blocks = CSVBlocks<[String]>(
            path: "f.csv", buffered: [], source: MemoryByteSource(text, path: "f.csv"), line: 1,
            blockSize: blockSize, maxRecordBytes: maxRecordBytes,
            makeReader: { source, line in
                let reader = CSVReader(source: source, firstLine: line)
                reader.maxRecordBytes = maxRecordBytes
                return reader
            },
            read: { _, reader, rows in
                while try reader.next() { rows.append(Self.record(reader)) }
            })
        var records: [String] = []
        do {
            while let next = try blocks.next() {
                for block in next {
                    records += block.rows.map { row in
                        let colon = row.firstIndex(of: ":")!
                        return "\(Int(row[..<colon])! + block.lineOffset)" + row[colon...]
                    }
                    if let error = block.error { throw error }
                }
            }
            if let rest = blocks.restReader() {
                while try rest.next() { records.append(Self.record(rest)) }
            }
        } catch {
            records.append("\(error)")
        }
        return records
    }

    @Test func aLineTooLongToCutIsLeftToOneReader() {
        let long = String(repeating: "x", count: 300)
        for text in ["a,b\nc,\"d\ne\"\n\(long)\nf,g\n", "a,b\n\"c\n\(long)\"\nd\n", "a\n\(long)", "a,b\nc,d\n"] {
            for maxRecordBytes in [8, 400] {
                #expect(Self.recordsInBlocks(text, blockSize: 16, maxRecordBytes: maxRecordBytes)
                        == Self.records(text, maxRecordBytes: maxRecordBytes), "\(text) \(maxRecordBytes)")
            }
        }
        #expect(Self.recordsInBlocks("a,b\n\(long)\nc\n", blockSize: 16, maxRecordBytes: 400).count == 3)
    }
}

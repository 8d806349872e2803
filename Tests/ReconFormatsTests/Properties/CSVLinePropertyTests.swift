import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// A line cut where it lies (`CSVReader.readLine`) reads as the byte-by-byte reader reads it: the
/// same fields, lines, columns, UTF-8 verdicts and errors — for random texts full of quotes,
/// doubled quotes, delimiters, CR, LF, CRLF, blank lines, multi-byte and invalid UTF-8, records
/// across buffer refills and over the record limit.
@Suite struct CSVLinePropertyTests {
    static let pieces: [[UInt8]] = [
        Array("abc".utf8), Array("12,50".utf8), Array(" x ".utf8), [0x2C], [0x2C], [0x2C], [0x3B], [0x22], [0x22, 0x22],
        [0x0A], [0x0A], [0x0D, 0x0A], [0x0D], Array("\"q,d\"".utf8), Array("\"two\nlines\"".utf8), Array("øre".utf8),
        [0xC3], [0xA4], [0xFF], [0x00], [0x5C], Array("\"\"".utf8), Array("\"end\"x".utf8),
    ]

    static func text(_ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...40, using: &random) { bytes += pieces.randomElement(using: &random)! }
        return bytes
    }

    /// Every record as its line, fields with their columns and UTF-8 verdict; then the error, if any.
    static func records(_ bytes: [UInt8], lines: Bool, delimiter: UInt8, lenient: Bool, escape: UInt8,
                        chunkSize: Int, maxRecordBytes: Int) -> [String] {
        let reader = CSVReader(source: MemoryByteSource(bytes, path: "f.csv"), delimiter: delimiter, chunkSize: chunkSize)
        reader.readsLines = lines
        reader.lenientQuotes = lenient
        reader.escape = escape
        reader.maxRecordBytes = maxRecordBytes
        var records: [String] = []
        do {
            while try reader.next() {
                let fields = (0..<reader.fieldCount).map { index in
                    "\(reader.location(ofField: index)) \(reader.withField(index) { Array($0) }) \(reader.isEmpty(index))"
                }
                records.append("\(reader.recordLine) utf8=\(reader.isValidUTF8) " + fields.joined(separator: " | "))
            }
            records.append("end at \(reader.currentLine)")
        } catch {
            records.append("\(error) endedInQuotes=\(reader.endedInQuotes)")
        }
        return records
    }

    @Test func aLineCutWhereItLiesReadsAsByteByByte() {
        var random = SplitMix64(seed: 940)
        var fast = 0
        for round in 0..<3_000 {
            let bytes = Self.text(&random)
            let delimiter: UInt8 = round % 5 == 0 ? 0x3B : 0x2C
            let lenient = Bool.random(using: &random)
            let escape: UInt8 = round % 7 == 0 ? 0x5C : 0
            let chunkSize = [16, 23, 64, 1 << 20].randomElement(using: &random)!
            let maxRecordBytes = round % 3 == 0 ? 12 : 1 << 20
            let arguments = (delimiter, lenient, escape, chunkSize, maxRecordBytes)
            let lines = Self.records(bytes, lines: true, delimiter: arguments.0, lenient: arguments.1, escape: arguments.2,
                                     chunkSize: arguments.3, maxRecordBytes: arguments.4)
            let bytewise = Self.records(bytes, lines: false, delimiter: arguments.0, lenient: arguments.1, escape: arguments.2,
                                        chunkSize: arguments.3, maxRecordBytes: arguments.4)
            #expect(lines == bytewise, "\(arguments) \(bytes)")
            if lines != bytewise { return }
            if escape == 0 { fast += 1 }
        }
        #expect(fast > 2_000)
    }

    @Test func invalidUTF8IsFoundInAnyFieldByEitherReader() throws {
        // A sequence cut by a delimiter is invalid in both fields, though the two halves side by
        // side would be valid.
        for lines in [true, false] {
            let reader = CSVReader(source: MemoryByteSource([0x61, 0xC3, 0x2C, 0xA4, 0x0A], path: "f.csv"))
            reader.readsLines = lines
            #expect(try reader.next())
            #expect(!reader.isValidUTF8, "lines: \(lines)")
            #expect(reader.string(0) == nil && reader.string(1) == nil)
        }
    }
}

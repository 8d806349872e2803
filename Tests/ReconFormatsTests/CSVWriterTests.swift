import Foundation
import Testing
@testable import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// The CSV writer puts fields straight into the file's buffer and finds the bytes that need quotes
/// sixteen at a time. These tests hold it to the rule it implements, byte by byte: a field is
/// quoted when it holds the delimiter, a quote, CR or LF, and a quote inside is doubled.
@Suite struct CSVWriterTests {
    /// The rule, one byte at a time.
    static func expected(_ records: [[String?]], delimiter: UInt8) -> [UInt8] {
        var bytes: [UInt8] = []
        for record in records {
            for (index, field) in record.enumerated() {
                if index > 0 { bytes.append(delimiter) }
                let utf8 = Array((field ?? "").utf8)
                let special = utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if special { bytes.append(0x22) }
                for byte in utf8 {
                    if byte == 0x22 { bytes.append(byte) }
                    bytes.append(byte)
                }
                if special { bytes.append(0x22) }
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    static func written(_ records: [[String?]], delimiter: UInt8) throws -> [UInt8] {
        let temporary = TemporaryDirectory()
        let output = try OutputDirectory(path: temporary.path + "/out")
        var csv = CSVWriter(try output.create("t.csv"))
        csv.delimiter = delimiter
        for record in records {
            for field in record { try csv.field(field) }
            try csv.endRecord()
        }
        try output.commit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/out/t.csv")))
    }

    /// Random fields of 0 to 40 bytes (across the 16-byte steps), a special byte at any position,
    /// multi-byte UTF-8 among them; enough records that the buffer is flushed several times.
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
    func fieldsAreQuotedExactlyWhenTheyMustBe(delimiter: UInt8) throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "Z", "0", " ", "-", "/", ",", ";", "\t", "\"", "\n", "\r", "æ", "€", "'", "="]
        var records: [[String?]] = []
        var total = 0
        while total < 3 << 20 {
            let record: [String?] = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                if Int.random(in: 0..<10, using: &generator) == 0 { return nil }
                let plain = Int.random(in: 0..<3, using: &generator) > 0
                return String((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                    plain ? "x" : alphabet.randomElement(using: &generator)!
                }.joined())
            }
            total += record.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 }
            records.append(record)
        }
        #expect(try Self.written(records, delimiter: delimiter) == Self.expected(records, delimiter: delimiter))
    }

    /// Each position of a 16-byte step holds the special byte once: none is missed by the wide
    /// comparison or by the bytes after it.
    @Test func everyPositionOfASpecialByteIsSeen() throws {
        for length in 1...40 {
            for position in 0..<length {
                for special in [",", "\"", "\n", "\r"] {
                    var bytes = Array(repeating: "a", count: length)
                    bytes[position] = special
                    let text = bytes.joined()
                    let needs = text.withUTF8Bytes { CSVWriter.needsQuotes($0, delimiter: UInt8(ascii: ",")) }
                    #expect(needs, "\(length) \(position) \(special.debugDescription)")
                }
            }
            let plain = String(repeating: "a", count: length)
            #expect(!plain.withUTF8Bytes { CSVWriter.needsQuotes($0, delimiter: UInt8(ascii: ",")) })
            // Whatever the delimiter: found where it is, and not taken for another byte.
            for delimiter in [";", "\t", "a", "b"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
                let other = String(repeating: "x", count: length)
                #expect(!other.withUTF8Bytes { CSVWriter.needsQuotes($0, delimiter: delimiter) })
                let last = String(other.dropLast()) + String(UnicodeScalar(delimiter))
                #expect(last.withUTF8Bytes { CSVWriter.needsQuotes($0, delimiter: delimiter) })
            }
        }
    }

    /// A field longer than half the buffer takes the other path: the same bytes, quotes doubled.
    @Test func fieldsLongerThanTheBufferAreWrittenWhole() throws {
        let long = String(repeating: "ab\"c,", count: 300_000)
        let plain = String(repeating: "abcd", count: 400_000)
        let records: [[String?]] = [["x", long, "y"], [plain, nil, "z"], [long]]
        #expect(try Self.written(records, delimiter: UInt8(ascii: ",")) == Self.expected(records, delimiter: UInt8(ascii: ",")))
    }

    /// Amounts, dates and currencies written into the buffer as `Money.formatted` and `description` give them.
    @Test func amountsDatesAndCurrenciesAreWrittenAsTheirTexts() throws {
        let temporary = TemporaryDirectory()
        let output = try OutputDirectory(path: temporary.path + "/out")
        var csv = CSVWriter(try output.create("t.csv"))
        let currencies = ["NOK", "JPY", "KWD", "CLF"].map { Currency(code: $0)! }
        var expected = ""
        for units: Int64 in [0, 1, -1, 9, 10, 99, 100, 12345, -12345, .max, .min + 1] {
            for currency in currencies {
                let money = Money(minorUnits: units, currency: currency)
                let date = CalendarDate(dayNumber: Int32(units % 50_000))
                try csv.field(money)
                try csv.field(Optional<Money>.none)
                try csv.field(date)  // the same date four rows running, then another: remembered and not
                try csv.field(Optional<CalendarDate>.none)
                try csv.field(currency)
                try csv.endRecord()
                expected += "\(money.formatted()),,\(date.description),,\(currency.code)\n"
            }
        }
        try output.commit()
        #expect(try String(contentsOfFile: temporary.path + "/out/t.csv", encoding: .utf8) == expected)
    }

    /// A journal line's text written from its wording and subject is the text it stands for,
    /// quoted when its subject needs quotes, and lines equal by text are equal however they are kept.
    @Test func journalLineTextsAreWrittenAsTheirText() throws {
        let amount = Money(minorUnits: 100, currency: Currency(code: "NOK")!)
        let subjects = ["10010", "INV,7", "a\"b", "", "line\nbreak", String(repeating: "x", count: 40)]
        let wordings: [JournalLine.Wording] = [.text, .payment, .settle, .cashDiscount, .fullSettlement, .underpayment,
                                               .overpayment, .customerCredit]
        var lines: [JournalLine] = []
        for subject in subjects {
            for wording in wordings {
                let line = JournalLine(account: "1500", amount: amount, wording: wording, subject: subject)
                let plain = JournalLine(account: "1500", amount: amount, text: wording.prefix + subject)
                #expect(line.text == wording.prefix + subject)
                #expect(line == plain && line.hashValue == plain.hashValue)
                lines.append(line)
            }
        }
        var changed = JournalLine(account: "1500", amount: amount, wording: .settle, subject: "1")
        changed.text = "Other"
        #expect(changed.text == "Other" && changed.wording == .text)

        let temporary = TemporaryDirectory()
        let output = try OutputDirectory(path: temporary.path + "/out")
        var csv = CSVWriter(try output.create("t.csv"))
        for line in lines {
            try csv.field("x")
            try csv.field(textOf: line)
            try csv.endRecord()
        }
        try output.commit()
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/out/t.csv")))
        #expect(written == Self.expected(lines.map { ["x", $0.text] }, delimiter: UInt8(ascii: ",")))
    }

    /// A record's text written from the bytes it keeps (`field(utf8:)`) is written as its string
    /// would be, formulas neutralized (for a spreadsheet) or not.
    @Test(arguments: [false, true])
    func aTextGivenAsBytesIsWrittenAsItsString(neutralizing: Bool) throws {
        let texts: [String?] = [nil, "", "Kari Nordmann", "=SUM(A1)", "+4712345678", "'=x", "-5", "@home", "\tTab",
                                "a,b", "say \"hi\"", "line\nbreak", "Ålesund AS", String(repeating: "x", count: 5_000)]
        func write(_ field: (inout CSVWriter, String?) throws -> Void) throws -> [UInt8] {
            let temporary = TemporaryDirectory()
            let output = try OutputDirectory(path: temporary.path + "/out")
            var csv = CSVWriter(try output.create("t.csv"))
            csv.neutralizesFormulas = neutralizing
            for text in texts {
                try field(&csv, text)
                try csv.field("end")
                try csv.endRecord()
            }
            try output.commit()
            return Array(try Data(contentsOf: URL(fileURLWithPath: temporary.path + "/out/t.csv")))
        }
        let asStrings = try write { try $0.field($1) }
        let asBytes = try write { csv, text in
            guard var text else { return try csv.field(utf8: nil) }
            try text.withUTF8 { try csv.field(utf8: $0) }
        }
        #expect(asBytes == asStrings)
        #expect(String(decoding: asStrings, as: UTF8.self).contains(neutralizing ? "'=SUM(A1)" : "\n=SUM(A1)"))
    }
}


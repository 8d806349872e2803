import Testing
@testable import ReconFormats
import ReconTestSupport

/// The fast paths that detection reads a file's head through give what their plain definitions give.
@Suite struct DetectionTextTests {
    @Test func asciiHeaderNamesAreWhatTheUnicodeDefinitionMakes() {
        let pieces = ["A", "z", "Q", "7", "-", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}",
                      "Ä", "ß", "\u{FEFF}", "\u{A0}", "\u{2003}"]
        var generator = SplitMix64(seed: 137)
        for round in 0..<4_000 {
            // Every other name is ASCII only, so that both paths are walked often.
            let alphabet = round % 2 == 0 ? Array(pieces[0..<14]) : pieces
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let expected = text.trimmingCharacters(in: "\u{FEFF}").collapsingWhitespace().lowercased()
            #expect(ProfileCSVReader.headerName(text) == expected, "\(Array(text.utf8))")
        }
        #expect(ProfileCSVReader.headerName("  Booking\tDATE \r\n") == "booking date")
    }

    @Test func aValidPrefixIsFoundAsByteByByte() {
        let sequences: [[UInt8]] = [[0x41], [0x20], [0x7F], [0xC3, 0xA4], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80],
                                    [0x80], [0xC3], [0xFF], [0xE2, 0x41]]
        var generator = SplitMix64(seed: 8)
        for _ in 0..<4_000 {
            var bytes = Self.mostlyASCII(pieces: 0...30, rarely: sequences, oneIn: 40, &generator)
            if Bool.random(using: &generator), !bytes.isEmpty { bytes.removeLast(Int.random(in: 0...min(3, bytes.count), using: &generator)) }
            #expect(UTF8Validation.isValidPrefix(bytes) == Self.validPrefix(bytes), "\(bytes)")
            #expect(UTF8Validation.isValidPrefix(bytes[...]) == Self.validPrefix(bytes), "a slice: \(bytes)")
        }
    }

    /// A record's check, sixteen and eight ASCII bytes at a time, says what the standard library's
    /// validation says — wherever in a long line the one bad or multi-byte sequence falls.
    @Test func aRecordIsValidExactlyWhenTheStandardLibrarySaysSo() {
        let sequences: [[UInt8]] = [[0xC3, 0xA4], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC3], [0xFF],
                                    [0xE2, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
        var generator = SplitMix64(seed: 16)
        for _ in 0..<6_000 {
            let bytes = Self.mostlyASCII(pieces: 0...70, rarely: sequences, oneIn: 60, &generator)
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == expected, "\(bytes)")
        }
    }

    /// Printable ASCII bytes, as a file's head or a line mostly is, with now and then one of
    /// `sequences` (each a chance of one in `oneIn` at every pick).
    static func mostlyASCII(pieces: ClosedRange<Int>, rarely sequences: [[UInt8]], oneIn: Int,
                            _ generator: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: pieces, using: &generator) {
            let pick = Int.random(in: 0..<oneIn, using: &generator)
            bytes += pick < sequences.count ? sequences[pick] : [UInt8.random(in: 0x20...0x7E, using: &generator)]
        }
        return bytes
    }

    /// The definition: every sequence well formed, the last one possibly cut short.
    static func validPrefix(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            for offset in 1..<max(length, 1) where index + offset < bytes.count {
                if bytes[index + offset] & 0xC0 != 0x80 { return false }
            }
            index += length
        }
        return true
    }
}

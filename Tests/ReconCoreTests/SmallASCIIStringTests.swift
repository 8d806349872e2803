import Testing
@testable import ReconCore
import ReconTestSupport

/// `String(validUTF8:)` makes a short ASCII string in place: it must be the very string
/// `String(decoding:)` makes, down to its bits, and behave as one everywhere.
@Suite struct SmallASCIIStringTests {
    func usual(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    func made(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    @Test func thisStandardLibraryKeepsSmallStringsAsExpected() {
        // Where this fails, recon still works (every string goes the usual way), only slower.
        #expect(SmallASCII.matchesStandardLibrary)
    }

    @Test func everyLengthAndByteIsTheUsualString() {
        var random = SplitMix64(seed: 2026)
        let alphabets: [[UInt8]] = [Array(0x00...0x7F), Array("0123456789".utf8), Array("ÆØÅæøå€ abc".utf8)]
        for round in 0..<6_000 {
            let alphabet = alphabets[round % alphabets.count]
            var bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            if alphabet == alphabets[2] { bytes = Array(usual(bytes).utf8) }  // whole characters only
            let expected = usual(bytes), string = made(bytes)
            #expect(string == expected, "\(bytes)")
            #expect(Array(string.utf8) == bytes && string.utf8.count == bytes.count)
            #expect(string.hashValue == expected.hashValue && string.count == expected.count)
            if bytes.count <= 15 && bytes.allSatisfy({ $0 < 0x80 }) {  // inline: the same bits (a longer one has its own storage)
                #expect(unsafeBitCast(string, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self),
                        "the same bits: \(bytes)")
            }
            var grown = string
            grown += "-x"
            #expect(grown == expected + "-x", "a made string grows as any other")
        }
    }

    /// Each of the first 15 bytes lands in its place, whatever the length (the loads overlap).
    @Test func eachByteInItsPlace() {
        for length in 1...15 {
            for position in 0..<length {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = UInt8(ascii: "Z")
                #expect(made(bytes) == usual(bytes), "length \(length), Z at \(position)")
            }
        }
        #expect(made([]) == "" && made([0x80 - 1]) == "\u{7F}")
        #expect(made(Array("Ø".utf8)) == "Ø", "not ASCII: the usual way")
    }
}

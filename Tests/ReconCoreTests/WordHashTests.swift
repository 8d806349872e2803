import Testing
@testable import ReconCore

/// The in-memory hash of ids read eight bytes at a time: every byte counts, wherever it is, the
/// length counts, and the ASCII check sees every byte.
@Suite struct WordHashTests {
    private func hash(_ bytes: [UInt8]) -> (value: UInt64, isASCII: Bool) {
        bytes.withUnsafeBufferPointer { WordHash.hash($0) }
    }

    @Test func eachByteOfEveryLengthChangesTheHash() {
        for length in 1...40 {
            let bytes = (0..<length).map { UInt8(0x30 + $0 % 10) }
            let original = hash(bytes).value
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(hash(changed).value != original, "length \(length), byte \(position)")
            }
        }
    }

    @Test func theLengthCounts() {
        #expect(hash([]).value != hash([0]).value)
        #expect(hash([0x41]).value != hash([0x41, 0]).value)
        #expect(hash(Array(repeating: 0, count: 8)).value != hash(Array(repeating: 0, count: 16)).value)
        #expect(hash(Array("12345678".utf8)).value == hash(Array("12345678".utf8)).value)
    }

    @Test func anyByteOverSevenBitsIsNotASCII() {
        for length in 1...24 {
            #expect(hash(Array(repeating: 0x7F, count: length)).isASCII)
            for position in 0..<length {
                var bytes = Array(repeating: UInt8(0x41), count: length)
                bytes[position] = 0xC3
                #expect(!hash(bytes).isASCII, "length \(length), byte \(position)")
            }
        }
        #expect(hash([]).isASCII)
    }

    /// Entry ids as a bank CSV makes them: 200,000 of them, no two alike in their hash.
    @Test func entryIdsDoNotCollide() {
        var seen = Set<UInt64>()
        for row in 0..<200_000 {
            seen.insert(hash(Array("NO2415036123450/2025010\(row % 10)\(String(100_000_000 + row))/1".utf8)).value)
        }
        #expect(seen.count == 200_000)
    }
}

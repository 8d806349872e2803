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

    /// A small ASCII string's hash read off its two words is the hash of its bytes, whatever made
    /// the string; a string kept any other way is left to the bytes.
    @Test func aSmallASCIIStringsWordsHashAsItsBytes() {
        var random = SystemRandomNumberGenerator()
        var strings: [String] = ["", "A", "12345678", "123456789", "INV-2025/00001x", "101813"]
        for length in 0...15 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
                strings.append(String(decoding: bytes, as: UTF8.self))
                strings.append(bytes.withUnsafeBufferPointer { String(validUTF8: $0) })
                strings.append(String(String(decoding: bytes + [0x21], as: UTF8.self).dropLast()))
            }
            strings.append(String(repeating: "7", count: length))
            strings.append("\(Int.random(in: 0...99_999_999_999))")
        }
        var inWords = 0
        for string in strings {
            let fromBytes = string.withUTF8Bytes { WordHash.hash($0) }
            #expect(fromBytes.isASCII)
            if let fromWords = WordHash.hashOfSmallASCII(string) {
                inWords += 1
                #expect(fromWords == fromBytes.value, "\(string)")
            }
            #expect(IdTable.hash(string) == UInt32(truncatingIfNeeded: fromBytes.value), "\(string)")
        }
        #expect(inWords == strings.count, "every ASCII string of 15 bytes or fewer is kept small here")
        // Longer, or not ASCII: not read from the words, and hashed as before.
        for string in ["INV-2025/000001x", "Søren", "ø", String(repeating: "x", count: 40)] {
            #expect(WordHash.hashOfSmallASCII(string) == nil, "\(string)")
            let fromBytes = string.withUTF8Bytes { WordHash.hash($0) }
            #expect(IdTable.hash(string) == (fromBytes.isASCII ? UInt32(truncatingIfNeeded: fromBytes.value) : nil))
        }
    }
}

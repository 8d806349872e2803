import Testing
@testable import ReconCore

@Suite struct DecimalDigitsTests {
    @Test func numbersAreWrittenAsStringDoes() {
        var random = SystemRandomNumberGenerator()
        // Every power of ten and its neighbours (where a digit is added), and the largest value.
        let powers = (1..<20).map { power in (0..<power).reduce(UInt(1)) { product, _ in product * 10 } }
            .flatMap { [$0 - 1, $0, $0 + 1] }
        let values: [UInt] = [0, 1, 9, 10, 99, 100, 123_456, 999_999, 1_000_000, UInt.max] + powers
            + (0..<2_000).map { _ in UInt.random(in: 0...UInt.max, using: &random) >> UInt.random(in: 0...63, using: &random) }
        for value in values {
            for width in [1, 6, 25] {
                let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                    let count = DecimalDigits.write(value, width: width, into: buffer.baseAddress!)
                    return String(decoding: buffer[..<count], as: UTF8.self)
                }
                let digits = String(value)
                #expect(written == String(repeating: "0", count: max(0, width - digits.count)) + digits)
                #expect(DecimalDigits.count(value, width: width) == written.utf8.count)
            }
        }
    }
}

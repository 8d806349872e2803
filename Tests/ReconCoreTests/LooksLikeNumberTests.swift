import Testing
import ReconTestSupport
@testable import ReconCore

/// `ReferenceExtractor.looksLikeNumber` counts printable ASCII by bytes and anything else by
/// characters; both must give what counting characters gave (kept here as it was).
@Suite struct LooksLikeNumberTests {
    static func reference(_ key: String) -> Bool {
        key.count >= 5 && key.filter { $0.isASCII && $0.isNumber }.count >= 4
    }

    @Test(arguments: [
        "12345", "1234", "A1234", "AB123", "1234A", "INV-2024", "12 34", "", "00000", "A1B2C3D4",
        "١٢٣٤٥", "１２３４５", "1234é", "é1234", "12\u{0301}345", "1234\r\n", "12345\u{7F}", "K1234\u{212A}",
    ])
    func agreesWithCountingCharacters(key: String) {
        #expect(ReferenceExtractor.looksLikeNumber(key) == Self.reference(key), "\(key.unicodeScalars.map(\.value))")
    }

    @Test func randomKeysAgree() {
        var generator = SplitMix64(seed: 20261206)
        let pieces = ["0", "1", "9", "A", "z", "-", " ", "é", "\u{0301}", "٣", "\r\n", "\u{7F}", "~"]
        for _ in 0..<2_000 {
            let key = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ReferenceExtractor.looksLikeNumber(key) == Self.reference(key), "\(key.unicodeScalars.map(\.value))")
        }
    }
}

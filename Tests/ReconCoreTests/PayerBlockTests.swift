import Testing
import ReconTestSupport
@testable import ReconCore

/// A payer name's block (its first word and the initial of the second) is found on the bytes of a
/// printable ASCII name: the same block as splitting it into characters.
@Suite struct PayerBlockTests {
    static func referenceBlock(_ name: String) -> String {
        let words = name.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words[1].first else { return String(first) }
        return first + " " + String(initial)
    }

    @Test func blocksAreTheFirstWordAndTheNextInitial() {
        let pieces = ["a", "berg", "k", "&", "1", " ", "  ", "ø", "e\u{301}", "\t", "\r\n", "-", "."]
        var random = SplitMix64(seed: 20261208)
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(PayerIndex.block(of: name) == Self.referenceBlock(name), "\(name.debugDescription)")
        }
        #expect(PayerIndex.block(of: "kari nordmann as") == "kari n")
        #expect(PayerIndex.block(of: "  berg ") == "berg")
        #expect(PayerIndex.block(of: "") == "")
    }
}

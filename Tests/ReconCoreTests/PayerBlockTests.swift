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

    /// A block's names in the order of `(name, customer) <`, and by length in the order of
    /// `(length, name, customer) <` — what `Block.sort` did with those comparisons, now on the
    /// bytes of ASCII names and by counting lengths — for names of ASCII, of other scripts, of
    /// both, and repeated.
    @Test func aBlockSortsAsTheComparisonsOfItsFields() {
        let pieces = ["a", "b", "ab", "ø", "e\u{301}", "é", "ж", " ", "berg"]
        var random = SplitMix64(seed: 20261207)
        for _ in 0..<2_000 {
            var block = PayerIndex.Block()
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let name = (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                block.names.append(PayerIndex.Named(name: name, customer: String(Int.random(in: 1...3, using: &random))))
            }
            let names = block.names.sorted { ($0.name, $0.customer) < ($1.name, $1.customer) }
            let byLength = block.names.sorted { ($0.length, $0.name, $0.customer) < ($1.length, $1.name, $1.customer) }
            block.sort()
            #expect(block.names.map(\.name) == names.map(\.name) && block.names.map(\.customer) == names.map(\.customer))
            #expect(block.byLength.map(\.name) == byLength.map(\.name) && block.byLength.map(\.customer) == byLength.map(\.customer))
        }
    }

    @Test func aNameCountsItsScalarsAndKnowsWhetherItIsASCII() {
        for name in ["", "kari nordmann", "søren", "e\u{301}", "жук", "🙂 a"] {
            let named = PayerIndex.Named(name: name, customer: "1")
            #expect(named.length == name.unicodeScalars.count, "\(name)")
            #expect(named.isASCII == name.utf8.allSatisfy { $0 < 0x80 }, "\(name)")
        }
    }
}

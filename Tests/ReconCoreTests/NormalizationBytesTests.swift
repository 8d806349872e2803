import Testing
@testable import ReconCore

/// `Normalization.asciiLatinName` and `numericCore` work on the string's bytes in place. These
/// tests hold them to the implementations they replaced (kept here, word for word but for names),
/// on random text of the bytes that matter: letters of both cases, digits, Latin-1 letters and
/// symbols, separators, `&`, legal forms, and a few scalars that send a name to the general path.
@Suite struct NormalizationBytesTests {
    /// `asciiLatinName` as it was: a string and an array a word, the legal forms in a set.
    static func referenceName(_ text: String) -> String? {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            let done = String(decoding: word, as: UTF8.self)
            if !Normalization.legalForms.contains(done) { words.append(done) }
            word.removeAll(keepingCapacity: true)
        }
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case UInt8(ascii: "&"):
                flush()
                words.append("&")
            case 0x00..<0x80: flush()
            case 0xC3:
                guard let second = utf8.next(), let folded = Normalization.latin1Fold(second) else { return nil }
                if folded.isEmpty { flush() } else { word.append(contentsOf: folded) }
            default: return nil
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// `numericCore` as it was: walking the `utf8` view.
    static func referenceCore(_ key: String) -> String? {
        var runStart = -1, runEnd = -1, position = 0
        var inRun = false
        for byte in key.utf8 {
            let digit = byte >= 0x30 && byte <= 0x39
            if digit && !inRun {
                if runStart >= 0 { return nil }
                runStart = position
                inRun = true
            } else if !digit && inRun {
                runEnd = position
                inRun = false
            }
            position += 1
        }
        guard runStart >= 0 else { return nil }
        if inRun { runEnd = position }
        let run = key.utf8.dropFirst(runStart).prefix(runEnd - runStart).drop { $0 == 0x30 }
        return run.count >= 4 ? String(decoding: run, as: UTF8.self) : nil
    }

    static let pieces = ["a", "B", "z", "Q", "0", "7", " ", "  ", ",", ".", "-", "/", "&", "Ø", "æ", "ß", "É", "ü", "×", "÷",
                         "ð", "Þ", "ÿ", "AS", "as", "GmbH", "Ltd", "limited", "A/S", "sa", "Co", "€", "Ł", "\t", "\u{00AD}"]

    @Test func namesFoldAsBefore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            #expect(Normalization.asciiLatinName(text) == Self.referenceName(text), "\(text.debugDescription)")
        }
        for text in ["", "&", "AS", "as & co", "Berg AS Ltd", "A/S Nord", "ÆØÅ AS", "x\u{00C3}"] {
            #expect(Normalization.asciiLatinName(text) == Self.referenceName(text), "\(text.debugDescription)")
        }
    }

    @Test func numericCoresAreFoundAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "00", "1", "9", "12", "0007", "A", "INV", "-", " ", "/", "ø"]
        for _ in 0..<20_000 {
            let key = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Normalization.numericCore(key) == Self.referenceCore(key), "\(key.debugDescription)")
        }
    }
}

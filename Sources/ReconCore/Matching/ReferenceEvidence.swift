/// Where a payment named an item.
public enum ReferenceSource: Int, Sendable, Comparable {
    /// The structured reference equals the item's printed reference (KID, RF, OCR …).
    case reference = 0
    /// The structured reference or EndToEndId equals the invoice id.
    case invoiceId
    /// The EndToEndId equals the item's reference.
    case endToEnd
    /// The item's reference appears in the text.
    case textReference
    /// The invoice id appears in the text (spaces, dashes, line breaks and leading zeros aside).
    case text
    /// A configured invoice pattern found it in the text.
    case pattern
    /// Only the number inside an alphanumeric id appears in the text (`1023` for `INV-1023`).
    case textNumber

    public static func < (lhs: ReferenceSource, rhs: ReferenceSource) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a payment's references say: the items they name, and, when they name none, the
/// references that look mistyped.
struct ReferenceEvidence: Sendable {
    /// Items named, with the strongest way each was named.
    var named: [(item: Int, source: ReferenceSource)] = []
    /// The structured reference, classified by its check digit.
    var check: ReferenceCheck?
    /// The structured reference when it names no item.
    var unknownReference: String?
    /// Items one edit away from a reference or invoice number the payment carries: suggestions only
    /// (filled by the matcher when the references do not decide).
    var suggestions: [Int] = []

    mutating func add(_ items: some Sequence<Int>, _ source: ReferenceSource) {
        for item in items {
            if let existing = named.firstIndex(where: { $0.item == item }) {
                if source < named[existing].source { named[existing].source = source }
            } else {
                named.append((item, source))
            }
        }
    }
}

/// Finds the references of a payment in its structured reference, EndToEndId and text.
struct ReferenceExtractor {
    let index: ItemIndex
    let patterns: [Regex<AnyRegexOutput>]

    func evidence(for transaction: BankTransaction) -> ReferenceEvidence {
        var evidence = ReferenceEvidence()
        if let reference = transaction.structuredRef, !reference.isEmpty {
            let key = Normalization.key(reference)
            evidence.check = ReferenceCheck.classify(reference)
            evidence.add(index.items(withReference: key), .reference)
            evidence.add(index.items(withInvoiceKey: key), .invoiceId)
            if evidence.named.isEmpty { evidence.unknownReference = reference }
        }
        if let endToEnd = transaction.endToEndId, !endToEnd.isEmpty {
            let key = Normalization.key(endToEnd)
            evidence.add(index.items(withReference: key), .endToEnd)
            evidence.add(index.items(withInvoiceKey: key), .invoiceId)
        }
        let text = transaction.text  // made a string each time it is read
        scan(text, into: &evidence)
        for pattern in patterns {
            for match in text.matches(of: pattern) {
                let captured = match.output.count > 1 ? match.output[1].substring : match.output[0].substring
                guard let captured else { continue }
                evidence.add(index.items(withInvoiceKey: Normalization.key(captured)), .pattern)
            }
        }
        return evidence
    }

    /// Items one edit away from the payment's unknown structured reference, else from the numbers in
    /// its text, leaving out the items it names exactly. Only computed when the references do not
    /// decide (it costs a few hundred lookups).
    func suggestions(for transaction: BankTransaction, evidence: ReferenceEvidence) -> [Int] {
        var suggestions: [Int] = []
        func add(_ items: [Int]) {
            for item in items where !suggestions.contains(item) && !evidence.named.contains(where: { $0.item == item }) {
                suggestions.append(item)
            }
        }
        if let reference = evidence.unknownReference {
            add(index.itemsOneEditAway(from: Normalization.key(reference)))
        }
        if suggestions.isEmpty {
            for token in ReferenceExtractor.tokens(of: transaction.text) where ReferenceExtractor.looksLikeNumber(token.key) {
                add(index.itemsOneEditAway(from: token.key))
            }
        }
        return suggestions
    }

    /// Looks up every token of the text, and runs of up to three tokens separated by a single
    /// space, dash or line break (`INV-10 23` → `INV1023`).
    private func scan(_ text: String, into evidence: inout ReferenceEvidence) {
        let tokens = ReferenceExtractor.tokens(of: text)
        for start in tokens.indices {
            var key = ""
            for end in start..<min(start + 3, tokens.count) {
                if end > start && !tokens[end].joinable { break }
                key += tokens[end].key
                guard key.utf8.count >= 3 else { continue }
                // Nearly every word is no id: the filters spare the lookups.
                if index.mayHaveKey(key) {
                    evidence.add(index.items(withInvoiceKey: key), .text)
                    evidence.add(index.items(withReference: key), .textReference)
                }
                key.withUTF8 { utf8 in
                    guard utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
                    let zeros = utf8.prefix { $0 == 0x30 }.count
                    let core = UnsafeBufferPointer(rebasing: utf8[zeros...])
                    guard index.mayHaveCore(core) else { return }
                    for item in index.items(withNumericCore: core) {
                        evidence.add(CollectionOfOne(item), index.hasNumericId(item) ? .text : .textNumber)
                    }
                }
            }
        }
    }

    struct Token {
        var key: String
        /// Separated from the previous token by exactly one space, dash or line break.
        var joinable: Bool
    }

    static func tokens(of text: String) -> [Token] {
        asciiTokens(of: text) ?? unicodeTokens(of: text)
    }

    /// `tokens(of:)` by characters: letters and numbers of any script, each token made a key.
    static func unicodeTokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var separator = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty {
                    tokens.append(Token(key: Normalization.key(current), joinable: joinable(separator) && !tokens.isEmpty))
                    current = ""
                    separator = ""
                }
                separator.append(character)
            }
        }
        if !current.isEmpty {
            tokens.append(Token(key: Normalization.key(current), joinable: joinable(separator) && !tokens.isEmpty))
        }
        return tokens
    }

    /// `tokens(of:)` for ASCII text, read in place: each token's key written upper-cased straight
    /// into its string (at most 15 bytes live inside it), the separator before it looked at where
    /// it lies. nil when the text has anything but ASCII. (Collected into byte arrays first, the
    /// tokens cost ~1,200 instructions a payment on the clues' core.)
    static func asciiTokens(of text: String) -> [Token]? {
        text.withUTF8Bytes { bytes -> [Token]? in
            var tokens: [Token] = []
            var start = -1, separatorStart = 0
            func finish(at end: Int) {
                let join = !tokens.isEmpty && joinable(UnsafeBufferPointer(rebasing: bytes[separatorStart..<start]))
                let key = String(unsafeUninitializedCapacity: end - start) { out in
                    for offset in 0..<(end - start) {
                        let byte = bytes[start + offset]
                        out[offset] = byte >= 0x61 ? byte - 0x20 : byte
                    }
                    return end - start
                }
                tokens.append(Token(key: key, joinable: join))
                separatorStart = end
                start = -1
            }
            for index in bytes.indices {
                switch bytes[index] {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: if start < 0 { start = index }
                case 0x80...: return nil
                default: if start >= 0 { finish(at: index) }
                }
            }
            if start >= 0 { finish(at: bytes.count) }
            return tokens
        }
    }

    /// Whether a separator lets two tokens join: exactly one space, dash or line break.
    private static func joinable(_ separator: UnsafeBufferPointer<UInt8>) -> Bool {
        switch separator.count {
        case 1: separator[0] == 0x20 || separator[0] == 0x2D || separator[0] == 0x0A
        case 2: separator[0] == 0x0D && separator[1] == 0x0A
        default: false
        }
    }

    private static func joinable(_ separator: String) -> Bool {
        separator.withUTF8Bytes(joinable)
    }

    /// Tokens worth a typo search: five or more characters, at least four of them digits.
    static func looksLikeNumber(_ key: String) -> Bool {
        // Printable ASCII, the usual key, counted by bytes (each one character): counting
        // characters cost ~450 instructions a token, on both cores of the match phase.
        let printable: (count: Int, digits: Int)? = key.withUTF8Bytes { bytes in
            var digits = 0
            for byte in bytes {
                guard byte > 0x20 && byte < 0x7F else { return nil }
                if byte >= 0x30 && byte <= 0x39 { digits += 1 }
            }
            return (bytes.count, digits)
        }
        if let printable { return printable.count >= 5 && printable.digits >= 4 }
        return key.count >= 5 && key.filter { $0.isASCII && $0.isNumber }.count >= 4
    }
}

/// How recon compares references, invoice numbers and names: case, spaces, dashes, leading zeros and
/// accents do not matter; legal forms (AS, GmbH, Ltd …) do not either.
public enum Normalization {
    /// Upper-case letters and digits only: `RF18 5390-0754` → `RF1853900754`, `inv-10 23` → `INV1023`.
    public static func key(_ text: String) -> String {
        // Nearly every reference and id is ASCII, most are keys already (`20000017`, an IBAN):
        // those are the string itself, nothing made; the other ASCII ones are made from the bytes.
        let ascii = text.withUTF8Bytes { bytes in bytes.allSatisfy(isKeyByte) ? text : asciiKey(bytes) }
        return ascii ?? unicodeKey(text)
    }

    /// `key(_:)` of a substring or another text.
    public static func key(_ text: some StringProtocol) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable(asciiKey) ?? Array(text.utf8).withUnsafeBufferPointer(asciiKey)
        return ascii ?? unicodeKey(text)
    }

    /// A byte a key keeps as it is (a digit or a capital letter).
    static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
    }

    /// The key of ASCII bytes, read and written in place; nil when they are not all ASCII.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { key in
            var count = 0
            for byte in bytes {
                switch byte {
                case 0x30...0x39, 0x41...0x5A: key[count] = byte
                case 0x61...0x7A: key[count] = byte - 0x20
                default: continue
                }
                count += 1
            }
            return count
        }
    }

    /// The key of any text, scalar by scalar: letters of other scripts upper-cased, decimal digits kept.
    private static func unicodeKey(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if (48...57).contains(value) || (65...90).contains(value) {
                    result.unicodeScalars.append(scalar)
                } else if (97...122).contains(value) {
                    result.unicodeScalars.append(Unicode.Scalar(value - 32)!)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                result += String(scalar).uppercased()
            }
        }
        return result
    }

    /// The number inside an id, without leading zeros, when the id holds exactly one run of at least
    /// four digits: `INV-001023` → `1023`. nil otherwise.
    public static func numericCore(_ key: String) -> String? {
        // On the string's bytes where they are: walking `utf8` cost ~30 instructions a byte.
        key.withUTF8Bytes { bytes in
            var runStart = -1, runEnd = -1
            var inRun = false
            for position in 0..<bytes.count {
                let digit = bytes[position] >= 0x30 && bytes[position] <= 0x39
                if digit && !inRun {
                    if runStart >= 0 { return nil }  // a second run of digits
                    runStart = position
                    inRun = true
                } else if !digit && inRun {
                    runEnd = position
                    inRun = false
                }
            }
            guard runStart >= 0 else { return nil }
            if inRun { runEnd = bytes.count }
            while runStart < runEnd && bytes[runStart] == 0x30 { runStart += 1 }
            return runEnd - runStart >= 4
                ? String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]), as: UTF8.self) : nil
        }
    }

    /// Legal forms left out of names (Nordic, German, Dutch, English, French).
    static let legalForms: Set<String> = [
        "as", "asa", "ans", "da", "sa", "enk", "ab", "hb", "kb", "oy", "oyj", "aps", "a/s", "gmbh", "ag", "kg",
        "ohg", "ug", "ev", "bv", "nv", "vof", "ltd", "limited", "plc", "llp", "inc", "llc", "corp", "co",
        "sarl", "sas", "srl", "spa", "ba", "sl",
    ]

    /// A name folded for comparison: lower case, accents and Nordic letters folded, punctuation and
    /// legal forms dropped, words separated by single spaces. `SØRNES TANNLEGE­KONTOR AS` → `sornes tannlegekontor`.
    public static func name(_ text: String) -> String {
        if let fast = asciiLatinName(text) { return fast }
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty && !legalForms.contains(word) { words.append(word) }
            word = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if let folded = fold(scalar) {
                word += folded
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else if scalar == "&" {
                flush()
                words.append("&")
            } else {
                flush()
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// `name(_:)` for text of ASCII and Latin-1 letters (the customers' names of most ledgers),
    /// on bytes; nil for anything else, which takes the general path. Same result either way.
    /// The words go straight into one buffer on the stack, a legal form taken back out when it ends
    /// (a string and an array a word, and a hashed set lookup, cost ~7,700 instructions a name).
    static func asciiLatinName(_ text: String) -> String? {
        text.withUTF8Bytes { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 1) { out -> String? in
                var count = 0, wordStart = 0
                var inWord = false
                func begin() {
                    guard !inWord else { return }
                    if count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                    wordStart = count
                    inWord = true
                }
                func put(_ byte: UInt8) {
                    begin()
                    out[count] = byte
                    count += 1
                }
                func flush() {
                    guard inWord else { return }
                    inWord = false
                    if isLegalForm(UnsafeBufferPointer(rebasing: out[wordStart..<count])) { count = max(wordStart - 1, 0) }
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    switch byte {
                    case 0x41...0x5A: put(byte + 0x20)
                    case 0x61...0x7A, 0x30...0x39: put(byte)
                    case UInt8(ascii: "&"):
                        flush()
                        put(byte)  // a word of its own, never a legal form
                        inWord = false
                    case 0x00..<0x80: flush()
                    case 0xC3:
                        guard index < bytes.count, let folded = latin1Fold(bytes[index]) else { return nil }
                        index += 1
                        if folded.isEmpty { flush() } else { for byte in folded { put(byte) } }
                    default: return nil
                    }
                }
                flush()
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
            }
        }
    }

    /// The legal forms as bytes, for `isLegalForm`.
    private static let legalFormBytes: [[UInt8]] = legalForms.map { Array($0.utf8) }
    private static let longestLegalForm = legalFormBytes.map(\.count).max() ?? 0

    /// Whether a folded word is one of `legalForms` (a few dozen short words: compared, not hashed).
    private static func isLegalForm(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longestLegalForm else { return false }
        return legalFormBytes.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    /// The folding of U+00C0…U+00FF (second byte after C3), upper and lower case alike: "" for the
    /// two symbols (× ÷), nil for letters the general path keeps as they are (ð þ ÿ).
    static func latin1Fold(_ second: UInt8) -> [UInt8]? {
        switch second & 0xDF {  // upper and lower case differ by 0x20
        case 0x80...0x85: [0x61]
        case 0x86: [0x61, 0x65]
        case 0x87: [0x63]
        case 0x88...0x8B: [0x65]
        case 0x8C...0x8F: [0x69]
        case 0x91: [0x6E]
        case 0x92...0x96, 0x98: [0x6F]
        case 0x97: second == 0x97 || second == 0xB7 ? [] : nil
        case 0x99...0x9C: [0x75]
        case 0x9D: [0x79]
        case 0x9F: second == 0x9F ? [0x73, 0x73] : nil  // ß (ÿ is 0xBF)
        default: nil
        }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "æ": return "ae"
        case "ø", "ö", "ő", "ó", "ò", "ô", "õ": return "o"
        case "å", "ä", "á", "à", "â", "ã": return "a"
        case "ü", "ű", "ú", "ù", "û": return "u"
        case "é", "è", "ê", "ë": return "e"
        case "í", "ì", "î", "ï": return "i"
        case "ß": return "ss"
        case "ç": return "c"
        case "ñ": return "n"
        case "š": return "s"
        case "ž": return "z"
        case "č": return "c"
        case "ř": return "r"
        case "ý": return "y"
        default: return nil
        }
    }

    /// Jaro-Winkler similarity in thousandths (0…1000), computed in integers, over Unicode scalars.
    ///
    /// Two ASCII strings (nearly every normalised name) are compared on their bytes, which are
    /// their scalars, with the matched flags on the stack; any other pair through arrays of their
    /// scalars. Both go through one core, so the score is the same either way. Making the two
    /// arrays and the flags for every pair was ~5,700 instructions a comparison, and a payer name
    /// of a large customer base is compared with more names the larger the base (a block of names
    /// grows with it: 427,000 comparisons in the 1M benchmark against 11,900 at 100k).
    public static func jaroWinkler(_ a: String, _ b: String) -> Int {
        let ascii = a.withUTF8Bytes { a in
            b.withUTF8Bytes { b -> Int? in
                guard isASCII(a), isASCII(b) else { return nil }
                return jaroWinkler(a, b)
            }
        }
        if let ascii { return ascii }
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        return s.withUnsafeBufferPointer { s in t.withUnsafeBufferPointer { t in jaroWinkler(s, t) } }
    }

    /// `string.unicodeScalars.count`, counted on its UTF-8: every byte but a continuation byte
    /// starts a scalar (~700 instructions a name through the scalars' view).
    static func scalarCount(_ string: String) -> Int {
        string.withUTF8Bytes { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    @inline(__always)
    private static func jaroWinkler<Unit: Equatable>(_ s: UnsafeBufferPointer<Unit>, _ t: UnsafeBufferPointer<Unit>) -> Int {
        if s.isEmpty || t.isEmpty { return s.count == t.count ? 1000 : 0 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: s.count + t.count) { flags in
            flags.initialize(repeating: false)
            let sMatched = UnsafeMutableBufferPointer(rebasing: flags[..<s.count])
            let tMatched = UnsafeMutableBufferPointer(rebasing: flags[s.count...])
            var matches = 0
            for i in s.indices {
                let low = max(0, i - window), high = min(t.count - 1, i + window)
                if low > high { continue }
                for j in low...high where !tMatched[j] && s[i] == t[j] {
                    sMatched[i] = true
                    tMatched[j] = true
                    matches += 1
                    break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0, k = 0
            for i in s.indices where sMatched[i] {
                while !tMatched[k] { k += 1 }
                if s[i] != t[k] { transpositions += 1 }
                k += 1
            }
            // jaro = (m/|s| + m/|t| + (m − tr/2)/m) / 3 = [2m²|t| + 2m²|s| + (2m − tr)|s||t|] / (6m|s||t|)
            let m = matches, ls = s.count, lt = t.count
            let numerator = 2 * m * m * lt + 2 * m * m * ls + (2 * m - transpositions) * ls * lt
            let jaro = numerator * 1000 / (6 * m * ls * lt)
            var prefix = 0
            while prefix < min(4, ls, lt) && s[prefix] == t[prefix] { prefix += 1 }
            return jaro + prefix * (1000 - jaro) / 10
        }
    }
}

import Testing
import ReconTestSupport
@testable import ReconCore

@Suite struct CheckDigitTests {
    @Test(arguments: [
        ("RF18539007547034", ReferenceCheck.Kind.rf, true), ("RF18 5390 0754 7034", .rf, true), ("RF18539007547035", .rf, false),
        ("123456782", .kid, true), ("123456783", .kid, false),          // MOD10 (Luhn)
        ("12345678903", .kid, true), ("100008-", .kid, true),           // MOD11, with the '-' check digit
        ("12345614", .finnish, true), ("1232", .finnish, true),         // 7-3-1 (neither is Luhn or MOD11)
        ("+++090/9337/55493+++", .belgian, true), ("+++090/9337/55494+++", .belgian, false),
        ("210000000003139471430009017", .swissQR, true), ("210000000003139471430009018", .swissQR, false),
        ("INV-1023", .plain, false),
    ])
    func classifiesReferences(text: String, kind: ReferenceCheck.Kind, valid: Bool) {
        let check = ReferenceCheck.classify(text)
        #expect(check.kind == kind, "\(text)")
        if kind != .plain { #expect(check.isValid == valid, "\(text)") }
    }

    @Test func algorithmsAgreeWithPublishedExamples() {
        #expect(CheckDigits.luhn("100016"))          // a demo KID
        #expect(!CheckDigits.luhn("100061"))         // transposed
        #expect(CheckDigits.mod11("23456761"))
        #expect(!CheckDigits.mod11("23456762"))
        #expect(CheckDigits.finnish("12345614"))
        #expect(!CheckDigits.finnish("12345615"))
        #expect(CheckDigits.iban("NO93 8601 1117 947"))
        #expect(!CheckDigits.iban("NO93 8601 1117 948"))
        #expect(CheckDigits.iban("DE89370400440532013000"))
    }
}

@Suite struct NormalizationTests {
    @Test func keysIgnoreCaseSpacesAndDashes() {
        #expect(Normalization.key("inv-10 23") == "INV1023")
        #expect(Normalization.key("RF18 5390-0754") == "RF1853900754")
        #expect(Normalization.key("Faktura nr. inv-10 23".dropFirst(12)) == "INV1023")  // a Substring
        #expect(Normalization.key("Øvre-Ås 7b") == "ØVREÅS7B")  // letters beyond ASCII kept, upper-cased
        #expect(Normalization.key("") == "")
        #expect(Normalization.key("NO9632834561556") == "NO9632834561556")  // a key already: itself
        #expect(Normalization.key("til Øvre-Ås".dropFirst(4)) == "ØVREÅS")  // a Substring beyond ASCII
        #expect(Normalization.numericCore("INV001023") == "1023")
        #expect(Normalization.numericCore("A12B34") == nil)
        #expect(Normalization.numericCore("INV12") == nil)
    }

    @Test func namesFoldAccentsAndLegalForms() {
        #expect(Normalization.name("SØRNES TANNLEGEKONTOR OSLO SA") == "sornes tannlegekontor oslo")
        #expect(Normalization.name("Müller Holzbau GmbH") == "muller holzbau")
        #expect(Normalization.name("Rør & Varme AS") == "ror & varme")
        #expect(Normalization.name("Berg, Hansen Ltd.") == "berg hansen")
    }

    @Test func jaroWinklerInThousandths() {
        #expect(Normalization.jaroWinkler("martha", "marhta") == 960)  // 0.9611…, truncated
        #expect(Normalization.jaroWinkler("same", "same") == 1000)
        #expect(Normalization.jaroWinkler("abc", "xyz") == 0)
    }
}

@Suite struct ReferenceExtractionTests {
    let book = OpenItemBook([invoice("INV-1023", "10.00", reference: "RF18539007547034"), invoice("20000017", "5.00"),
                             invoice("77", "1.00"), invoice("10008", "2.00"), invoice("10009", "3.00")])

    func named(_ text: String, ref: String? = nil, e2e: String? = nil) -> [String] {
        let extractor = ReferenceExtractor(index: ItemIndex(book), patterns: [])
        let evidence = extractor.evidence(for: payment("1.00", ref: ref, e2e: e2e, text: text))
        return evidence.named.map { book[$0.item].invoiceId }
    }

    @Test func invoiceNumbersSurviveSpacesDashesZerosAndLineBreaks() {
        #expect(named("Faktura INV-10 23") == ["INV-1023"])
        #expect(named("inv1023") == ["INV-1023"])
        #expect(named("ref 00020000017") == ["20000017"])
        #expect(named("Del 1 av faktura 2000\n0017") == ["20000017"])
        #expect(named("EREF+NOTPROVIDED SVWZ+Rechnung 10008/10009") == ["10008", "10009"])
    }

    @Test func wholeTokensOnly() {
        #expect(named("ordre 1770 og 770 200000171") == [])
        #expect(named("faktura 77.") == [])  // ids under three characters are too short for text
    }

    @Test func structuredReferencesAndEndToEndIds() {
        #expect(named("", ref: "RF18 5390 0754 7034") == ["INV-1023"])
        #expect(named("", e2e: "INV-1023") == ["INV-1023"])
    }

    @Test func aReferenceOneEditAwayIsOnlyASuggestion() {
        let extractor = ReferenceExtractor(index: ItemIndex(book), patterns: [])
        let transposed = payment("1.00", ref: "RF18539007547304")
        let evidence = extractor.evidence(for: transposed)
        #expect(evidence.named.isEmpty)
        #expect(extractor.suggestions(for: transposed, evidence: evidence).map { book[$0].invoiceId } == ["INV-1023"])
        let typoInText = payment("1.00", text: "Faktura 20000071")
        #expect(extractor.suggestions(for: typoInText, evidence: extractor.evidence(for: typoInText))
            .map { book[$0].invoiceId } == ["20000017"])
    }
}

@Suite struct PayerIndexTests {
    let items = [
        OpenItem(invoiceId: "1", customerId: "C1", customerName: "Fjellrud Fisk & Skalldyr Kristiansand ASA", type: .invoice,
                 amount: money("1.00"), invoiceDate: day("2025-01-01"), customerIban: "NO93 8601 1117 947"),
        OpenItem(invoiceId: "2", customerId: "C2", customerName: "Ola Hansen", type: .invoice, amount: money("1.00"),
                 invoiceDate: day("2025-01-01")),
        OpenItem(invoiceId: "3", customerId: "C3", customerName: "Ola Hansen", type: .invoice, amount: money("1.00"),
                 invoiceDate: day("2025-01-01")),
    ]

    @Test func byIbanThenNameThenSimilarName() {
        let index = PayerIndex(items: items, customers: [:], similarity: 930)
        #expect(index.identify(iban: "NO9386011117947", name: nil).customers == ["C1"])
        #expect(index.identify(iban: nil, name: "FJELLRUD FISK & SKALLDYR KRISTIANSAND").method == .name)
        // Banks truncate names: a long prefix of one customer's name is that name.
        let truncated = index.identify(iban: nil, name: "FJELLRUD FISK & SKALLDYR KRIS")
        #expect(truncated.customers == ["C1"])
        #expect(truncated.method == .name)
        #expect(index.identify(iban: nil, name: "Fjellrud Fisk & Skaldyr Kristiansand").method == .similarName)
        #expect(index.identify(iban: nil, name: "Fjellrud Fisk og Skaldyr").method == .unknown)
        #expect(index.identify(iban: "NO0000", name: "Kari Nordmann").method == .unknown)
    }

    @Test func aNameOfTwoCustomersIsAmbiguous() {
        let index = PayerIndex(items: items, customers: ["C4": Customer(id: "C4", name: "Bjørn AS", iban: "DE89370400440532013000")],
                               similarity: 930)
        #expect(index.identify(iban: nil, name: "OLA HANSEN").customers == ["C2", "C3"])
        #expect(index.identify(iban: "DE89 3704 0044 0532 0130 00", name: nil).customers == ["C4"])
    }
}

import PropertyBased

@Suite struct SimilarityBoundTests {
    /// Skipping pairs by length is only safe if the bound is never below the real similarity.
    @Test func theLengthBoundIsNeverBelowTheSimilarity() async {
        let words = Gen.letterOrNumber.string(of: 0...24)
        await propertyCheck(count: 2000, input: words, words) { a, b in
            let bound = PayerIndex.similarityBound(a.unicodeScalars.count, b.unicodeScalars.count)
            #expect(Normalization.jaroWinkler(a, b) <= bound, "\(a) / \(b)")
        }
        #expect(PayerIndex.similarityBound(12, 24) < 930)
        #expect(PayerIndex.similarityBound(14, 19) >= 930)
    }

    /// ASCII names are scored on their bytes, others on arrays of their scalars: both give what
    /// the formula gives over the scalars (`referenceJaroWinkler`, the way recon computed it
    /// before the bytes' path), for names of one alphabet and of mixed ones.
    @Test func theScoreOfBytesIsTheScoreOfScalars() async {
        // Few letters, so that names share many; ø, é and a letter outside Latin-1 for the
        // scalars' path, alone or beside ASCII.
        let alphabet: [Unicode.Scalar] = ["a", "b", "e", "n", "s", " ", "ø", "é", "ж"]
        let names = zip(Gen.int(in: 0...8).array(of: 0...14), Gen.int(in: 0...1)).map { letters, asciiOnly in
            String(String.UnicodeScalarView(letters.map { alphabet[asciiOnly == 1 ? $0 % 6 : $0] }))
        }
        await propertyCheck(count: 3000, input: names, names) { a, b in
            #expect(Normalization.jaroWinkler(a, b) == Self.referenceJaroWinkler(a, b), "\(a) / \(b)")
        }
        #expect(Normalization.jaroWinkler("martha", "marhta") == Self.referenceJaroWinkler("martha", "marhta"))
        #expect(Normalization.jaroWinkler("søren", "soren") == Self.referenceJaroWinkler("søren", "soren"))
        #expect(Normalization.jaroWinkler("", "") == 1000 && Normalization.jaroWinkler("", "ø") == 0)
    }

    static func referenceJaroWinkler(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty || t.isEmpty { return s.count == t.count ? 1000 : 0 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = [Bool](repeating: false, count: s.count), tMatched = [Bool](repeating: false, count: t.count)
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
        let m = matches, ls = s.count, lt = t.count
        let jaro = (2 * m * m * lt + 2 * m * m * ls + (2 * m - transpositions) * ls * lt) * 1000 / (6 * m * ls * lt)
        var prefix = 0
        while prefix < min(4, ls, lt) && s[prefix] == t[prefix] { prefix += 1 }
        return jaro + prefix * (1000 - jaro) / 10
    }

    /// The block search by length looks at exactly the lengths the bound allows.
    @Test func theLengthRangeHoldsExactlyTheLengthsTheBoundAllows() {
        for similarity in [0, 500, 850, 930, 990, 1000] {
            for length in 1...80 {
                let range = PayerIndex.similarLengths(to: length, similarity: similarity)
                for other in 0...400 {
                    let allowed = PayerIndex.similarityBound(length, other) >= similarity
                    if allowed != range.contains(other) {
                        Issue.record("length \(length), other \(other), similarity \(similarity): range \(range)")
                        return
                    }
                }
            }
        }
    }
}

@Suite struct NameFastPathTests {
    /// The byte path for Latin text must give exactly what the general path gives.
    @Test(arguments: ["SØRNES TANNLEGEKONTOR OSLO SA", "Müller Holzbau GmbH", "Rør & Varme AS", "Berg, Hansen Ltd.",
                      "ÆBLE ÅSE ÖRN ÜBER ÇA ÑU ÝR ÉTÉ ÎLE", "Straße 7 × 3 ÷ 2", "Ða þú ÿ", "Ólafur Ægir", "A/S Nord"])
    func latinNamesFoldAsTheGeneralPathDoes(name: String) {
        let fast = Normalization.asciiLatinName(name)
        var general: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty && !Normalization.legalForms.contains(word) { general.append(word) }
            word = ""
        }
        let folds: [Character: String] = ["æ": "ae", "ø": "o", "ö": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o",
            "å": "a", "ä": "a", "á": "a", "à": "a", "â": "a", "ã": "a", "ü": "u", "ú": "u", "ù": "u", "û": "u",
            "é": "e", "è": "e", "ê": "e", "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ß": "ss", "ç": "c", "ñ": "n", "ý": "y"]
        for character in name.lowercased() {
            if let folded = folds[character] { word += folded } else if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "&" { flush(); general.append("&") } else { flush() }
        }
        flush()
        if let fast { #expect(fast == general.joined(separator: " "), "\(name)") }
        #expect(Normalization.name(name) == general.joined(separator: " "), "\(name)")
    }
}

@Suite struct SortedUniqueTests {
    @Test func givesWhatASetSortedGives() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let values = (0..<Int.random(in: 0...12, using: &random)).map { _ in "C\(Int.random(in: 0...6, using: &random))" }
            #expect(values.sortedUnique() == Set(values).sorted(), "\(values)")
        }
    }
}

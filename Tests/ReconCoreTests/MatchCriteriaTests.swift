import Testing
import ReconTestSupport
@testable import ReconCore

/// The key a run caches its rule texts by (`MatchCriteria.textKey`).
@Suite struct MatchCriteriaTests {
    static let sources: [ReferenceSource] = [.reference, .invoiceId, .endToEnd, .textReference, .text, .pattern, .textNumber]
    static let checks: [ReferenceCheck?] = [nil] + [ReferenceCheck.Kind.rf, .kid, .finnish, .belgian, .swissQR, .plain]
        .flatMap { kind in [true, false, nil].map { ReferenceCheck(kind: kind, isValid: $0) } }
    static let references: [MatchCriteria.Reference] = sources.flatMap { source in checks.map { .named(source, $0) } }
        + [.suggested, .contradicted, .none]
    static let payers: [MatchCriteria.Payer] = [PayerMethod.iban, .name, .similarName, .unknown].map { .matched($0) }
        + [.other(["C1"]), .other(["C2", "C3"]), .unknown]
    static let amounts: [MatchCriteria.Amount] = [.exact, .discount, .sum, .allocated, .tolerance, .partial, .over]

    static var all: [MatchCriteria] {
        references.flatMap { reference in
            payers.flatMap { payer in
                amounts.flatMap { amount in
                    [(false, false), (false, true), (true, false), (true, true)].map {
                        MatchCriteria(reference: reference, payer: payer, amount: amount, isUniqueAmount: $0.0,
                                      isDatePlausible: $0.1)
                    }
                }
            }
        }
    }

    /// Over every combination of the fields (26,656 criteria): two criteria with one key have one
    /// text — so two texts never share a key. (Digits added for some cases of the reference only
    /// made `ref=none … amount=over` meet a named reference's key.)
    @Test func criteriaWithEqualKeysHaveEqualTexts() {
        var textByKey: [Int: String] = [:]
        for criteria in Self.all {
            let text = "\(criteria) score=\(criteria.score)"
            if let known = textByKey.updateValue(text, forKey: criteria.textKey) {
                #expect(known == text, "\(text) shares its key with \(known)")
            }
        }
        #expect(textByKey.count > 1000)
    }

    @Test func theCustomersOfAnotherPayerDoNotChangeTheKey() {
        let one = MatchCriteria(reference: .none, payer: .other(["C1"]), amount: .exact, isUniqueAmount: true, isDatePlausible: true)
        var two = one
        two.payer = .other(["C2", "C3"])
        #expect(one.textKey == two.textKey)
        two.isDatePlausible = false
        #expect(one.textKey != two.textKey)
    }
}

/// `Matcher.ranked` reads each candidate's keys once; it must order as the comparison it replaced,
/// which read them from the book in every comparison.
@Suite struct CandidateRankingTests {
    @Test func candidatesRankAsByTheFullComparison() {
        let items = (0..<12).map { index in
            invoice("I-\(index % 5)\(index)", "10.00", date: "2025-06-0\(1 + index % 3)")
        }
        let book = OpenItemBook(items)
        let criteria = MatchCriteriaTests.all
        var random = SplitMix64(seed: 20261206)
        for _ in 0..<2_000 {
            let candidates = (0..<Int.random(in: 2...9, using: &random)).map { _ in
                MatchCandidate(items: [Int.random(in: 0..<items.count, using: &random)],
                               basis: [.named, .uniqueAmount, .subset, .allocation, .suggestion].randomElement(using: &random)!,
                               criteria: [criteria[0], criteria[1], criteria[500], criteria.last!].randomElement(using: &random)!)
            }
            let expected = candidates.sorted { lhs, rhs in
                if lhs.criteria.score != rhs.criteria.score { return lhs.criteria.score > rhs.criteria.score }
                if lhs.basis != rhs.basis { return lhs.basis.rawValue < rhs.basis.rawValue }
                return book.precedes(lhs.items[0], rhs.items[0])
            }
            let ranked = Matcher.ranked(candidates, book: book)
            #expect(ranked.map(\.items) == expected.map(\.items))
            #expect(ranked.map(\.basis) == expected.map(\.basis))
            #expect(ranked.map(\.criteria.score) == expected.map(\.criteria.score))
        }
    }

    /// The customers' item lists of the index are ordered by `sortedByPrecedence`, which reads
    /// each date once: the same order as sorting by `precedes`.
    @Test func itemsSortAsByPrecedes() {
        let items = (0..<30).map { index in
            invoice("I-\(index % 7)\(index)", "10.00", date: "2025-06-0\(1 + index % 4)")
        }
        let book = OpenItemBook(items)
        var random = SplitMix64(seed: 20261207)
        for _ in 0..<1_000 {
            let indexes = (0..<Int.random(in: 0...12, using: &random)).map { _ in Int.random(in: 0..<items.count, using: &random) }
            #expect(book.sortedByPrecedence(indexes) == indexes.sorted(by: book.precedes))
        }
    }
}

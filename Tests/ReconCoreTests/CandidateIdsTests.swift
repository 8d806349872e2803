import Testing
@testable import ReconCore

/// `ReconException.candidateIds`: every id once, in the order of the candidates, held to the
/// quadratic search it replaced.
@Suite struct CandidateIdsTests {
    /// The replaced code, as the reference.
    static func reference(_ candidates: [Candidate]) -> [String] {
        var ids: [String] = []
        for id in candidates.flatMap(\.invoiceIds) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    @Test func theSameIdsInTheSameOrderAsTheQuadraticSearch() {
        var generator = SystemRandomNumberGenerator()
        let pool = (0..<40).map { "2000\($0 * 7)" }
        for _ in 0..<2_000 {
            let candidates = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Candidate(invoiceIds: (0..<Int.random(in: 0...4, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            }
            #expect(ReconException.uniqueIds(of: candidates) == Self.reference(candidates))
        }
    }

    @Test func examples() {
        #expect(ReconException.uniqueIds(of: []) == [])
        #expect(ReconException.uniqueIds(of: [Candidate(invoiceIds: [])]) == [])
        #expect(ReconException.uniqueIds(of: [Candidate(invoiceId: "A")]) == ["A"])
        #expect(ReconException.uniqueIds(of: [Candidate(invoiceIds: ["B", "A", "B"]), Candidate(invoiceIds: ["A", "C"])])
                == ["B", "A", "C"])
    }
}

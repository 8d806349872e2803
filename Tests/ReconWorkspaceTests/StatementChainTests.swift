import ReconCore
import Testing
@testable import ReconWorkspace

/// The chain checks on consecutive statements of one account.
struct StatementChainTests {
    static let nok = Currency(code: "NOK")!

    func link(_ row: Int64, _ id: String, opening: Int64?, closing: Int64?, from: String?, to: String?) -> StatementChain.Link {
        StatementChain.Link(rowId: row, statementId: id, account: "NO72",
                            opening: opening.map { Money(minorUnits: $0, currency: Self.nok) },
                            closing: closing.map { Money(minorUnits: $0, currency: Self.nok) },
                            from: from.flatMap { CalendarDate(iso: $0) }, to: to.flatMap { CalendarDate(iso: $0) }, file: "f.xml")
    }

    @Test func consecutiveStatementsThatChainAreFine() {
        let links = [link(1, "S1", opening: 0, closing: 500, from: "2025-03-07", to: "2025-03-07"),
                     link(2, "S2", opening: 500, closing: 900, from: "2025-03-10", to: "2025-03-10")]  // a weekend between
        #expect(StatementChain.warnings(links, new: [2]).isEmpty)
    }

    @Test func anOpeningBalanceThatIsNotThePreviousClosingNamesBoth() {
        let links = [link(1, "S1", opening: 0, closing: 500, from: "2025-03-10", to: "2025-03-10"),
                     link(2, "S2", opening: 400, closing: 900, from: "2025-03-11", to: "2025-03-11")]
        let warnings = StatementChain.warnings(links, new: [2])
        #expect(warnings == ["statement S2 of NO72 opens with 4.00 NOK, but the previous statement S1 closed with 5.00 NOK"])
    }

    @Test func overlapsAndGapsNameBothStatements() {
        let overlap = [link(1, "S1", opening: nil, closing: nil, from: "2025-03-01", to: "2025-03-10"),
                       link(2, "S2", opening: nil, closing: nil, from: "2025-03-08", to: "2025-03-15")]
        #expect(StatementChain.warnings(overlap, new: [2]) == ["statement S2 of NO72 (from 2025-03-08) overlaps statement S1 (to 2025-03-10)"])
        let gap = [link(1, "S1", opening: nil, closing: nil, from: "2025-03-01", to: "2025-03-10"),
                   link(2, "S2", opening: nil, closing: nil, from: "2025-03-14", to: "2025-03-15")]
        #expect(StatementChain.warnings(gap, new: [1]) == ["no statement of NO72 from 2025-03-11 to 2025-03-13: a gap between statement S1 and statement S2"])
    }

    @Test func pairsOfOldStatementsAreNotReportedAgain() {
        let links = [link(1, "S1", opening: 0, closing: 500, from: "2025-03-10", to: "2025-03-10"),
                     link(2, "S2", opening: 400, closing: 900, from: "2025-03-11", to: "2025-03-11"),
                     link(3, "S3", opening: 900, closing: 950, from: "2025-03-12", to: "2025-03-12")]
        #expect(StatementChain.warnings(links, new: [3]).isEmpty)
    }
}

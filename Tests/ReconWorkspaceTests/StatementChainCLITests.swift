import Foundation
import Testing

/// The chain checks on real camt.053 files, through `recon import bank`.
struct StatementChainCLITests {
    /// A one-entry camt.053 statement of account NO72 (NOK amounts in minor units).
    static func statement(id: String, opening: Int, closing: Int, from: String, to: String, entry: String) -> String {
        func amount(_ minor: Int) -> String { "\(minor / 100).\(String(format: "%02d", minor % 100))" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>\(id)</MsgId><CreDtTm>\(to)T23:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>\(id)</Id>
            <Acct><Id><IBAN>NO7215036123459</IBAN></Id><Ccy>NOK</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">\(amount(opening))</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>\(from)</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">\(amount(closing))</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>\(to)</Dt></Dt></Bal>
            <Ntry><Amt Ccy="NOK">\(amount(closing - opening))</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><Dt>\(to)</Dt></BookgDt><AcctSvcrRef>\(entry)</AcctSvcrRef></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """
    }

    @Test func warningsNameBothStatementsAndTheTransactionsAreImportedAnyway() throws {
        let workspace = try TestWorkspace()
        let s1 = workspace.file("s1.xml", Self.statement(id: "S1", opening: 0, closing: 50000, from: "2025-03-07", to: "2025-03-07", entry: "E1"))
        let s2 = workspace.file("s2.xml", Self.statement(id: "S2", opening: 50000, closing: 90000, from: "2025-03-10", to: "2025-03-10", entry: "E2"))
        let s3 = workspace.file("s3.xml", Self.statement(id: "S3", opening: 80000, closing: 95000, from: "2025-03-11", to: "2025-03-11", entry: "E3"))
        let s4 = workspace.file("s4.xml", Self.statement(id: "S4", opening: 95000, closing: 99000, from: "2025-03-09", to: "2025-03-12", entry: "E4"))
        // S1 → S2 over a weekend, balances chained: no warning.
        let first = try workspace.run(["import", "bank", s1, s2])
        #expect(first.status == 0)
        #expect(!first.stderr.contains("warning"))
        let second = try workspace.run(["import", "bank", s3])
        #expect(second.stderr.contains("warning: \(s3):4: statement S3 of NO7215036123459 opens with 800.00 NOK, but the previous statement S2 closed with 900.00 NOK"))
        let third = try workspace.run(["import", "bank", s4])
        #expect(third.stderr.contains("warning: \(s4):4: statement S4 of NO7215036123459 (from 2025-03-09) overlaps statement S3 (to 2025-03-11)"))
        #expect(try workspace.currency("NOK")["not_matched"] as? Int == 4)
        // The same statement again: nothing new, no warning, no second statement row.
        let again = try workspace.run(["import", "bank", s3])
        #expect(again.stdout.hasPrefix("\(s3): 0 new, 1 already imported, 0 conflicting"))
        #expect(!again.stderr.contains("warning"))
    }
}

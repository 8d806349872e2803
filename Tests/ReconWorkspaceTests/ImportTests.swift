import Foundation
import ReconTestSupport
import Testing

/// Identity on import: nothing twice, nothing lost, conflicts reported.
struct ImportTests {
    @Test func twoIdenticalPaymentsWithoutReferencesOnOneDayStayTwo() throws {
        let workspace = try TestWorkspace()
        let row = "2025-03-10,2025-03-10,100.00,NOK,Kari Nordmann,NO6880841485258,,Husleie,,NO7215036123459\n"
        let file = workspace.file("day.csv", bankHeader + row + row)
        #expect(try workspace.ok(["import", "bank", file]).hasPrefix("\(file): 2 new, 0 already imported, 0 conflicting"))
        #expect(try workspace.ok(["import", "bank", file]).hasPrefix("\(file): 0 new, 2 already imported, 0 conflicting"))
        // An overlapping export of the next day carries the same two payments and one more.
        let next = workspace.file("overlap.csv", bankHeader + row + row
                                  + "2025-03-11,2025-03-11,50.00,NOK,Ola,NO6880841485258,,Strøm,,NO7215036123459\n")
        #expect(try workspace.ok(["import", "bank", next]).hasPrefix("\(next): 1 new, 2 already imported, 0 conflicting"))
        #expect(try workspace.currency("NOK")["not_matched"] as? Int == 3)
    }

    @Test func theSameIdentityWithOtherContentIsAConflictNamingBothFiles() throws {
        let workspace = try TestWorkspace()
        let first = workspace.file("a.csv", bankHeader + "2025-03-10,,100.00,NOK,Kari,,,Husleie,B1,NO7215036123459\n")
        let second = workspace.file("b.csv", bankHeader + "2025-03-10,,120.00,NOK,Kari,,,Husleie,B1,NO7215036123459\n"
                                    + "2025-03-10,,80.00,NOK,Ola,,,Strøm,B2,NO7215036123459\n")
        try workspace.ok(["import", "bank", first])
        let result = try workspace.run(["import", "bank", second])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(second): 1 new, 0 already imported, 1 conflicting"))
        #expect(result.stderr.contains("warning: \(second):2: NO7215036123459/B1/1 was imported before from \(first):2 "
                                       + "with other content: amount '120.00 NOK' (was '100.00 NOK'); not imported (conflicting)"))
        let nok = try workspace.currency("NOK")
        #expect(nok["not_matched_amount"] as? String == "180.00")
    }

    @Test func aFileWithBadDataImportsNothingOfAnyFile() throws {
        let workspace = try TestWorkspace()
        let good = workspace.file("good.csv", bankHeader + "2025-03-10,,100.00,NOK,Kari,,,Husleie,B1,NO7215036123459\n")
        let bad = workspace.file("bad.csv", bankHeader + "2025-03-10,,1.005,NOK,Kari,,,Husleie,B2,NO7215036123459\n")
        let result = try workspace.run(["import", "bank", good, bad])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.csv:2:"))
        #expect((try workspace.status()["currencies"] as? [String: Any])?.isEmpty == true)
        #expect(try workspace.run(["import", "bank", workspace.directory.path + "/missing.xml"]).status == 66)
    }

    @Test func invoicesAreUpdatedByIdUntilRecontHasSettledOnThem() throws {
        let workspace = try TestWorkspace()
        let invoices = workspace.file("inv.csv", invoiceHeader
            + "I1,C1,Kunde,invoice,NOK,1000.00,,2025-03-01,,,1001,NO6880841485258\n"
            + "I2,C2,Kunde 2,invoice,NOK,500.00,,2025-03-01,,,1002,\n")
        #expect(try workspace.ok(["import", "invoices", invoices]).hasSuffix("2 new, 0 updated, 0 unchanged\n"))
        let payment = workspace.file("pay.csv", bankHeader + "2025-03-10,,400.00,NOK,Kunde,NO6880841485258,1001,,B1,NO1\n")
        try workspace.ok(["import", "bank", payment])
        try workspace.ok(["match"])
        // I2 has no settlements: the ERP's new amount wins. I1 has one: a new amount is refused.
        let changed = workspace.file("inv2.csv", invoiceHeader
            + "I1,C1,Kunde,invoice,NOK,1200.00,,2025-03-01,,,1001,NO6880841485258\n"
            + "I2,C2,Kunde 2,invoice,NOK,450.00,,2025-03-01,,,1002,\n")
        let refused = try workspace.run(["import", "invoices", changed])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("inv2.csv:2: invoice I1: amount 1200.00 NOK differs from 1000.00 NOK in the workspace "
                                        + "(\(invoices):2), and it already has settlements (NO1/B1/1 on 2025-03-10)"))
        let fine = workspace.file("inv3.csv", invoiceHeader
            + "I1,C1,Kunde AS,invoice,NOK,1000.00,1000.00,2025-03-01,2025-03-31,,1001,NO6880841485258\n"
            + "I2,C2,Kunde 2,invoice,NOK,450.00,,2025-03-01,,,1002,\n")
        #expect(try workspace.ok(["import", "invoices", fine]).hasSuffix("0 new, 2 updated, 0 unchanged\n"))
        // recon's open amount of I1 (600.00) stands, though the ERP still says 1000.00.
        #expect(try workspace.currency("NOK")["open_amount"] as? String == "1050.00")
    }
}

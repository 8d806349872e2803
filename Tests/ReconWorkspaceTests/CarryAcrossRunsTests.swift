import Foundation
import ReconTestSupport
import Testing

/// Partial payments, discounts taken and customer credits carry across statements and matches.
struct CarryAcrossRunsTests {
    static let invoices = invoiceHeader
        + "1001,C1,Fjord AS,invoice,NOK,1000.00,,2025-06-01,,2%/10,10016,NO0852601815907\n"
        + "1002,C2,Berg AS,invoice,NOK,500.00,,2025-06-01,,,10024,NO1883016613188\n"
        + "1003,C3,Vik AS,invoice,NOK,300.00,,2025-06-01,,,10032,NO3594821993517\n"

    @Test func aPartialPaymentWithDiscountIsFinishedByALaterStatement() throws {
        let workspace = try TestWorkspace()
        try workspace.ok(["import", "invoices", workspace.file("inv.csv", Self.invoices)])
        // Day 1: 490.00 within the 2 % period → 10.00 discount, 500.00 stays open.
        try workspace.ok(["import", "bank", workspace.file("d1.csv", bankHeader
            + "2025-06-05,,490.00,NOK,Fjord AS,NO0852601815907,10016,,B1,NO72\n")])
        try workspace.ok(["match"])
        #expect(try workspace.currency("NOK")["open_amount"] as? String == "1300.00")
        // Day 2, another statement: 490.00 again settles the rest with the other 10.00, not more.
        try workspace.ok(["import", "bank", workspace.file("d2.csv", bankHeader
            + "2025-06-08,,490.00,NOK,Fjord AS,NO0852601815907,10016,,B2,NO72\n")])
        let second = try workspace.ok(["match"])
        #expect(second.hasPrefix("matched 1 transactions: 1 settled, 0 in the report"))
        let nok = try workspace.currency("NOK")
        #expect(nok["open_amount"] as? String == "800.00")
        #expect(nok["discounts"] as? String == "20.00")
        #expect(nok["open_exceptions"] as? Int == 0)  // the first partial payment is no longer open
        try workspace.ok(["export", "--out", workspace.directory.path + "/out"])
        let settlements = try String(contentsOfFile: workspace.directory.path + "/out/settlements.csv", encoding: .utf8)
        #expect(settlements.contains(",1001,C1,NOK,490.00,10.00,0.00,500.00,1000.00,500.00,partial_discount,"))
        #expect(settlements.contains(",1001,C1,NOK,490.00,10.00,0.00,500.00,500.00,0.00,"))
    }

    @Test func anOverpaymentCreditAndAnExceptionSettledByAnItemImportedLater() throws {
        let workspace = try TestWorkspace()
        try workspace.ok(["import", "invoices", workspace.file("inv.csv", Self.invoices)])
        try workspace.ok(["import", "bank", workspace.file("d1.csv", bankHeader
            + "2025-06-05,,550.00,NOK,Berg AS,NO1883016613188,10024,,B1,NO72\n"
            + "2025-06-05,,700.00,NOK,Nord AS,NO9386011117947,10040,,B2,NO72\n")])
        let first = try workspace.ok(["match"])
        #expect(first.hasPrefix("matched 2 transactions: 1 settled, 1 in the report"))
        var nok = try workspace.currency("NOK")
        #expect(nok["new_credits"] as? String == "50.00")
        #expect(nok["open_exceptions_amount"] as? String == "700.00")
        // The invoice the unknown reference names arrives a day later: the next match settles it.
        try workspace.ok(["import", "invoices", workspace.file("inv2.csv", invoiceHeader
            + "1004,C4,Nord AS,invoice,NOK,700.00,,2025-06-02,,,10040,NO9386011117947\n")])
        let second = try workspace.ok(["match"])
        #expect(second.hasPrefix("matched 1 transactions: 1 settled, 0 in the report, 0 other entries; 1 vouchers (1 were in the report before)"))
        nok = try workspace.currency("NOK")
        #expect(nok["open_exceptions"] as? Int == 0)
        #expect(nok["balanced"] as? Bool == true)
        // Open: 1001 (1000.00) + 1003 (300.00) − the credit of 50.00.
        #expect(nok["open_amount"] as? String == "1250.00")
        #expect(try workspace.run(["status", "--check"]).status == 0)
    }
}

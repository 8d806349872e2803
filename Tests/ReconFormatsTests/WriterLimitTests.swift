import Testing
import ReconCore
@testable import ReconFormats

@Suite struct HTMLReportLimitTests {
    @Test func longTablesAreCutWithANote() {
        let row = Settlement(entryId: "E", bankRef: "B", bookingDate: CalendarDate(iso: "2025-01-01")!, invoiceId: "I",
                             customerId: "C", paid: Money(minorUnits: 100, currency: .EUR), cashDiscount: .zero(.EUR),
                             writeOff: .zero(.EUR), openBefore: Money(minorUnits: 100, currency: .EUR), openAfter: .zero(.EUR),
                             kind: .exact)
        let rows = Array(repeating: row, count: HTMLReportWriter.maxSettlementRows + 3)
        let html = HTMLReportWriter.settlementsTable(rows)
        #expect(html.contains("The first 5000 of 5003 rows; all of them are in settlements.csv."))
        #expect(html.components(separatedBy: "<tr data-kind=").count - 1 == HTMLReportWriter.maxSettlementRows)
        #expect(!HTMLReportWriter.settlementsTable(Array(rows.prefix(3))).contains("The first"))
    }
}

import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

@Suite struct SIETests {
    @Test func swedishLettersHaveTheirCP437Bytes() {
        var bytes: [UInt8] = [], lost: [Character] = []
        CP437.encode("åäöÅÄÖé", into: &bytes, unmappable: &lost)
        #expect(bytes == [0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99, 0x82])
        #expect(lost.isEmpty)
        #expect(CP437.decode(bytes) == "åäöÅÄÖé")
    }

    @Test func aCharacterWithoutACP437FormIsReportedNotDropped() {
        var bytes: [UInt8] = [], lost: [Character] = []
        CP437.encode("Sjøstjerne €5 Łódź", into: &bytes, unmappable: &lost)
        #expect(CP437.decode(bytes) == "Sj?stjerne ?5 ?ód?")
        #expect(lost == ["ø", "€", "Ł", "ź"])
    }

    @Test func theWriterWarnsForEachVoucherWithLostCharacters() throws {
        let date = CalendarDate(iso: "2025-03-14")!
        let amount = try Money.parse("75.00", currency: .SEK)
        let voucher = Voucher(number: "000004", date: date, currency: .SEK, entryId: "A/B804/1", lines: [
            JournalLine(account: "1920", amount: amount, text: "Payment B804"),
            JournalLine(account: "2990", amount: -amount, text: "Suspense B804: Bjørn → ask"),
        ])
        let input = JournalInput(vouchers: [voucher], settlements: [], newCredits: [], accounts: LedgerAccounts(),
                                 transactions: [])
        let temporary = TemporaryDirectory()
        let directory = try OutputDirectory(path: temporary.path)
        let writer = try directory.create("journal-SEK.se")
        let warnings = try SIEJournalWriter.write(input, currency: .SEK, to: writer)
        #expect(warnings.map(\.description) == ["journal-SEK.se:13: voucher 000004: CP437 has no 'ø', '→', written as '?'"])
        directory.abandon()
    }
}

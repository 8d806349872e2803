import Testing
@testable import ReconCore

@Suite struct CalendarDateTests {
    @Test(arguments: ["2025-01-01", "2024-02-29", "2000-02-29", "1970-01-01", "1969-12-31", "0001-01-01", "9999-12-31"])
    func roundTripsValidDates(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-01-32",
                      "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01T00:00", "", "0000-01-01"])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func countsDays() throws {
        let june25 = try #require(CalendarDate(iso: "2025-06-25"))
        #expect(june25.adding(days: 5).description == "2025-06-30")
        #expect(june25.adding(days: 6).description == "2025-07-01")
        #expect(try #require(CalendarDate(iso: "2024-12-31")).adding(days: 1).description == "2025-01-01")
        #expect(try #require(CalendarDate(iso: "2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(june25.days(until: june25.adding(days: 14)) == 14)
    }
}

import Testing

@testable import LaporDomain

@Suite struct LocalDateTests {
    @Test func knownDatesAndWeekdays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2026-03-17").weekday == .tuesday)
        #expect(day("2025-03-27").weekday == .thursday)
        #expect(day("2024-02-29").weekday == .thursday)
        #expect(day("2000-01-01").weekday == .saturday)
        #expect(day("1969-12-31").weekday == .wednesday)
    }

    @Test func roundTripsEveryDayOfTheSupportedRange() {
        var date = LocalDate(year: 1999, month: 12, day: 1)!
        let end = LocalDate(year: 2101, month: 1, day: 31)!
        var previous = date.adding(days: -1)
        while date <= end {
            let c = date.components
            #expect(LocalDate(year: c.year, month: c.month, day: c.day) == date)
            #expect(LocalDate(iso: date.iso) == date)
            #expect(date.weekday.rawValue == (previous.weekday.rawValue + 1) % 7)
            previous = date
            date = date.adding(days: 1)
        }
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-03-17", "2026/03/17", "2026-03-1a", "", "2026-03-170"])
    func refusesImpossibleOrMalformedDates(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2100-02-29") == nil)
    }
}

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

@Suite struct TimestampTests {
    @Test func parsesAndFormatsWithTheOffset() {
        let t = ts("2026-03-02T09:15:00+07:00")
        #expect(t.epochSeconds == 1_772_417_700)
        #expect(t.rfc3339 == "2026-03-02T09:15:00+07:00")
        #expect(t.in(.wit).rfc3339 == "2026-03-02T11:15:00+09:00")
        #expect(ts("2026-03-02T02:15:00Z") == t)
        #expect(ts("2026-03-02T02:15:00Z").rfc3339 == "2026-03-02T02:15:00Z")
        #expect(ts("2026-03-02 09:15:00.123456+07:00") == t)
        #expect(ts("2026-03-01T21:15:00-05:00") == t)
    }

    @Test func localDateFollowsTheZone() {
        let t = ts("2026-03-17T23:30:00+07:00")
        #expect(t.localDate == day("2026-03-17"))
        #expect(t.in(.wita).localDate == day("2026-03-18"))
        #expect(t.in(.wit).localDate == day("2026-03-18"))
        #expect(ts("1969-12-31T23:00:00Z").localDate == day("1969-12-31"))
    }

    @Test(arguments: [
        "2026-03-02T09:15:00", "2026-03-02T24:00:00+07:00", "2026-03-02T09:60:00+07:00", "2026-02-30T09:15:00Z",
        "2026-03-02T09:15:00+0700", "2026-03-02T09:15:00+07:00x", "2026-03-02T09:15:00.Z", "yesterday", "",
    ])
    func refusesMalformedTimes(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }
}

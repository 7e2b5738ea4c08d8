import Testing

@testable import LaporDomain

@Suite struct WorkingCalendarTests {
    let skip = WorkingCalendar.builtin(skipsCutiBersama: true)
    let work = WorkingCalendar.builtin(skipsCutiBersama: false)

    @Test func nyepiAndIdulFitri2026() throws {
        let start = ts("2026-03-17T10:00:00+07:00")
        #expect(try skip.due(after: start, workingDays: 3, in: .wib).at.rfc3339 == "2026-03-27T23:59:59+07:00")
        #expect(try work.due(after: start, workingDays: 3, in: .wib).at.rfc3339 == "2026-03-23T23:59:59+07:00")
    }

    @Test func idulFitri2025() throws {
        let d = try skip.due(after: ts("2025-03-27T08:00:00+07:00"), workingDays: 5, in: .wib)
        #expect(d.at.rfc3339 == "2025-04-14T23:59:59+07:00")
        #expect(d.date.weekday == .monday)
        #expect(!d.isProvisional)
    }

    @Test func aSaturdayEventCountsFromMonday() throws {
        // Sat 2026-11-21: Mon 23 is day 1, Fri 27 day 5.
        let d = try skip.due(after: ts("2026-11-21T14:00:00+07:00"), workingDays: 5, in: .wib)
        #expect(d.at.rfc3339 == "2026-11-27T23:59:59+07:00")
        let one = try skip.due(after: ts("2026-11-22T23:59:59+07:00"), workingDays: 1, in: .wib)
        #expect(one.date == day("2026-11-23"))
    }

    @Test func theHourOfTheEventDoesNotMatterButItsZoneDoes() throws {
        // 23:30 WIB on Tue 2026-11-24 is already Wed 25 in WITA and WIT.
        let late = ts("2026-11-24T23:30:00+07:00")
        #expect(try skip.due(after: late, workingDays: 1, in: .wib).at.rfc3339 == "2026-11-25T23:59:59+07:00")
        #expect(try skip.due(after: late, workingDays: 1, in: .wita).at.rfc3339 == "2026-11-26T23:59:59+08:00")
        #expect(try skip.due(after: late, workingDays: 1, in: .wit).at.rfc3339 == "2026-11-26T23:59:59+09:00")
        let early = ts("2026-11-24T00:00:00+07:00")
        #expect(try skip.due(after: early, workingDays: 1, in: .wib).at == skip.due(after: late, workingDays: 1, in: .wib).at)
    }

    @Test func acrossNewYear() throws {
        // Wed 2025-12-24: 25 L, 26 C, 27-28 weekend, 29, 30, 31, (1 Jan L), 2 Jan = 4th, 5 Jan = 5th.
        let d = try skip.due(after: ts("2025-12-24T09:00:00+07:00"), workingDays: 5, in: .wib)
        #expect(d.at.rfc3339 == "2026-01-05T23:59:59+07:00")
        #expect(!d.isProvisional)
        let cutiWorked = try work.due(after: ts("2025-12-24T09:00:00+07:00"), workingDays: 5, in: .wib)
        #expect(cutiWorked.at.rfc3339 == "2026-01-02T23:59:59+07:00")
    }

    @Test func aYearWithoutDataIsProvisionalAndNamed() throws {
        let d = try skip.due(after: ts("2027-12-20T09:00:00+07:00"), workingDays: 10, in: .wib)
        #expect(d.at.rfc3339 == "2028-01-04T23:59:59+07:00")
        #expect(d.missingYears == [2028])
        #expect(d.provisionalYears == [2027])
        #expect(d.isProvisional)
        let beforeData = try skip.due(after: ts("2023-12-28T09:00:00+07:00"), workingDays: 3, in: .wib)
        #expect(beforeData.missingYears == [2023])
        #expect(beforeData.at.rfc3339 == "2024-01-03T23:59:59+07:00")  // 29 Dec (2023, no data), 2 Jan, 3 Jan
        let within2026 = try skip.due(after: ts("2026-06-01T09:00:00+07:00"), workingDays: 5, in: .wib)
        #expect(within2026.missingYears.isEmpty && within2026.provisionalYears.isEmpty)
    }

    @Test func refusesWhatItCannotCompute() {
        #expect(throws: CalendarError.workingDaysOutOfRange(0)) { try skip.due(after: ts("2026-01-05T00:00:00Z"), workingDays: 0, in: .wib) }
        #expect(throws: CalendarError.outsideSupportedRange(day("1999-12-31"))) {
            try skip.due(after: ts("1999-12-31T00:00:00+07:00"), workingDays: 1, in: .wib)
        }
        #expect(throws: CalendarError.outsideSupportedRange(day("2099-12-30"))) {
            try skip.due(after: ts("2099-12-30T00:00:00+07:00"), workingDays: 5, in: .wib)
        }
    }

    @Test func remainingWorkingTime() throws {
        let due = ts("2026-03-27T23:59:59+07:00")
        // Wed 25 at 19:00: 5 hours of Wednesday, Thursday and Friday.
        let r = skip.remaining(from: ts("2026-03-25T19:00:00+07:00"), until: due, in: .wib)
        #expect(!r.isOverdue)
        #expect((r.workingDays, r.hours, r.minutes) == (2, 5, 0))
        // From Tue 17 at 10:00 the days off do not count: 14 h of the 17th + 25, 26, 27.
        let early = skip.remaining(from: ts("2026-03-17T10:00:00+07:00"), until: due, in: .wib)
        #expect((early.workingDays, early.hours) == (3, 14))
        // On a Saturday before a Monday deadline: one working day.
        let weekend = skip.remaining(from: ts("2026-11-21T12:00:00+07:00"), until: ts("2026-11-23T23:59:59+07:00"), in: .wib)
        #expect((weekend.workingDays, weekend.hours) == (1, 0))
        // Overdue: Monday 30 at 10:00 is 10 working hours late (the weekend does not count).
        let late = skip.remaining(from: ts("2026-03-30T10:00:00+07:00"), until: due, in: .wib)
        #expect(late.isOverdue)
        #expect(late.seconds == -10 * 3600)
        #expect((late.workingDays, late.hours) == (0, 10))
        // The last second before is not overdue; the first second after is.
        #expect(!skip.remaining(from: due, until: due, in: .wib).isOverdue)
        #expect(skip.remaining(from: due.adding(seconds: 1), until: due, in: .wib).isOverdue)
    }

    @Test func explanationNamesEveryDay() throws {
        let e = try skip.explain(after: ts("2026-03-17T10:00:00+07:00"), workingDays: 3, in: .wib)
        #expect(e.days.count == 11)
        #expect(e.days.first?.role == .eventDay)
        #expect(e.days.map(\.role).filter { if case .counted = $0 { true } else { false } }.count == 3)
        #expect(e.days.last == ExplainedDay(date: day("2026-03-27"), role: .counted(3), notes: []))
        #expect(e.days[1].notes == [.cutiBersama("Cuti Bersama Hari Suci Nyepi")])
        #expect(e.days[4].notes == [.saturday, .nationalHoliday("Hari Raya Idul Fitri")])
        let worked = try work.explain(after: ts("2026-03-17T10:00:00+07:00"), workingDays: 3, in: .wib)
        #expect(
            worked.days[1] == ExplainedDay(date: day("2026-03-18"), role: .counted(1), notes: [.cutiBersamaWorked("Cuti Bersama Hari Suci Nyepi")]))
        let future = try skip.explain(after: ts("2027-12-30T10:00:00+07:00"), workingDays: 2, in: .wib)
        #expect(future.days.map(\.notes).contains([.noData(year: 2028)]))
        #expect(future.days.contains { $0.notes.contains(.provisionalData(year: 2027)) } == false)
        let withProvisionalHoliday = try skip.explain(after: ts("2027-03-08T10:00:00+07:00"), workingDays: 2, in: .wib)
        #expect(withProvisionalHoliday.days.contains { $0.notes.contains(.provisionalData(year: 2027)) })
    }

    @Test func aCalendarFromTheServerReplacesTheBuiltinOne() throws {
        let only = WorkingCalendar(years: [HolidayYear(year: 2026, holidays: [Holiday(date: day("2026-11-23"), name: "Uji", kind: .liburNasional)])])
        #expect(try only.due(after: ts("2026-11-20T10:00:00+07:00"), workingDays: 1, in: .wib).date == day("2026-11-24"))
        #expect(only.hasData(for: 2026) && !only.hasData(for: 2025))
    }
}

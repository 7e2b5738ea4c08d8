import PropertyBased
import Testing

@testable import LaporDomain

/// Properties that must hold for every event instant, zone, policy and N.
@Suite struct WorkingCalendarPropertyTests {
    static let start = ts("2023-06-01T00:00:00Z").epochSeconds
    static let end = ts("2028-06-01T00:00:00Z").epochSeconds
    static let instants = Gen.int(in: Int(start)...Int(end)).map { Timestamp(epochSeconds: Int64($0)) }
    static let counts = Gen.int(in: 1...260)
    static let zones = Gen<IndonesianTimeZone>.case
    static let policies = Gen.bool

    @Test func aDeadlineIsTheEndOfAWorkingDayAfterTheEvent() async {
        await propertyCheck(count: 500, input: Self.instants, Self.counts, Self.zones, Self.policies) { instant, n, zone, skip in
            let calendar = WorkingCalendar.builtin(skipsCutiBersama: skip)
            let d = try calendar.due(after: instant, workingDays: n, in: zone)
            #expect(calendar.isWorkingDay(d.date))
            #expect(d.at.in(zone).secondOfDay == 86_399)
            #expect(d.at.offsetSeconds == zone.secondsFromUTC)
            #expect(d.date > instant.in(zone).localDate)
        }
    }

    @Test func countingBackFromTheDeadlineGivesN() async {
        await propertyCheck(count: 500, input: Self.instants, Self.counts, Self.zones, Self.policies) { instant, n, zone, skip in
            let calendar = WorkingCalendar.builtin(skipsCutiBersama: skip)
            let d = try calendar.due(after: instant, workingDays: n, in: zone)
            #expect(calendar.workingDays(after: instant.in(zone).localDate, through: d.date) == n)
            // No working day between the one before and the deadline is missed.
            #expect(calendar.workingDays(after: instant.in(zone).localDate, through: d.date.adding(days: -1)) == n - 1)
        }
    }

    @Test func moreDaysNeverGiveAnEarlierDeadline() async {
        await propertyCheck(count: 500, input: Self.instants, Gen.int(in: 1...259), Self.zones, Self.policies) { instant, n, zone, skip in
            let calendar = WorkingCalendar.builtin(skipsCutiBersama: skip)
            let a = try calendar.due(after: instant, workingDays: n, in: zone)
            let b = try calendar.due(after: instant, workingDays: n + 1, in: zone)
            #expect(b.at > a.at)
            let later = try calendar.due(after: instant.adding(seconds: 86_400), workingDays: n, in: zone)
            #expect(later.at >= a.at)
        }
    }

    @Test func theIndexAgreesWithADayByDayWalk() async {
        await propertyCheck(count: 300, input: Self.instants, Gen.int(in: 1...40), Self.zones, Self.policies) { instant, n, zone, skip in
            let calendar = WorkingCalendar.builtin(skipsCutiBersama: skip)
            var date = instant.in(zone).localDate
            var counted = 0
            while counted < n {
                date = date.adding(days: 1)
                let off = date.weekday.isWeekend || calendar.holidays(on: date).contains { $0.kind == .liburNasional || skip }
                if !off { counted += 1 }
            }
            let computed = try calendar.due(after: instant, workingDays: n, in: zone)
            #expect(computed.date == date)
        }
    }

    @Test func skippingCutiBersamaNeverMakesADeadlineEarlier() async {
        await propertyCheck(count: 300, input: Self.instants, Self.counts, Self.zones) { instant, n, zone in
            let skipped = try WorkingCalendar.builtin(skipsCutiBersama: true).due(after: instant, workingDays: n, in: zone)
            let worked = try WorkingCalendar.builtin(skipsCutiBersama: false).due(after: instant, workingDays: n, in: zone)
            #expect(skipped.at >= worked.at)
        }
    }
}

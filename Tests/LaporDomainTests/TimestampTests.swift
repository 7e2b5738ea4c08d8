import Testing

@testable import LaporDomain

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

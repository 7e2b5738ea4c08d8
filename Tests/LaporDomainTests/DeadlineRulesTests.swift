import Foundation
import Testing

@testable import LaporDomain

/// The rulebook (issue 10, contract v1.1 items 3–8): every instant decided once, in the unit's
/// zone, checked at its boundaries in WIB, WITA and WIT.
@Suite struct RulebookTests {
    let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: testUnits)

    /// A report submitted at `at` with unit `unit` (nil: the national queue).
    func submitted(_ at: String, unit: String?) -> Report {
        Report(
            id: "9200001", kind: .pengaduan, channel: .web, title: "t", body: "b", status: .submitted, unitId: unit,
            submittedAt: ts(at), timeline: [TimelineEvent(id: "e-1", type: .submitted, at: ts(at))])
    }

    /// The issue's case: 23:30 WIB on 26 Sep is 01:30 WIT on 27 Sep, so a Jayapura report
    /// escalates at 00:00 WIT on 27 Nov, not at 00:00 WIB on 26 Nov.
    @Test func escalationCountsTheUnitsOwnDays() {
        let jayapura = rules.instants(for: submitted("2026-09-26T23:30:00+07:00", unit: "jpr"))
        #expect(jayapura.escalatesAt?.rfc3339 == "2026-11-27T00:00:00+09:00")
        #expect(!jayapura.isEscalated(at: ts("2026-11-26T23:59:59+09:00")))
        #expect(jayapura.isEscalated(at: ts("2026-11-27T00:00:00+09:00")))
        #expect(jayapura.escalationWarningAt?.rfc3339 == "2026-11-17T00:00:00+09:00")
        let jakarta = rules.instants(for: submitted("2026-09-26T23:30:00+07:00", unit: "dki-dpu"))
        #expect(jakarta.escalatesAt?.rfc3339 == "2026-11-26T00:00:00+07:00")
        // WITA: 23:30 WIB is 00:30 WITA the next day.
        let makassar = rules.instants(for: submitted("2026-09-26T23:30:00+07:00", unit: "mks"))
        #expect(makassar.escalatesAt?.rfc3339 == "2026-11-27T00:00:00+08:00")
        // The national queue counts in WIB.
        #expect(rules.instants(for: submitted("2026-09-26T23:30:00+07:00", unit: nil)).escalatesAt?.rfc3339 == "2026-11-26T00:00:00+07:00")
        // Day 50 (warning starts at day 51's 00:00), day 60, day 61.
        let day0 = rules.instants(for: submitted("2026-09-01T10:00:00+08:00", unit: "mks"))
        #expect(!day0.isEscalating(at: ts("2026-10-21T23:59:59+08:00")))
        #expect(day0.isEscalating(at: ts("2026-10-22T00:00:00+08:00")) && day0.daysToEscalation(at: ts("2026-10-22T00:00:00+08:00")) == 10)
        #expect(day0.isEscalating(at: ts("2026-10-31T23:59:59+08:00")) && !day0.isEscalated(at: ts("2026-10-31T23:59:59+08:00")))
        #expect(day0.isEscalated(at: ts("2026-11-01T00:00:00+08:00")) && !day0.isEscalating(at: ts("2026-11-01T00:00:00+08:00")))
    }

    @Test func dueTodayAndDueSoonInTheUnitsZone() {
        // Submitted Mon 2 Nov 2026 10:00 WIT: verification due Thu 5 Nov 23:59:59 WIT.
        let r = rules.instants(for: submitted("2026-11-02T10:00:00+09:00", unit: "jpr"))
        #expect(r.dueAt?.rfc3339 == "2026-11-05T23:59:59+09:00")
        #expect(r.dueTodayFrom?.rfc3339 == "2026-11-05T00:00:00+09:00")
        #expect(!r.isDueToday(at: ts("2026-11-04T23:59:59+09:00")) && r.isDueToday(at: ts("2026-11-05T00:00:00+09:00")))
        #expect(r.isDueToday(at: ts("2026-11-05T23:59:59+09:00")) && !r.isDueToday(at: ts("2026-11-06T00:00:00+09:00")))
        #expect(r.isOverdue(at: ts("2026-11-06T00:00:00+09:00")) && !r.isOverdue(at: ts("2026-11-05T23:59:59+09:00")))
        // Due soon: the last two working days (Wed and Thu).
        #expect(r.dueSoonFrom?.rfc3339 == "2026-11-04T00:00:00+09:00")
        #expect(!r.isDueSoon(at: ts("2026-11-03T23:59:59+09:00")) && r.isDueSoon(at: ts("2026-11-04T00:00:00+09:00")))
        // At 23:00 WIB on Wednesday it is already Thursday 01:00 in Jayapura: due today there.
        #expect(r.isDueToday(at: ts("2026-11-04T23:00:00+07:00")))
        // Over a weekend: due Monday 9 Nov → due soon from Friday 00:00 (Fri and Mon are left).
        let monday = rules.instants(for: submitted("2026-11-04T09:00:00+07:00", unit: "dki-dpu"))
        #expect(monday.dueAt?.rfc3339 == "2026-11-09T23:59:59+07:00")
        #expect(monday.dueSoonFrom?.rfc3339 == "2026-11-06T00:00:00+07:00")
    }

    @Test func aDeadlineThatCountsProvisionalDaysSaysSo() {
        // Dispatched Mon 28 Dec 2026: five working days run into 2027, whose decree is provisional.
        var report = submitted("2026-12-21T09:00:00+07:00", unit: "dki-dpu")
        report.status = .dispatched
        report.timeline.append(TimelineEvent(id: "e-2", type: .dispatched, at: ts("2026-12-28T09:00:00+07:00"), unitId: "dki-dpu"))
        let instants = rules.instants(for: report)
        #expect(instants.dueProvisional && instants.provisionalYears == [2027])
        #expect(!rules.instants(for: submitted("2026-11-02T10:00:00+07:00", unit: "dki-dpu")).dueProvisional)
    }

    @Test func policyPerKindAndItsDefaults() throws {
        let old = try JSONDecoder().decode(
            SlaPolicy.self,
            from: Data(
                #"{"verify_working_days":3,"followup_working_days":5,"autoclose_working_days":10,"info_wait_working_days":10,"skip_cuti_bersama":true,"escalation_calendar_days":60}"#
                    .utf8))
        #expect(old == .standard, "a v1.0 policy gets the standard warning and due-soon values")
        var policy = SlaPolicy.standard
        policy.followupWorkingDaysByKind = ["permintaan_informasi": 10]
        let perKind = DeadlineRules(policy: policy, calendar: .builtin(), units: testUnits)
        var report = makeReport(.dispatched)  // dispatched Tue 3 Nov
        #expect(perKind.due(for: report)?.at.rfc3339 == "2026-11-10T23:59:59+07:00")
        report.kind = .permintaanInformasi
        #expect(perKind.due(for: report)?.at.rfc3339 == "2026-11-17T23:59:59+07:00")
        policy.followupWorkingDaysByKind = ["keluhan": 4]
        policy.escalationWarningDays = 90
        #expect(policy.problems.count == 2)
    }
}

import Foundation
import Testing

@testable import LaporDomain

/// v1.1 items 3 and 4: the national admin re-routes a report sent to the wrong agency, and the
/// follow-up clock belongs to the agency.
@Suite struct ReroutingAndAgencyClockTests {
    let liaison = dpuLiaison

    @Test func aReturnAndRedispatchToTheSameAgencyKeepsTheClock() throws {
        var report = makeReport(.dispatched)  // dispatched to dki-dpu Tue 3 Nov 10:00 → due Tue 10 Nov
        report.dueAt = workflow.rules.due(for: report)?.at
        let returned = try workflow.apply(
            ActionRequest(id: "a1", reportId: report.id, type: .return, text: "Bukan wewenang DPU."), by: liaison, to: report,
            at: ts("2026-11-05T09:00:00+07:00")
        ).get()
        #expect(returned.status == .verified && returned.unitId == nil)
        let again = try workflow.apply(
            ActionRequest(id: "a2", reportId: report.id, type: .dispatch, unitId: "dki-dlh"), by: nationalAdmin, to: returned,
            at: ts("2026-11-06T09:00:00+07:00")
        ).get()
        #expect(again.dueAt?.rfc3339 == "2026-11-10T23:59:59+07:00", "same agency (DKI): the first dispatch's clock")
        let elsewhere = try workflow.apply(
            ActionRequest(id: "a3", reportId: report.id, type: .dispatch, unitId: "kemenkes"), by: nationalAdmin, to: again,
            at: ts("2026-11-06T10:00:00+07:00")
        ).get()
        #expect(elsewhere.status == .dispatched && elsewhere.unitId == "kemenkes", "the national admin re-routes a dispatched report")
        #expect(elsewhere.dueAt?.rfc3339 == "2026-11-13T23:59:59+07:00", "another agency: a fresh clock from the re-routing")
        #expect(elsewhere.timeline.last?.type == .dispatched)
        let back = try workflow.apply(
            ActionRequest(id: "a4", reportId: report.id, type: .dispatch, unitId: "dki-dpu"), by: nationalAdmin, to: elsewhere,
            at: ts("2026-11-09T10:00:00+07:00")
        ).get()
        #expect(back.dueAt?.rfc3339 == "2026-11-16T23:59:59+07:00", "back to DKI after another agency: fresh again")
        // Forwarding inside the agency never moves it.
        let forwarded = try workflow.apply(
            ActionRequest(id: "a5", reportId: report.id, type: .forward, unitId: "dki-dpu-jp"), by: liaison, to: back,
            at: ts("2026-11-10T10:00:00+07:00")
        ).get()
        #expect(forwarded.dueAt == back.dueAt)
    }

    @Test func whoMayReroute() {
        let report = makeReport(.dispatched)
        func dispatch(_ unit: String) -> ActionRequest { ActionRequest(id: "d", reportId: report.id, type: .dispatch, unitId: unit) }
        #expect(workflow.check(dispatch("kemenkes"), by: nationalAdmin, on: report) == nil)
        #expect(workflow.check(dispatch("dki-dlh"), by: dkiAdmin, on: report) == nil, "inside the agency admin's subtree")
        #expect(workflow.check(dispatch("kemenkes"), by: dkiAdmin, on: report) == .invalid(field: "unit_id", problem: .outsideSubtree("kemenkes")))
        #expect(workflow.check(dispatch("dki-dpu"), by: nationalAdmin, on: report) == .invalid(field: "unit_id", problem: .sameUnit))
        #expect(workflow.check(dispatch("kemenkes"), by: kemenkesAdmin, on: report) == .outsideScope(reportUnitId: "dki-dpu"))
        #expect(workflow.check(dispatch("dki-dlh"), by: liaison, on: report) == .roleNotAllowed(.dispatch, .liaison))
        #expect(workflow.check(dispatch("kemenkes"), by: nationalAdmin, on: makeReport(.followedUp)) == .statusNotAllowed(.dispatch, .followedUp))
        // A forward across agencies: the liaison is told to return it, the admin to dispatch it.
        let forward = ActionRequest(id: "f", reportId: report.id, type: .forward, unitId: "kemenkes")
        #expect(workflow.check(forward, by: nationalAdmin, on: report) == .invalid(field: "unit_id", problem: .otherAgencyDispatch("kemenkes")))
        #expect(workflow.availableActions(for: report, user: nationalAdmin).contains(.dispatch))
    }
}

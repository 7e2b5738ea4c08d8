import Foundation
import LaporApp
import LaporDomain
import LaporStore
import Testing

let units = [Unit(id: "dki", name: "DKI Jakarta"), Unit(id: "dki-dpu", name: "Dinas PU", parentId: "dki")]
let liaison = User(id: "u-l", name: "Siti", role: .liaison, unitId: "dki-dpu")
let supervisor = User(id: "u-s", name: "Sup", role: .supervisor, unitId: "dki")
let now = Timestamp(rfc3339: "2026-11-10T10:00:00+07:00")!

func dispatched(_ id: String, status: ReportStatus = .dispatched) -> Report {
    let submitted = Timestamp(rfc3339: "2026-11-02T09:00:00+07:00")!
    return Report(
        id: id, version: 2, kind: .pengaduan, channel: .web, title: "Jalan berlubang", body: "Lubang besar.", status: status,
        unitId: "dki-dpu", submittedAt: submitted,
        timeline: [
            TimelineEvent(id: "e-1", type: .submitted, at: submitted),
            TimelineEvent(id: "e-2", type: .dispatched, at: Timestamp(rfc3339: "2026-11-03T10:00:00+07:00")!, unitId: "dki-dpu"),
        ])
}

/// A store in a real SQLite file with the reference data of one liaison and two reports.
func deskStore() async throws -> (CaseStore, Workflow, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-app-\(UUID().uuidString)")
    let store = try CaseStore(path: folder.appendingPathComponent("cases.sqlite").path)
    let reference = ReferenceData(user: liaison, units: units, categories: [], calendarYears: WorkingCalendar.builtinYears, policy: .standard)
    try await store.save(reference)
    _ = try await store.apply(page: [.report(dispatched("9100001")), .report(dispatched("9100002"))], cursor: "c", at: now)
    return (store, try #require(reference.workflow), folder)
}

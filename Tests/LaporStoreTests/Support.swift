import Foundation
import LaporDomain
import Testing

@testable import LaporStore

let now = Timestamp(rfc3339: "2026-11-10T10:00:00+07:00")!

func report(
    _ id: String, _ status: ReportStatus, unit: String? = "dki-dpu", due: String? = nil, submitted: String = "2026-11-02T09:00:00+07:00",
    title: String = "Jalan berlubang", body: String = "Lubang besar di depan halte.", kind: ReportKind = .pengaduan,
    privacy: Privacy = .public, timeline: [TimelineEvent] = []
) -> Report {
    var events = timeline
    // The store decides deadlines with the rulebook from the timeline: give the running clock an
    // anchor event from which the rules reach `due` (the latest such day).
    if let due = due.flatMap({ Timestamp(rfc3339: $0) }), let clock = DeadlineRules.clock(for: status), clock != .verification {
        let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: ReferenceData.emptyUnits)
        let type: TimelineEvent.EventType =
            switch status {
            case .replied: .reporterReply
            case .followedUp: .followup
            case .held: .held
            case .infoRequested: .infoRequested
            default: .dispatched
            }
        for back in 1...40 {
            let anchor = Timestamp.startOfDay(due.localDate.adding(days: -back), in: .wib).adding(seconds: 9 * 3600)
            if (try? rules.calendar.due(after: anchor, workingDays: rules.workingDays(for: clock), in: .wib))?.at == due {
                events.append(TimelineEvent(id: "e-\(id)-\(events.count + 1)", type: type, at: anchor, unitId: type == .dispatched ? unit : nil))
                break
            }
        }
    }
    return Report(
        id: id, version: 1, kind: kind, channel: .sms, title: title, body: body, categoryId: "121", privacy: privacy, status: status, unitId: unit,
        submittedAt: Timestamp(rfc3339: submitted)!, dueAt: due.flatMap { Timestamp(rfc3339: $0) }, timeline: events)
}

func temporaryStore() throws -> (CaseStore, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-store-\(UUID().uuidString)")
    return (try CaseStore(path: folder.appendingPathComponent("p/cases.sqlite").path), folder)
}

let liaisonUser = User(id: "u-1", name: "Siti", role: .liaison, unitId: "dki-dpu")

/// The reference data of one liaison of Dinas PU, with `policy`.
func reference(policy: SlaPolicy = .standard) -> ReferenceData {
    ReferenceData(
        user: liaisonUser,
        units: [
            LaporDomain.Unit(id: "dki", name: "DKI Jakarta"), LaporDomain.Unit(id: "dki-dpu", name: "Dinas PU", parentId: "dki"),
            LaporDomain.Unit(id: "dki-dpu-jp", name: "Sudin PU Jakarta Pusat", parentId: "dki-dpu"),
            LaporDomain.Unit(id: "makassar-dpu", name: "Dinas PU Makassar", timezone: "WITA"),
        ],
        categories: [LaporDomain.Category(id: "12", name: "PEKERJAAN UMUM"), LaporDomain.Category(id: "121", name: "JALAN", parentId: "12")],
        calendarYears: WorkingCalendar.builtinYears, policy: policy)
}

/// A follow-up on `report`, as the TUI and `lapor act` build it.
func followup(_ text: String, id: String = UUID().uuidString) -> (Report) -> ActionRequest {
    { r in ActionRequest(id: id, reportId: r.id, baseVersion: r.version, type: .followup, text: text) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

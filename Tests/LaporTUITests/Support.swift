import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText
import Terminal
import Testing

@testable import LaporTUI

let units = try! UnitTree([
    Unit(id: "dki", name: "Pemerintah Provinsi DKI Jakarta"),
    Unit(id: "dki-dpu", name: "Dinas Pekerjaan Umum", parentId: "dki"),
    Unit(id: "dki-dpu-jp", name: "Suku Dinas PU Jakarta Pusat", parentId: "dki-dpu"),
])
let workflow = Workflow(
    units: units, calendar: .builtin(),
    categories: CategoryTree([Category(id: "12", name: "PEKERJAAN UMUM"), Category(id: "121", name: "JALAN BERLUBANG", parentId: "12")]))
let liaison = User(id: "u-5", name: "Siti Rahma", role: .liaison, unitId: "dki-dpu")
let now = Timestamp(rfc3339: "2026-03-25T19:00:00+07:00")!

func row(_ id: String, _ title: String, due: String?, status: ReportStatus = .dispatched, unit: String = "dki-dpu-jp", seen: Bool = false) -> InboxRow
{
    var row = InboxRow(
        id: id, title: title, status: status, statusLabel: status.label(unitName: "Suku Dinas PU Jakarta Pusat"), unitId: unit, kind: .pengaduan,
        channel: .sms,
        privacy: .public, categoryId: "121", submittedAt: Timestamp(rfc3339: "2026-03-17T10:00:00+07:00")!, updatedAt: now,
        dueAt: due.flatMap { Timestamp(rfc3339: $0) }, seen: seen)
    // As the store writes them: the rulebook's instants of the deadline (a 5-working-day follow-up).
    if let due = row.dueAt { row.instants = workflow.rules.instants(dueAt: due, in: .wib) }
    return row
}

let rows = [
    row("9165816", "Jalan berlubang di Jl. Gunung Sahari", due: "2026-03-24T23:59:59+07:00"),
    row("9165817", "Lampu jalan mati 🚧 di depan halte", due: "2026-03-26T23:59:59+07:00", seen: true),
    row("9165818", "Saluran tersumbat — warga 陈美玲 melapor", due: "2026-03-27T23:59:59+07:00"),
]

func detail(body: String = "Lubang besar di depan halte, diameternya kira-kira satu meter.", privacy: Privacy = .anonim) -> Report {
    Report(
        id: "9165816", version: 3, kind: .pengaduan, channel: .sms, title: "Jalan berlubang di Jl. Gunung Sahari", body: body, categoryId: "121",
        location: .init(text: "Jl. Gunung Sahari, Jakarta Pusat"), privacy: privacy, reporter: nil, status: .dispatched,
        statusLabel: "Terdisposisi ke Suku Dinas PU Jakarta Pusat", unitId: "dki-dpu-jp",
        submittedAt: Timestamp(rfc3339: "2026-03-12T10:00:00+07:00")!,
        dueAt: Timestamp(rfc3339: "2026-03-27T23:59:59+07:00"),
        attachments: [.init(id: "a-1", name: "lubang.jpg", mime: "image/jpeg", size: 182_044)],
        timeline: [
            TimelineEvent(id: "e-1", type: .submitted, at: Timestamp(rfc3339: "2026-03-12T10:00:00+07:00")!),
            TimelineEvent(
                id: "e-2", type: .dispatched, at: Timestamp(rfc3339: "2026-03-13T12:00:00+07:00")!,
                actor: .init(id: "u-1", name: "Admin Nasional", role: .admin),
                unitId: "dki-dpu-jp"),
        ])
}

func state(width: Int, height: Int, language: Language = .id) -> AppState {
    var s = AppState(user: liaison, profile: "dpu", workflow: workflow, language: language, width: width, height: height, now: now)
    _ = Update.update(&s, .loaded(rows: rows, total: 3))
    _ = Update.update(&s, .loadedDetail(detail()))
    _ = Update.update(&s, .counts(overdue: 1, dueToday: 0, dueSoon: 2, outbox: 1, lastSync: now.adding(seconds: -180)))
    return s
}

/// Compares a grid with `Snapshots/<name>.txt`; `LAPOR_RECORD=1 swift test` writes them anew.
func assertSnapshot(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let actual = grid.text + "\n"
    if ProcessInfo.processInfo.environment["LAPOR_RECORD"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); run again", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

enum LaporSyncSummaryStub {
    static var offline: SyncSummary {
        var s = SyncSummary()
        s.outcome = .offline
        return s
    }
}

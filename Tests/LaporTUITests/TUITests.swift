import Foundation
import LaporDomain
import LaporStore
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

@Suite struct SnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func inboxWithDetail(width: Int, height: Int) throws {
        try assertSnapshot(View.render(state(width: width, height: height)), "inbox-\(width)x\(height)")
    }

    /// Every view of every role, at both sizes: the title, the columns and (for the overdue view)
    /// the per-unit groups.
    @Test(arguments: ReportView.allCases)
    func everyView(view: ReportView) throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var s = state(width: width, height: height)
            s.view = view
            if view == .overdue {
                _ = Update.update(
                    &s, .loadedGroups([OverdueGroup(unitId: "dki-dpu-jp", count: 1, oldestDue: Timestamp(rfc3339: "2026-03-24T23:59:59+07:00")!)]))
            }
            try assertSnapshot(View.render(s), "view-\(view.rawValue)-\(width)x\(height)")
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func helpAndExplainOverlays(width: Int, height: Int) throws {
        var s = state(width: width, height: height)
        _ = Update.update(&s, .key(.char("?")))
        try assertSnapshot(View.render(s), "help-\(width)x\(height)")
        _ = Update.update(&s, .key(.char("x")))
        _ = Update.update(&s, .key(.char("e")))
        try assertSnapshot(View.render(s), "explain-\(width)x\(height)")
    }

    @Test func englishSearchPromptAndTooSmall() throws {
        var s = state(width: 120, height: 40, language: .en)
        _ = Update.update(&s, .key(.char("/")))
        for c in "lubang" { _ = Update.update(&s, .key(.char(c))) }
        let grid = View.render(s)
        try assertSnapshot(grid, "search-en-120x40")
        #expect(grid.cursor?.y == 39, "the cursor sits on the prompt")
        let small = View.render(state(width: 60, height: 20))
        #expect(small.text.contains("Terminal terlalu kecil (60×20)"))
    }

    @Test func hostileTextIsShownHarmlessly() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .loadedDetail(detail(body: "awal\u{1B}]0;DIRETAS\u{07}\u{1B}[2J\u{9B}31m merah\u{08}\r akhir")))
        let grid = View.render(s)
        let all = grid.cells.map(\.text).joined()
        #expect(!all.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(grid.text.contains("awal␛]0;DIRETAS␇␛[2J⟨U+9B⟩31m merah␈"))
    }

    @Test func dueWithinAWorkingDayHasASymbol() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .tick(Timestamp(rfc3339: "2026-03-26T10:00:00+07:00")!))
        #expect(View.render(s).text.contains("~ 0 hk 14 j"))
    }

    @Test func everyStateReadsWithoutColour() {
        let text = View.render(state(width: 120, height: 40)).text
        #expect(text.contains("! TERLAMBAT"), "overdue has a symbol and a word")
        #expect(text.contains("! TERLAMBAT 0 hk 19 j"), "19 working hours late")
        #expect(text.contains("[ANONIM]") && text.contains("(identitas dirahasiakan)"))
        #expect(View.render(state(width: 80, height: 24)).text.contains("Tenggat tindak lanjut: 2 hari kerja 5 jam lagi — Jum 27 Mar 23:59 WIB"))
        var explained = state(width: 120, height: 40)
        _ = Update.update(&explained, .key(.char("e")))
        let overlay = View.render(explained).text
        #expect(overlay.contains("Tenggat 5 hari kerja sejak Jumat, 13 Maret 2026 (WIB): Jumat, 27 Maret 2026 23:59:59 WIB"))
        #expect(overlay.contains("Jum 27 Mar 2026  hari kerja ke-5"))
        #expect(text.contains("sinkron 3 menit lalu") && text.contains("kotak keluar 1"))
    }
}

@Suite struct UpdateTests {
    @Test(arguments: [Role.liaison, .admin, .supervisor])
    func everyKeyInEveryView(role: Role) {
        let user = User(id: "u", name: "U", role: role, unitId: role == .admin ? nil : "dki-dpu")
        for (index, view) in ReportView.views(for: role).enumerated() {
            var s = AppState(user: user, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
            #expect(Update.update(&s, .key(.char(Character(String(index + 1))))) == [.reload])
            #expect(s.view == view)
            _ = Update.update(&s, .loaded(rows: rows, total: 3))
            #expect(s.selected == 0)
            #expect(Update.update(&s, .key(.char("j"))) == [.loadDetail("9165817"), .markSeen("9165817")])
            _ = Update.update(&s, .key(.down))
            #expect(s.selected == 2)
            #expect(Update.update(&s, .key(.down)).isEmpty, "no move past the end")
            _ = Update.update(&s, .key(.char("k")))
            _ = Update.update(&s, .key(.up))
            #expect(s.selected == 0)
            _ = Update.update(&s, .key(.char("G")))
            #expect(s.selected == 2)
            _ = Update.update(&s, .key(.char("g")))
            #expect(s.selected == 0)
            _ = Update.update(&s, .key(.pageDown))
            #expect(s.selected == 2)
            _ = Update.update(&s, .key(.pageUp))
            #expect(s.selected == 0)
            _ = Update.update(&s, .key(.enter))
            #expect(s.focus == .detail)
            _ = Update.update(&s, .key(.char("j")))
            #expect(s.detailScroll == 1 && s.selected == 0, "in the detail, j scrolls")
            _ = Update.update(&s, .key(.tab))
            #expect(s.focus == .list)
            #expect(Update.update(&s, .key(.char("s"))) == [.sync])
            _ = Update.update(&s, .syncStarted)
            #expect(Update.update(&s, .key(.char("s"))).isEmpty, "one sync at a time")
            _ = Update.update(&s, .key(.char("?")))
            #expect(s.keyHelp == .normal && View.render(s).text.contains("Tombol — Daftar dan rincian"))
            _ = Update.update(&s, .key(.char("q")))
            #expect(s.keyHelp == nil && !s.quit, "a key closes the help, and only that")
            _ = Update.update(&s, .key(.char("e")))
            #expect(s.message != nil, "no report loaded: e explains why not")
            _ = Update.update(&s, .key(.char("/")))
            for c in "jalan" { _ = Update.update(&s, .key(.char(c))) }
            _ = Update.update(&s, .key(.backspace))
            #expect(Update.update(&s, .key(.enter)) == [.reload])
            #expect(s.search == "jala" && s.filter.search == "jala")
            _ = Update.update(&s, .key(.char("f")))
            for c in "kind=aspirasi" { _ = Update.update(&s, .key(.char(c))) }
            #expect(Update.update(&s, .key(.enter)) == [.reload])
            #expect(s.filter.kinds == [.aspirasi])
            _ = Update.update(&s, .key(.char("f")))
            for c in "warna=merah" { _ = Update.update(&s, .key(.char(c))) }
            #expect(Update.update(&s, .key(.enter)).isEmpty)
            #expect(s.message?.contains("warna=merah' tidak dikenal") == true)
            #expect(Update.update(&s, .key(.escape)) == [.reload])
            #expect(s.search == nil && s.filter.kinds == nil)
            let before = s.order
            #expect(Update.update(&s, .key(.char("S"))) == [.reload])
            #expect(s.order != before)
            _ = Update.update(&s, .key(.char("Z")))
            #expect(s.message?.contains("tidak dipakai") == true)
            _ = Update.update(&s, .key(.char("q")))
            #expect(s.quit)
        }
    }

    @Test func aLargeViewScrollsThroughAWindowOfRows() {
        var s = AppState(user: liaison, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
        let window = (0..<1_000).map { row(String(9_100_000 + $0), "Laporan \($0)", due: nil) }
        _ = Update.update(&s, .loaded(rows: window, total: 100_000, offset: 0))
        #expect(Update.update(&s, .key(.char("j"))) == [.loadDetail("9100001"), .markSeen("9100001")])
        for _ in 1..<s.listRows { _ = Update.update(&s, .key(.char("j"))) }
        #expect(s.selected == s.listRows && s.top == s.listRows - s.listRows / 2, "past the bottom: half a page, not one line")
        #expect(Update.update(&s, .key(.char("G"))) == [.reload], "the end is outside the window: load it")
        #expect(s.selected == 99_999 && s.top == 99_999 - s.listRows + 1)
        let tail = (98_800..<100_000).map { row(String(9_000_000 + $0), "Laporan \($0)", due: nil) }
        _ = Update.update(&s, .loaded(rows: Array(tail), total: 100_000, offset: 98_800))
        #expect(s.row(at: s.selected)?.id == "9099999")
        #expect(View.render(s).text.contains("100000/100000"))
    }

    @Test func aMinuteTickReloadsAndSyncResultsAreShown() {
        var s = state(width: 120, height: 40)
        #expect(Update.update(&s, .tick(now.adding(seconds: 20))).isEmpty)
        #expect(Update.update(&s, .tick(now.adding(seconds: 61))) == [.reload, .refreshCounts])
        var summary = LaporSyncSummaryStub.offline
        summary.message = "offline: connection refused"
        _ = Update.update(&s, .syncFinished(summary))
        #expect(s.offline && View.render(s).text.contains("luring"))
        _ = Update.update(&s, .resize(width: 80, height: 24))
        #expect(View.render(s).width == 80)
    }
}

/// A running screen counts with the rules the last sync stored (issue 11: the workflow was a `let`).
@Suite struct RulesRefreshTests {
    @Test func aSyncsNewRulesReplaceTheOldOnes() {
        var s = state(width: 120, height: 40)
        var policy = SlaPolicy.standard
        policy.followupWorkingDaysByKind = ["permintaan_informasi": 10]
        let fresh = Workflow(units: workflow.units, policy: policy, calendar: .builtin(), categories: workflow.categories)
        #expect(s.workflow.policy.followupWorkingDaysByKind.isEmpty)
        _ = Update.update(&s, .rulesRefreshed(RulesUpdate(fresh)))
        #expect(s.workflow.policy.followupWorkingDaysByKind["permintaan_informasi"] == 10)
    }
}

import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

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

    /// An admin's verification queue with a report's possible duplicates (issue 16; in the
    /// user guide).
    @Test(arguments: [(80, 24), (120, 40)])
    func duplicateSuggestions(width: Int, height: Int) throws {
        let admin = User(id: "u-admin", name: "Admin Nasional", role: .admin, unitId: nil)
        var s = AppState(user: admin, profile: "admin", workflow: workflow, language: .id, width: width, height: height, now: now)
        var report = detail(body: "Laporan saya sebelumnya nomor 9100001 belum ada tanggapan. Lubang di depan halte makin besar.", privacy: .public)
        report.status = .submitted
        report.statusLabel = ReportStatus.submitted.label()
        report.unitId = nil
        report.reporter = .init(name: "Budi Santoso", contact: "0812-3456-7890")
        report.timeline = [report.timeline[0]]
        _ = Update.update(&s, .loaded(rows: [row(report.id, report.title, due: nil, status: .submitted, unit: "dki")], total: 1))
        _ = Update.update(&s, .loadedDetail(report))
        _ = Update.update(
            &s,
            .loadedSimilar(
                report.id,
                [
                    SimilarReport(
                        suggestion: .init(id: "9100001", score: 1, reasons: [.similarText(71), .sameContact, .citesIt, .samePlace, .sameCategory]),
                        title: "Jalan berlubang di Jl. Gunung Sahari", status: .dispatched),
                    SimilarReport(
                        suggestion: .init(id: "9164410", score: 0.41, reasons: [.similarText(28), .samePlace, .sameCategory]),
                        title: "Aspal amblas dekat halte Gunung Sahari", status: .closed),
                ]))
        try assertSnapshot(View.render(s), "duplicates-\(width)x\(height)")
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

/// Text at 80 and 120 columns is cut at whole fields, never mid-unit or mid-word (issue 12).
@Suite struct NarrowScreenTests {
    @Test(arguments: [80, 120])
    func helpAndQuitComeFirstAndNothingIsCutMidField(width: Int) {
        let s = state(width: width, height: 24)
        let lines = View.render(s).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hint = lines[23].trimmingCharacters(in: .whitespaces)
        #expect(hint.hasPrefix("?/F1:Bantuan  q:Keluar"), "\(hint)")
        #expect(hint.hasSuffix("…") || !hint.contains("…"))
        let status = lines[22].trimmingCharacters(in: .whitespaces)
        // Every field of the status bar is whole: each piece but a final "…" is one of them.
        let fields = status.components(separatedBy: " · ")
        let whole = [
            "terlambat 1", "hari ini 0", "≤2 hk 2", "kotak keluar 1", "sinkron 3 menit lalu", "dpu", "pejabat penghubung", "Dinas Pekerjaan Umum",
            "…",
        ]
        for field in fields { #expect(whole.contains(field), "cut field '\(field)' in \(status)") }
    }

    @Test func theDeadlineColumnKeepsItsUnits() {
        var s = state(width: 80, height: 24)
        let late = row("9100001", "Sudah lama sekali", due: "2026-01-05T23:59:59+07:00")
        _ = Update.update(&s, .loaded(rows: [late], total: 1))
        let line = View.render(s).text.split(separator: "\n").first { $0.contains("9100001") }.map(String.init) ?? ""
        #expect(line.contains("! TERLAMBAT") && line.contains(" hk"), "\(line)")
        #expect(!line.contains(" hk 1") || line.contains(" j "), "hours only with their unit: \(line)")
    }
}

/// The supervisor's overdue list: a table of units with bars, the reports below (issue 12).
@Suite struct UnitTableTests {
    static func supervising() -> AppState {
        let supervisor = User(id: "u-sup", name: "Supervisor", role: .supervisor, unitId: "dki")
        var s = AppState(user: supervisor, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
        let due = Timestamp(rfc3339: "2026-03-11T23:59:59+07:00")!
        _ = Update.update(
            &s,
            .loadedGroups([
                OverdueGroup(unitId: "dki-dpu-jp", count: 16, oldestDue: due, dueSoon: 3, escalating: 2),
                OverdueGroup(unitId: "dki-dpu", count: 4, oldestDue: due, dueSoon: 1, escalating: 0),
            ]))
        let jp = (0..<3).map { row("91000\($0)0", "Laporan JP \($0)", due: "2026-03-11T23:59:59+07:00", unit: "dki-dpu-jp") }
        let dpu = (0..<2).map { row("92000\($0)0", "Laporan DPU \($0)", due: "2026-03-11T23:59:59+07:00", unit: "dki-dpu") }
        _ = Update.update(&s, .loaded(rows: dpu + jp, total: 5))
        var first = detail()
        first.id = "9200000"
        first.title = "Laporan DPU 0"
        first.unitId = "dki-dpu"
        first.statusLabel = "Terdisposisi ke Dinas Pekerjaan Umum"
        // Dispatched on Wed 4 Mar: five working days end on Wed 11 Mar, as its row says.
        first.timeline[1] = TimelineEvent(
            id: "e-2", type: .dispatched, at: Timestamp(rfc3339: "2026-03-04T10:00:00+07:00")!, actor: first.timeline[1].actor, unitId: "dki-dpu")
        _ = Update.update(&s, .loadedDetail(first))
        return s
    }

    @Test func aTableOfUnitsWithBarsAndTheReportsBelow() throws {
        let s = Self.supervising()
        let lines = View.render(s).text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.contains("UNIT") && $0.contains("TERLAMBAT") })
        #expect(header.contains("≤2 HK") && header.contains("ESK") && header.contains("TERLAMA"))
        let jp = try #require(lines.first { $0.contains("Jakarta Pusat") && $0.contains(" 16 ") })
        let dpu = try #require(
            lines.first { $0.contains("Pekerjaan Umum ") && $0.contains(" 4 ") && !$0.contains("Jakarta") },
            "\(lines.prefix(5).joined(separator: "\n"))")
        // The bars are as long as the counts: 16 fills the bar, 4 a quarter of it.
        let full = jp.filter { "█▉▊▋▌▍▎▏".contains($0) }.count
        let quarter = dpu.filter { "█▉▊▋▌▍▎▏".contains($0) }.count
        #expect(full >= 6 && quarter > 0 && abs(quarter * 4 - full) <= 4, "\(jp)\n\(dpu)")
        #expect(dpu.hasPrefix("▶"), "the selected report's unit is marked")
        // Rows show their titles (the unit is in the table).
        #expect(lines.contains { $0.contains("Laporan DPU 0") && !$0.contains("[") })
        try assertSnapshot(View.render(s), "supervisor-units-120x40")
    }

    @Test func uJumpsToTheNextUnitsReports() {
        var s = Self.supervising()
        #expect(s.row(at: s.selected)?.unitId == "dki-dpu")
        _ = Update.update(&s, .key(.char("u")))
        #expect(s.selected == 2 && s.row(at: 2)?.unitId == "dki-dpu-jp")
        #expect(View.render(s).text.split(separator: "\n").contains { $0.hasPrefix("▶ …") && $0.contains("Jakarta Pusat") })
        var inbox = state(width: 120, height: 40)
        _ = Update.update(&inbox, .key(.char("u")))
        #expect(inbox.message?.contains("tampilan Terlambat") == true)
    }
}

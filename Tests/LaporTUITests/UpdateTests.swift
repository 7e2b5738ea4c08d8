import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

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

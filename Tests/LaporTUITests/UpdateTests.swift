import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText
import Terminal
import Testing

@testable import LaporTUI

@Suite struct UpdateTests {
    /// Moving onto a new report marks it seen; onto one already seen writes nothing.
    @Test func onlyAnUnseenReportIsMarkedSeen() {
        var s = AppState(
            user: User(id: "u", name: "U", role: .admin, unitId: nil), profile: "p", workflow: workflow, language: .id, width: 120, height: 40,
            now: now)
        var mixed = rows
        mixed[1].seen = false
        mixed[2].seen = true
        _ = Update.update(&s, .loaded(rows: mixed, total: 3))
        #expect(Update.update(&s, .key(.char("j"))) == [.loadDetail(mixed[1].id), .markSeen(mixed[1].id)])
        #expect(Update.update(&s, .key(.char("j"))) == [.loadDetail(mixed[2].id)])
    }

    @Test(arguments: [Role.liaison, .admin, .supervisor])
    func everyKeyInEveryView(role: Role) {
        let user = User(id: "u", name: "U", role: role, unitId: role == .admin ? nil : "dki-dpu")
        for (index, view) in ReportView.views(for: role).enumerated() {
            var s = AppState(user: user, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
            // ] goes on to the next view; digits are a tracking number's (issue 25).
            for _ in 0..<index { #expect(Update.update(&s, .key(.char("]"))) == [.reload]) }
            #expect(s.view == view)
            _ = Update.update(&s, .loaded(rows: rows, total: 3))
            #expect(s.selected == 0)
            let seen = rows[1].seen
            #expect(Update.update(&s, .key(.char("j"))) == [.loadDetail("9165817")] + (seen ? [] : [.markSeen("9165817")]))
            _ = Update.update(&s, .key(.down))
            #expect(s.selected == 2)
            #expect(Update.update(&s, .key(.down)).isEmpty, "no move past the end")
            _ = Update.update(&s, .key(.char("k")))
            _ = Update.update(&s, .key(.up))
            #expect(s.selected == 0)
            _ = Update.update(&s, .key(.char("G")))
            #expect(s.selected == 2)
            _ = Update.update(&s, .key(.home))
            #expect(s.selected == 0)
            // g asks for a number; a letter is not one, Esc leaves.
            _ = Update.update(&s, .key(.char("g")))
            _ = Update.update(&s, .key(.char("x")))
            #expect(s.mode == .goingTo(""))
            _ = Update.update(&s, .key(.escape))
            #expect(s.mode == .normal)
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
            #expect(s.keyHelp != nil && !s.quit, "a letter neither closes the help nor acts")
            _ = Update.update(&s, .key(.escape))
            #expect(s.keyHelp == nil && !s.quit, "Esc closes the help, and only that")
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
            #expect(s.mode == .filtering("kind=aspirasi warna=merah"), "the prompt stays open with what was typed")
            #expect(Update.update(&s, .key(.escape)).isEmpty && s.mode == .normal)
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

/// What a new officer tripped over in the list (issue 12).
@Suite struct ListTripTests {
    @Test func afterAnActionTheSelectionStaysWhereItWas() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .key(.char("j")))
        #expect(s.selected == 1)
        let acted = s.row(at: 1)?.id ?? ""
        var pending = PendingAction(type: .followup, reportIds: [acted])
        pending.text = "Selesai."
        var result = QueueResult(pending: pending)
        result.queued = [acted]
        _ = Update.update(&s, .queued(result))
        // The acted-on report sorts to the end after the reload: the selection stays at row 1.
        let moved = [rows[0], rows[2], rows[1]]
        _ = Update.update(&s, .loaded(rows: moved, total: 3))
        #expect(s.selected == 1 && s.row(at: 1)?.id == rows[2].id, "the next report, not the one acted on")
    }

    @Test func aSearchThatFindsNothingLeavesNoReportBesideIt() {
        var s = state(width: 120, height: 40)
        #expect(View.render(s).text.contains("Jalan berlubang di Jl. Gunung Sahari"))
        _ = Update.update(&s, .key(.char("/")))
        for c in "zzz" { _ = Update.update(&s, .key(.char(c))) }
        _ = Update.update(&s, .key(.enter))
        _ = Update.update(&s, .loaded(rows: [], total: 0))
        let screen = View.render(s).text
        #expect(s.detail == nil && !screen.contains("Lubang besar di depan halte"), "the old report is gone: \(screen)")
    }

    @Test func gOpensAReportByNumberAndAReloadLeavesItOnScreen() {
        var s = state(width: 120, height: 40)
        #expect(Update.update(&s, .key(.char("g"))).isEmpty)
        for c in "9100999" { _ = Update.update(&s, .key(.char(c))) }
        #expect(View.render(s).text.contains("Buka nomor laporan: 9100999"))
        #expect(Update.update(&s, .key(.enter)) == [.openReport("9100999")])
        _ = Update.update(&s, .opened("9100999", nil))
        guard case .notice(let said) = s.mode else {
            Issue.record("not found is said in a box: \(s.mode)")
            return
        }
        #expect(said.first?.contains("9100999 tidak ada di penyimpanan lokal") == true)
        _ = Update.update(&s, .key(.enter))
        var closed = detail()
        closed.id = "9100999"
        closed.status = .closed
        closed.title = "Laporan lama yang sudah ditutup"
        #expect(Update.update(&s, .opened("9100999", closed)) == [.markSeen("9100999")])
        #expect(s.detailPinned, "not in the view: pinned, no row drawn as selected")
        #expect(s.focus == .detail && View.render(s).text.contains("Laporan lama yang sudah ditutup"))
        // A minute's reload of the view keeps it; moving the selection leaves it.
        #expect(Update.update(&s, .loaded(rows: rows, total: 3)).isEmpty)
        #expect(s.detail?.id == "9100999")
        _ = Update.update(&s, .key(.escape))
        #expect(!s.detailPinned && s.focus == .list, "Esc: back to the list's own selection")
        #expect(Update.update(&s, .key(.char("j"))).contains(.loadDetail("9165817")))
    }

    @Test func theFilterPromptStartsAfterTheCurrentFilterAndShowsTheSyntax() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .key(.char("f")))
        for c in "kind=aspirasi" { _ = Update.update(&s, .key(.char(c))) }
        _ = Update.update(&s, .key(.enter))
        _ = Update.update(&s, .key(.char("f")))
        #expect(s.mode == .filtering("kind=aspirasi "), "a space after the current filter")
        for c in "channel=sms" { _ = Update.update(&s, .key(.char(c))) }
        let screen = View.render(s).text
        #expect(screen.contains("channel=  web,sms"), "the allowed values: \(screen)")
        #expect(screen.contains("Saring: kata bidang=nilai"))
        _ = Update.update(&s, .key(.enter))
        #expect(s.filterText == "kind=aspirasi channel=sms" && s.filter.channels == [.sms] && s.filter.kinds == [.aspirasi])
        _ = Update.update(&s, .key(.char("f")))
        for c in "colour=red" { _ = Update.update(&s, .key(.char(c))) }
        #expect(View.render(s).text.contains("Saringan 'colour=red' tidak dikenal"), "what is wrong, while typing")
    }

    @Test func theFirstSyncShowsHowFarItHasComeAndFillsTheList() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .syncStarted)
        #expect(Update.update(&s, .syncProgress(pages: 3, reports: 1_500, total: nil)) == [.reload, .refreshCounts])
        #expect(View.render(s).text.contains("menyinkronkan… 3 halaman, 1500 laporan"))
        // With the server's total, a percentage.
        _ = Update.update(&s, .syncProgress(pages: 4, reports: 2_000, total: 8_000))
        #expect(View.render(s).text.contains("menyinkronkan… 4 halaman, 2000 laporan (25%)"))
        _ = Update.update(&s, .syncFinished(SyncSummary()))
        #expect(s.syncProgress == nil && !View.render(s).text.contains("halaman,"))
    }
}

/// Saved views: V names the view on screen, 6-9 open them, with their counts (issue 12).
@Suite struct SavedViewTests {
    @Test func vSavesTheViewOnScreenAndTheViewPickerOpensIt() {
        var s = state(width: 120, height: 40)
        _ = Update.update(&s, .key(.char("f")))
        for c in "kind=aspirasi" { _ = Update.update(&s, .key(.char(c))) }
        _ = Update.update(&s, .key(.enter))
        _ = Update.update(&s, .key(.char("S")))
        _ = Update.update(&s, .key(.char("V")))
        #expect(View.render(s).text.contains("Simpan tampilan sebagai:"))
        for c in "Aspirasi saya" { _ = Update.update(&s, .key(.char(c))) }
        let effects = Update.update(&s, .key(.enter))
        let saved = SavedView(name: "Aspirasi saya", base: .inbox, filter: "kind=aspirasi", search: nil, sort: s.sort)
        #expect(effects == [.saveView(saved)])
        _ = Update.update(&s, .loadedSavedViews([saved], counts: ["Aspirasi saya": 7]))
        // ] goes on to the next view (the built-in ones, then the saved ones), [ back.
        _ = Update.update(&s, .key(.char("[")))
        #expect(s.filterText == nil && s.activeSaved == nil && s.view == .all, "before the saved view: the last built-in one")
        _ = Update.update(&s, .key(.char("]")))
        #expect(s.activeSaved == "Aspirasi saya")
        _ = Update.update(&s, .key(.char("]")))
        #expect(s.view == .inbox && s.activeSaved == nil, "round to the first")
        // t: a picker of every view; typing narrows it, Enter opens.
        _ = Update.update(&s, .key(.char("t")))
        #expect(View.render(s).text.contains("Aspirasi saya (7)"))
        for c in "aspi" { _ = Update.update(&s, .key(.char(c))) }
        #expect(Update.update(&s, .key(.enter)) == [.reload])
        #expect(s.activeSaved == "Aspirasi saya" && s.filter.kinds == [.aspirasi] && s.sort == saved.sort)
        #expect(View.render(s).text.contains("lapor · Aspirasi saya ("))
        _ = Update.update(&s, .key(.char("V")))
        for c in "inbox" { _ = Update.update(&s, .key(.char(c))) }
        _ = Update.update(&s, .key(.escape))
        _ = Update.update(&s, .key(.char("V")))
        #expect(s.mode == .namingView("Aspirasi saya"), "the open saved view's name, to replace it")
    }
}

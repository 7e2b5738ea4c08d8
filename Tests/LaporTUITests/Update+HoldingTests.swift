import LaporDomain
import LaporStore
import LaporSync
import Terminal
import Testing

@testable import LaporTUI

/// Every key lands where the officer meant (issue 25): a box to read, a refusal and a prompt keep
/// the keys until closed on purpose; digits never switch views; keys typed after a number wait
/// for that report; the report marked in the list is the one shown and acted on.
@Suite struct KeysLandWhereMeantTests {
    func type(_ text: String, _ s: inout AppState) -> [Effect] {
        text.flatMap { Update.update(&s, .key(.char($0))) }
    }

    @Test func aBoxToReadClosesOnlyOnPurpose() {
        var s = state(width: 120, height: 40)
        let before = (s.view, s.selected, s.marked)
        _ = Update.update(&s, .key(.char("?")))
        #expect(View.render(s).text.contains("Esc atau Enter untuk menutup."))
        // A tracking number typed while the help is open: nothing acts, the help stays.
        #expect(type("g9165818cM", &s).isEmpty)
        #expect(s.keyHelp != nil && s.mode == .normal && (s.view, s.selected, s.marked) == before)
        _ = Update.update(&s, .key(.enter))
        #expect(s.keyHelp == nil)
        _ = Update.update(&s, .key(.char("e")))
        #expect(s.mode == .explain)
        #expect(type("1234", &s).isEmpty && s.mode == .explain)
        _ = Update.update(&s, .key(.escape))
        #expect(s.mode == .normal)
    }

    @Test func aRefusalNeverHandsTheRestOfAWordToTheList() {
        var s = state(width: 80, height: 24)
        var followed = detail()
        followed.status = .followedUp
        _ = Update.update(&s, .loadedDetail(followed))
        // i (request information) on a followed-up report is refused; "Mohon…" typed after it.
        #expect(type("iMohon lengkapi", &s).isEmpty)
        guard case .notice(let lines) = s.mode else {
            Issue.record("the refusal is a box: \(s.mode)")
            return
        }
        #expect(lines.last == "Esc atau Enter untuk menutup.")
        #expect(s.marked.isEmpty && s.composer == nil && s.view == .inbox)
        _ = Update.update(&s, .key(.enter))
        #expect(s.mode == .normal)
    }

    @Test func digitsStartANumberNotAView() {
        var s = state(width: 80, height: 24)
        #expect(type("9165818", &s).isEmpty)
        #expect(s.mode == .goingTo("9165818") && s.view == .inbox)
        #expect(View.render(s).text.contains("9165818"))
    }

    @Test func aFilterThatDoesNotReadKeepsThePrompt() {
        var s = state(width: 80, height: 24)
        _ = Update.update(&s, .key(.char("f")))
        _ = type("status=bogus", &s)
        #expect(Update.update(&s, .key(.enter)).isEmpty)
        #expect(s.mode == .filtering("status=bogus"))
        let screen = View.render(s).text
        #expect(screen.contains("bogus") && screen.contains("f: status=bogus"), "\(screen)")
        // Words typed again go into the prompt, not to the list.
        _ = type(" M", &s)
        #expect(s.mode == .filtering("status=bogus M") && s.marked.isEmpty)
    }

    @Test func keysAfterANumberActOnThatReport() {
        var s = state(width: 120, height: 40)
        #expect(type("g9165818", &s).isEmpty)
        #expect(Update.update(&s, .key(.enter)) == [.openReport("9165818")])
        // c typed before the report is there waits for it.
        #expect(Update.update(&s, .key(.char("c"))).isEmpty && s.composer == nil)
        var opened = detail()
        opened.id = "9165818"
        let effects = Update.update(&s, .opened("9165818", opened))
        #expect(s.composer?.pending.reportIds == ["9165818"], "\(effects)")
        // In the list: the row is selected, not a pin beside another selection.
        #expect(s.row(at: s.selected)?.id == "9165818" && !s.detailPinned)
    }

    @Test func aNumberNotInTheListShowsNoOtherRowAsSelected() {
        var s = state(width: 120, height: 40)
        var other = detail()
        other.id = "9170001"
        _ = type("g9170001", &s)
        _ = Update.update(&s, .key(.enter))
        _ = Update.update(&s, .opened("9170001", other))
        #expect(s.detailPinned && s.target == "9170001")
        let screen = View.render(s)
        #expect(screen.text.contains("dibuka: 9170001"))
        // No list row is drawn as the selection while the detail shows another report.
        let rows = (0..<screen.height).filter { y in (0..<screen.width).contains { screen[$0, y].style.reverse } && y < screen.height - 2 && y > 0 }
        #expect(rows.isEmpty, "\(rows)")
        // A search changes the list: the detail follows its selection again.
        _ = Update.update(&s, .key(.char("/")))
        _ = type("lampu", &s)
        _ = Update.update(&s, .key(.enter))
        #expect(!s.detailPinned && s.target == s.row(at: s.selected)?.id)
    }

    @Test func aNumberNotInTheStoreHoldsTheKeysTypedAfterIt() {
        var s = state(width: 80, height: 24)
        _ = type("g1234567", &s)
        _ = Update.update(&s, .key(.enter))
        _ = type("c", &s)
        _ = Update.update(&s, .opened("1234567", nil))
        #expect(s.composer == nil)
        guard case .notice = s.mode else {
            Issue.record("said in a box: \(s.mode)")
            return
        }
    }

    @Test func aQuietSyncLeavesTheKeysInSight() {
        var s = state(width: 80, height: 24)
        _ = Update.update(&s, .syncFinished(SyncSummary()))
        #expect(s.message == nil)
        let last = View.render(s).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("?/F1:Bantuan"), "\(last)")
        var busy = SyncSummary()
        busy.reports = 3
        _ = Update.update(&s, .syncFinished(busy))
        let line = View.render(s).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains("Sinkron: 3 laporan diperbarui.") && line.contains("?/F1:Bantuan"), "\(line)")
    }
}

/// A store that fails is heard of (issue 29): the message line says what failed.
@Suite struct StoreFailureTests {
    @Test func aFailedStoreCallIsSaid() {
        var s = state(width: 80, height: 24)
        _ = Update.update(&s, .storeFailed(what: "saving the draft", detail: "disk I/O error"))
        #expect(s.message == "Penyimpanan lokal gagal (saving the draft): disk I/O error. Rinciannya di log.")
        #expect(View.render(s).text.contains("Penyimpanan lokal gagal"))
    }
}

import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

/// A state with one selected report loaded, for `user`.
func acting(_ user: User, report: Report = detail(), width: Int = 120, height: Int = 40) -> AppState {
    var s = AppState(user: user, profile: "p", workflow: workflow, language: .id, width: width, height: height, now: now)
    _ = Update.update(&s, .loaded(rows: [row(report.id, report.title, due: nil, status: report.status)], total: 1))
    _ = Update.update(&s, .loadedDetail(report))
    return s
}

func keys(_ s: inout AppState, _ text: String) -> [Effect] {
    text.flatMap { Update.update(&s, .key(.char($0))) }
}

func submitted(unit: String? = nil) -> Report {
    var r = detail(privacy: .public)
    r.status = .submitted
    r.statusLabel = ReportStatus.submitted.label()
    r.unitId = unit
    return r
}

let admin = User(id: "u-admin", name: "Admin Nasional", role: .admin, unitId: nil)
let supervisor = User(id: "u-sup", name: "Supervisor", role: .supervisor, unitId: "dki")

@Suite struct ActionPathTests {
    @Test func aLiaisonWritesAFollowUpThroughTheComposer() {
        var s = acting(liaison)
        #expect(Update.update(&s, .key(.char("c"))) == [.loadDraft(DraftKey(reportId: "9165816", kind: "followup"))])
        #expect(s.focus == .composer && s.composer?.pending.type == .followup)
        // A stored draft comes back into the empty editor.
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), "Draf lama."))
        #expect(s.composer?.editor.text == "Draf lama." && s.composer?.loaded == true)
        #expect(s.message?.contains("Draf dipulihkan") == true)
        _ = Update.update(&s, .key(.enter))
        _ = keys(&s, "Sudah ditambal.")
        _ = Update.update(&s, .key(.paste("\nFoto terlampir.")))
        #expect(s.composer?.editor.text == "Draf lama.\nSudah ditambal.\nFoto terlampir.")
        // q and s are text here, not commands.
        _ = keys(&s, " qs")
        #expect(!s.quit && s.composer?.editor.text.hasSuffix(" qs") == true)
        _ = Update.update(&s, .key(.backspace))
        _ = Update.update(&s, .key(.backspace))
        _ = Update.update(&s, .key(.backspace))
        // Ctrl-S asks first, naming the report and the effect.
        #expect(Update.update(&s, .key(.ctrl("s"))).isEmpty)
        guard case .confirm(let c) = s.mode else {
            Issue.record("no confirmation: \(s.mode)")
            return
        }
        #expect(c.lines.contains { $0.contains("9165816") && $0.contains("Jalan berlubang") })
        #expect(c.lines.contains { $0.contains("Ditindaklanjuti oleh Instansi") })
        let effects = Update.update(&s, .key(.char("y")))
        guard case .queue(let pending) = effects.first else {
            Issue.record("nothing queued: \(effects)")
            return
        }
        #expect(pending.text == "Draf lama.\nSudah ditambal.\nFoto terlampir." && pending.reportIds == ["9165816"])
        #expect(s.composer != nil, "the composer stays until the outbox has the text")
        var result = QueueResult(pending: pending)
        result.queued = ["9165816"]
        let after = Update.update(&s, .queued(result))
        #expect(s.composer == nil && s.focus == .list)
        #expect(after.contains(.sync) && after.contains(.reload) && after.contains(.loadDetail("9165816")))
        #expect(s.message?.contains("masuk kotak keluar") == true)
    }

    @Test func theDetailStaysTheReportWrittenAboutWhenASyncReloads() {
        var s = acting(liaison)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        // A sync took the report out of the view: another row is first now.
        #expect(Update.update(&s, .loaded(rows: [rows[1]], total: 1)).isEmpty)
        #expect(s.detail?.id == "9165816" && s.composer?.pending.reportIds == ["9165816"])
    }

    @Test func escKeepsTheDraftAndNothingIsSent() {
        var s = acting(liaison)
        _ = Update.update(&s, .key(.char("i")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "request_info"), nil))
        _ = keys(&s, "Mohon titik lokasi")
        #expect(Update.update(&s, .key(.escape)) == [.saveDraft(DraftKey(reportId: "9165816", kind: "request_info"), "Mohon titik lokasi")])
        #expect(s.composer == nil && s.message?.contains("Draf disimpan") == true)
        // An empty text is refused before any confirmation.
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        _ = keys(&s, "   ")
        #expect(Update.update(&s, .key(.ctrl("s"))).isEmpty)
        #expect(s.mode == .normal && s.message?.contains("tidak boleh kosong") == true)
        // Confirmation declined: nothing queued, the composer still there.
        _ = keys(&s, "isi")
        _ = Update.update(&s, .key(.ctrl("s")))
        #expect(Update.update(&s, .key(.char("n"))).isEmpty)
        #expect(s.composer?.editor.text == "   isi" && s.message?.contains("Dibatalkan") == true)
        // Tab reads the detail beside the composer; Tab comes back.
        _ = Update.update(&s, .key(.tab))
        #expect(s.focus == .detail)
        _ = Update.update(&s, .key(.char("j")))
        #expect(s.detailScroll == 1 && s.composer?.editor.text == "   isi")
        _ = Update.update(&s, .key(.tab))
        #expect(s.focus == .composer)
    }

    @Test func templatesFillPlaceholdersFromTheReport() {
        var s = acting(liaison)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        s.templates = [ReplyTemplate(name: "salam", body: "Yth. {{sapaan}}, laporan {{tracking_id}} di {{unit}} ({{tanggal}}). {{lain}}")]
        _ = Update.update(&s, .key(.ctrl("t")))
        guard case .picker(let p) = s.mode, p.purpose == .template else {
            Issue.record("no template picker")
            return
        }
        _ = keys(&s, "sal")
        _ = Update.update(&s, .key(.enter))
        #expect(
            s.composer?.editor.text
                == "Yth. Bapak/Ibu, laporan 9165816 di Suku Dinas PU Jakarta Pusat (Rabu, 25 Maret 2026). {{lain}}",
            "anonim: no name; an unknown placeholder stays")
    }

    @Test func aLiaisonForwardsWithAPickerOfAllowedSubUnits() {
        var s = acting(liaison)
        var r = detail()
        r.unitId = "dki-dpu"
        _ = Update.update(&s, .loadedDetail(r))
        _ = Update.update(&s, .loaded(rows: [row(r.id, r.title, due: nil, unit: "dki-dpu")], total: 1))
        #expect(Update.update(&s, .key(.char("F"))).isEmpty)
        guard case .picker(let p) = s.mode else {
            Issue.record("no unit picker")
            return
        }
        #expect(p.options.map(\.id) == ["dki-dpu-jp"], "only the sub-units the rules allow: not the report's own unit")
        _ = keys(&s, "pusat")
        #expect((s.mode.picker?.matches.count) == 1)
        _ = keys(&s, "zz")
        #expect((s.mode.picker?.matches.isEmpty) == true)
        _ = Update.update(&s, .key(.backspace))
        _ = Update.update(&s, .key(.backspace))
        _ = Update.update(&s, .key(.enter))
        guard case .confirm(let c) = s.mode, case .queue(let pending) = c.then else {
            Issue.record("no confirmation")
            return
        }
        #expect(pending.unitId == "dki-dpu-jp" && pending.type == .forward)
        #expect(c.lines.contains { $0.contains("Suku Dinas PU Jakarta Pusat") && $0.contains("tenggat tidak berubah") })
    }

    @Test func aLiaisonReturnsWithAReason() {
        var s = acting(liaison)
        #expect(Update.update(&s, .key(.char("R"))) == [.loadDraft(DraftKey(reportId: "9165816", kind: "return"))])
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "return"), nil))
        _ = keys(&s, "Kewenangan BPN.")
        _ = Update.update(&s, .key(.ctrl("s")))
        guard case .confirm(let c) = s.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(c.lines.contains { $0.contains("Terverifikasi") })
    }

    @Test func refusalsSayWhyFromTheRules() {
        // A supervisor reads only.
        func said(_ s: AppState) -> String? { if case .notice(let lines) = s.mode { lines.first } else { nil } }
        var sup = acting(supervisor)  // a refusal is a box, closed on purpose (issue 25)
        for key in "ciFRvdhaDx" {
            #expect(Update.update(&sup, .key(.char(key))).isEmpty)
            #expect(said(sup) == "Supervisor hanya dapat membaca; tindakan tidak tersedia.", "\(key)")
            #expect(sup.composer == nil)
            _ = Update.update(&sup, .key(.enter))
            #expect(sup.mode == .normal)
        }
        // An admin's key on a liaison's action.
        var a = acting(admin)
        _ = Update.update(&a, .key(.char("c")))
        #expect(said(a) == "Tindakan tindak lanjut tidak tersedia untuk admin.")
        // The status does not allow it.
        var followed = detail()
        followed.status = .followedUp
        var l = acting(liaison, report: followed)
        _ = Update.update(&l, .key(.char("i")))
        #expect(said(l)?.contains("tidak dapat dilakukan pada laporan berstatus") == true)
        #expect(l.composer == nil)
        // Outside the liaison's units.
        var elsewhere = detail()
        elsewhere.unitId = "dki"
        var o = acting(liaison, report: elsewhere)
        _ = Update.update(&o, .key(.char("i")))
        #expect(said(o) == "Laporan ini tidak berada di unit Anda.")
        // The help offers only what the rules allow here.
        #expect(View.offered(acting(liaison)).compactMap(\.command.actionType) == [.followup, .requestInfo, .forward, .return])
        #expect(View.offered(acting(supervisor)).allSatisfy { $0.command.actionType == nil && $0.command != .mark })
        #expect(View.offered(acting(admin, report: submitted())).compactMap(\.command.actionType) == [.verify, .dispatch, .hold, .archive, .archive])
    }

    @Test func anAdminVerifiesWithCorrectionsAndDispatches() {
        var s = acting(admin, report: submitted())
        _ = Update.update(&s, .key(.char("v")))
        guard case .verify = s.mode else {
            Issue.record("no verify form")
            return
        }
        _ = Update.update(&s, .key(.right))  // kind: pengaduan → aspirasi
        _ = Update.update(&s, .key(.down))  // category
        _ = Update.update(&s, .key(.enter))
        _ = keys(&s, "umum")
        _ = Update.update(&s, .key(.enter))  // PEKERJAAN UMUM (12)
        _ = Update.update(&s, .key(.down))  // privacy
        _ = Update.update(&s, .key(.char(" ")))  // public → anonim
        _ = Update.update(&s, .key(.down))  // title
        for _ in 0..<"Gunung Sahari".count { _ = Update.update(&s, .key(.backspace)) }
        _ = keys(&s, "Salemba")
        _ = Update.update(&s, .key(.ctrl("s")))
        guard case .confirm(let c) = s.mode, case .queue(let p) = c.then else {
            Issue.record("no confirmation: \(s.mode)")
            return
        }
        #expect(p.kind == .aspirasi && p.categoryId == "12" && p.privacy == .anonim && p.title == "Jalan berlubang di Jl. Salemba")
        #expect(c.lines.contains { $0.contains("Terverifikasi") })
        // The confirmation lists what changes, before → after (issue 12).
        #expect(c.lines.contains("Jenis: pengaduan → aspirasi") && c.lines.contains("Privasi: publik → anonim"), "\(c.lines)")
        #expect(c.lines.contains("Judul: Jalan berlubang di Jl. Gunung Sahari → Jalan berlubang di Jl. Salemba"))
        // Unchanged fields are not sent.
        var plain = acting(admin, report: submitted())
        _ = Update.update(&plain, .key(.char("v")))
        _ = Update.update(&plain, .key(.ctrl("s")))
        guard case .confirm(let c2) = plain.mode, case .queue(let p2) = c2.then else { return }
        #expect(p2.kind == nil && p2.categoryId == nil && p2.privacy == nil && p2.title == nil)
        #expect(c2.lines.contains("Tanpa koreksi."))
        // Dispatch: the whole tree for the national admin.
        var d = acting(admin, report: submitted())
        _ = Update.update(&d, .key(.char("d")))
        #expect(d.mode.picker?.options.map(\.id) == ["dki", "dki-dpu", "dki-dpu-jp"])
        _ = keys(&d, "pusat")
        _ = Update.update(&d, .key(.enter))
        guard case .confirm(let c3) = d.mode, case .queue(let p3) = c3.then else { return }
        #expect(p3.unitId == "dki-dpu-jp" && c3.lines.contains { $0.contains("Terdisposisi") })
    }

    /// v1.1 item 3: `d` on a dispatched report re-routes it; the picker leaves out where it is.
    @Test func anAdminReroutesADispatchedReport() {
        var d = acting(admin)  // dispatched to dki-dpu-jp
        _ = Update.update(&d, .key(.char("d")))
        #expect(d.mode.picker?.options.map(\.id) == ["dki", "dki-dpu"])
        _ = keys(&d, "dinas")
        _ = Update.update(&d, .key(.enter))
        guard case .confirm(let c) = d.mode, case .queue(let p) = c.then else {
            Issue.record("no confirmation: \(d.mode)")
            return
        }
        #expect(p.type == .dispatch && p.unitId == "dki-dpu")
        // A liaison of the unit has no `d`; its forward across agencies is told to return instead.
        var l = acting(User(id: "u-l", name: "L", role: .liaison, unitId: "dki-dpu-jp"))
        _ = Update.update(&l, .key(.char("d")))
        #expect(l.mode.picker == nil)
    }

    /// Issue 16: a report in the verification queue shows what it may duplicate, on screen at
    /// 80×24; `D` types the first suggestion in; any other report's come with `=`.
    @Test func suggestionsShowForTheQueueAndDFillsTheFirst() {
        var s = AppState(user: admin, profile: "p", workflow: workflow, language: .id, width: 80, height: 24, now: now)
        _ = Update.update(&s, .loaded(rows: [row("9165816", "Jalan berlubang", due: nil, status: .submitted)], total: 1))
        #expect(Update.update(&s, .loadedDetail(submitted())) == [.loadSimilar("9165816")])
        let first = SimilarReport(
            suggestion: .init(id: "9100001", score: 0.92, reasons: [.similarText(64), .sameContact, .citesIt]),
            title: "Jalan rusak \u{1B}[31mdi Salemba", status: .dispatched)
        _ = Update.update(&s, .loadedSimilar("9165816", [first]))
        let screen = View.render(s).text
        #expect(screen.contains("Mungkin duplikat"), "\(screen)")
        // One line each: number, score, status, title, then why (cut at the pane).
        #expect(screen.contains("9100001 92% [Terdisposisi ke Instansi] Jalan rusak ␛[31mdi Salemba"), "\(screen)")
        #expect(!screen.contains("\u{1B}"), "\(screen)")
        _ = Update.update(&s, .key(.char("D")))
        guard case .duplicateOf(_, let typed) = s.mode else {
            Issue.record("no prompt: \(s.mode)")
            return
        }
        #expect(typed == "9100001")
        // Suggestions for another report are not kept for this one.
        var other = submitted()
        other.id = "9165899"
        _ = Update.update(&s, .key(.escape))
        _ = Update.update(&s, .loadedDetail(other))
        #expect(s.similar == nil)
        // A report opened by its number (g) likewise.
        other.id = "9165900"
        #expect(Update.update(&s, .opened("9165900", other)) == [.markSeen("9165900"), .loadSimilar("9165900")])
        // D then acts on the report opened, not on the row selected under it.
        _ = Update.update(&s, .loadedSimilar("9165900", [first]))
        _ = Update.update(&s, .key(.char("D")))
        guard case .duplicateOf(let pending, "9100001") = s.mode else {
            Issue.record("no prompt for the opened report: \(s.mode)")
            return
        }
        #expect(pending.reportIds == ["9165900"])
        _ = Update.update(&s, .key(.escape))

        var l = acting(liaison)
        #expect(l.similar == nil)
        #expect(Update.update(&l, .key(.char("="))) == [.loadSimilar("9165816")])
        _ = Update.update(&l, .loadedSimilar("9165816", []))
        #expect(l.message == "Tidak ada laporan serupa di penyimpanan ini.")
    }

    @Test func anAdminHoldsArchivesMarksDuplicatesAndCloses() {
        var h = acting(admin, report: submitted())
        #expect(Update.update(&h, .key(.char("h"))) == [.loadDraft(DraftKey(reportId: "9165816", kind: "hold"))])
        var a = acting(admin, report: submitted())
        _ = Update.update(&a, .key(.char("a")))
        #expect(a.mode.picker?.options.map(\.id) == ["incomplete", "not_public_service", "hoax", "spam", "abusive"])
        _ = keys(&a, "hoaks")
        _ = Update.update(&a, .key(.enter))
        guard case .confirm(let c) = a.mode, case .queue(let p) = c.then else { return }
        #expect(p.reason == .hoax && c.lines.contains { $0.contains("Diarsipkan") })
        var d = acting(admin, report: submitted())
        _ = Update.update(&d, .key(.char("D")))
        _ = keys(&d, "9165816")
        _ = Update.update(&d, .key(.enter))
        #expect(d.message?.contains("duplikat dirinya sendiri") == true, "the rules refuse a report duplicating itself")
        _ = Update.update(&d, .key(.escape))
        _ = Update.update(&d, .key(.char("D")))
        _ = keys(&d, "91x00001")
        // The original is looked up in the store first (v1.1 item 5): not there, refused.
        let effects = Update.update(&d, .key(.enter))
        guard case .checkOriginal(let asked)? = effects.first else {
            Issue.record("no look-up of the original: \(effects)")
            return
        }
        #expect(asked.duplicateOf == "9100001", "only digits are typed")
        _ = Update.update(&d, .originalChecked(asked, nil))
        #expect(d.message?.contains("9100001 tidak ada") == true, "\(d.message ?? "-")")
        #expect(d.mode.isDuplicatePrompt, "the prompt stays open to correct the number")
        // There: the confirmation names the original and the reason.
        var original = detail()
        original.id = "9100001"
        original.title = "Jalan rusak di Jl. Salemba"
        _ = Update.update(&d, .originalChecked(asked, original))
        guard case .confirm(let dc) = d.mode, case .queue(let dp) = dc.then else {
            Issue.record("no confirmation: \(d.mode)")
            return
        }
        #expect(dp.reason == .duplicate && dp.duplicateOf == "9100001")
        #expect(dc.lines.contains("Duplikat dari 9100001 — Jalan rusak di Jl. Salemba"), "\(dc.lines)")
        #expect(dc.lines.contains { $0.hasPrefix("Alasan: ") }, "\(dc.lines)")
        var followed = detail()
        followed.status = .followedUp
        var x = acting(admin, report: followed)
        _ = Update.update(&x, .key(.char("x")))
        guard case .confirm(let xc) = x.mode, case .queue(let xp) = xc.then else { return }
        #expect(xp.type == .close && xc.lines.contains { $0.contains("Ditutup") })
        #expect(Update.update(&x, .key(.enter)) == [.queue(xp)])
    }

    @Test func bulkMarksOneConfirmationAndASummary() {
        var s = AppState(user: admin, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
        _ = Update.update(&s, .loaded(rows: rows, total: 3))
        _ = Update.update(&s, .key(.char("m")))
        _ = Update.update(&s, .key(.char("m")))
        #expect(s.marked == ["9165816", "9165817"] && s.selected == 2)
        #expect(View.render(s).text.contains("2 ditandai"))
        #expect(View.render(s).text.contains("*9165816"))
        _ = Update.update(&s, .key(.char("v")))
        guard case .confirm(let c) = s.mode, case .queue(let p) = c.then else {
            Issue.record("no confirmation: \(s.mode) \(s.message ?? "")")
            return
        }
        #expect(p.reportIds == ["9165816", "9165817"] && c.lines[0].contains("2 laporan"), "marked reports are verified as they are")
        _ = Update.update(&s, .key(.char("y")))
        var result = QueueResult(pending: p)
        result.queued = ["9165816"]
        result.refused = [.init(reportId: "9165817", problem: .refusal(.statusNotAllowed(.verify, .dispatched)))]
        _ = Update.update(&s, .queued(result))
        guard case .notice(let lines) = s.mode else {
            Issue.record("no summary")
            return
        }
        #expect(lines[0] == "Verifikasi: 1 laporan masuk kotak keluar, 1 ditolak.")
        #expect(lines[1].contains("9165817") && lines[1].contains("berstatus Terdisposisi"))
        #expect(s.marked == ["9165817"], "what was refused stays marked")
        _ = Update.update(&s, .key(.char("z")))
        #expect(s.mode != .normal, "a letter does not close the summary")
        _ = Update.update(&s, .key(.enter))
        #expect(s.mode == .normal)
        // M clears the marks, or marks the whole view.
        _ = Update.update(&s, .key(.char("M")))
        #expect(s.marked.isEmpty)
        #expect(Update.update(&s, .key(.char("M"))) == [.loadAllIds])
        _ = Update.update(&s, .loadedAllIds(["1", "2", "3"]))
        #expect(s.marked.count == 3)
    }

}

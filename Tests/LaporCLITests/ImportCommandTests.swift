import Foundation
import LaporDomain
import LaporStore
import Testing

/// `lapor import` (issue 15), as an agency admin runs it on the admin area's export.
@Suite struct ImportCommandTests {
    static let exports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/exports")

    static func fixture(_ name: String) -> String { exports.appendingPathComponent(name).path }

    func store(_ m: Machine, profile: String = "ekspor") throws -> CaseStore {
        try CaseStore(path: m.home.appendingPathComponent("data/lapor/\(profile)/cases.sqlite").path)
    }

    @Test func theSampleImportsWithItsDeadlinesAndSaysWhatItRejected() async throws {
        let m = Machine()
        defer { m.remove() }
        let first = await m.run("import", Self.fixture("contoh-ekspor.xlsx"))
        // Three rows rejected: exit 5, each named with its row and reason.
        #expect(first.code == 5, "\(first.err)")
        #expect(first.out.contains("36 baru, 0 diperbarui, 0 tidak berubah, 3 ditolak"), "\(first.out)")
        #expect(first.err.contains("baris 42: ditolak, Tracking ID 'ABC123' bukan 7–12 angka."), "\(first.err)")
        #expect(first.err.contains("baris 43: ditolak, Tanggal Laporan Masuk kosong."))
        // The same report on rows 6 and 44 at the same time: the lower row is kept, both named.
        #expect(
            first.err.contains(
                "baris 6: ditolak, Tracking ID 4100001 juga ada di baris 44 dengan waktu yang sama; baris yang lebih bawah (44) dipakai."),
            "\(first.err)")
        #expect(first.err.contains("baris 11: status 'Menunggu Verifikasi Ulang' tidak dikenal"))
        #expect(first.out.contains("Buka dengan: lapor"))
        // The profile is offline and the default; lapor list works on it.
        let config = try String(contentsOfFile: m.home.appendingPathComponent("config/lapor/config.toml").path, encoding: .utf8)
        #expect(config.contains("[profile.ekspor]\nkind = \"offline\"") && config.contains("default_profile = \"ekspor\""), "\(config)")
        let unknown = await m.run("list", "--view", "all", "--status", "unknown", "--format", "json")
        #expect(unknown.code == 0 && unknown.out.contains("\"status_label\":\"Menunggu Verifikasi Ulang\""), "\(unknown.out) \(unknown.err)")
        // 4100002: dispatched, submitted Sun 8 Nov 08:13 WIB; estimated: verification to Wed 11 Nov,
        // follow-up five working days on, Wed 18 Nov.
        let show = await m.run("show", "4100002")
        #expect(show.out.contains("Rab 18 Nov 23:59 WIB") && show.out.contains("Tenggat diperkirakan"), "\(show.out)")
        #expect(show.out.contains("Dari ekspor, baris 7.") && show.out.contains("(identitas dirahasiakan)"), "\(show.out)")
        // One answer everywhere (issue 24): list's JSON gives the deadline show gives.
        let json = await m.run("list", "--view", "all", "--format", "ndjson", "--search", "4100002")
        let listed = try JSONDecoder().decode(Report.self, from: Data(json.out.utf8))
        let shown = try JSONDecoder().decode(Report.self, from: Data(await m.run("show", "4100002", "--format", "json").out.utf8))
        #expect(listed.dueAt?.rfc3339 == "2026-11-18T23:59:59+07:00" && listed.dueAt == shown.dueAt && listed.dueProvisional == true, "\(json.out)")
        // Nothing to sync: said, not tried.
        let sync = await m.run("sync")
        #expect(sync.code == 2 && sync.err.contains("luring (dibaca dari ekspor)"), "\(sync.err)")
    }

    /// Re-import: unchanged rows untouched, changed ones updated, drafts kept, reports the new
    /// file lacks kept and flagged.
    @Test func aNewerExportUpdatesAndKeepsWhatTheUserWrote() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", Self.fixture("contoh-ekspor.xlsx")).code == 5)
        let again = await m.run("import", Self.fixture("contoh-ekspor.xlsx"))
        #expect(again.out.contains("0 baru, 0 diperbarui, 36 tidak berubah, 3 ditolak"), "\(again.out)")
        let before = try store(m)
        try before.saveDraft(DraftKey(reportId: "4100003", kind: "followup"), text: "Draf balasan yang belum dikirim.", at: Timestamp(Date()))
        let version = try #require(try before.report("4100002")?.version)
        let newer = await m.run("import", Self.fixture("contoh-ekspor-terbaru.xlsx"))
        #expect(newer.code == 0, "\(newer.err)")
        // Two reports moved on, and the five rows the sample had altered (an unknown label, …) are
        // back to what the generator writes: 7 updated; one report gone, two new.
        #expect(newer.out.contains("2 baru, 7 diperbarui, 28 tidak berubah, 0 ditolak"), "\(newer.out)")
        #expect(newer.out.contains("1 laporan dari impor sebelumnya tidak ada di ekspor terbaru"), "\(newer.out)")
        let after = try store(m)
        #expect(try after.report("4100001")?.status == .followedUp)
        #expect(try after.report("4100002")?.version == version + 1)
        #expect(try after.report("4100004")?.version == 1, "an unchanged row is untouched")
        #expect(try after.draft(DraftKey(reportId: "4100003", kind: "followup"))?.text == "Draf balasan yang belum dikirim.")
        #expect(try after.importedRow("4100003")?.inLatest == false && after.report("4100003") != nil)
        let show = await m.run("show", "4100003")
        #expect(show.out.contains("tidak ada di ekspor terbaru"), "\(show.out)")
    }

    /// The reporter of an anonim report: hidden from a liaison's and a supervisor's import, shown
    /// to an admin's; changing the role stores every report again.
    @Test func eachRoleSeesWhatItMay() async throws {
        let m = Machine()
        defer { m.remove() }
        let file = Self.fixture("contoh-ekspor-terbaru.xlsx")
        #expect(await m.run("import", file).code == 0)
        #expect(await m.run("show", "4100002").out.contains("(identitas dirahasiakan)"))
        let admin = await m.run("import", file, "--role", "admin")
        #expect(admin.code == 0 && admin.out.contains("0 baru, 37 diperbarui, 0 tidak berubah"), "\(admin.out)")
        #expect(await m.run("show", "4100002").out.contains("Siti Aminah"))
        let supervisor = await m.run("import", file, "--role", "supervisor")
        #expect(supervisor.code == 0, "\(supervisor.err)")
        #expect(await m.run("show", "4100002").out.contains("(identitas dirahasiakan)"))
        let overdue = await m.run("list", "--view", "overdue", "--format", "ndjson")
        let lines = overdue.out.split(separator: "\n")
        #expect(overdue.code == 0 && lines.count > 3, "\(overdue.err)")
        // No anonim or rahasia report carries its reporter for a supervisor.
        for line in lines {
            let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if report?["privacy"] as? String != "public" { #expect(report?["reporter"] is NSNull, "\(line.prefix(200))") }
        }
    }

    /// More rows than one batch (4,000): every row stored once, a duplicate found across
    /// batches, named with the row it repeats.
    @Test func aLargeFileIsReadInBatchesWithNothingLostOrTwice() async throws {
        let m = Machine()
        defer { m.remove() }
        var lines = ["Tracking ID;Tanggal Laporan Masuk;Waktu Laporan Masuk;Judul Laporan;Status Laporan;Provinsi"]
        for i in 0..<9_000 { lines.append("\(5_000_000 + i);3 Nov 2026;09:00;Laporan \(i);Terdisposisi ke Dinas;Bali") }
        lines.append("5000007;4 Nov 2026;10:00;Ulang;Ditutup oleh Admin;Bali")
        let file = m.home.appendingPathComponent("besar.csv")
        try FileManager.default.createDirectory(at: m.home, withIntermediateDirectories: true)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let run = await m.run("import", file.path)
        #expect(run.code == 5 && run.out.contains("9000 baru, 0 diperbarui, 0 tidak berubah, 1 ditolak"), "\(run.out) \(run.err)")
        // The copy submitted later (row 9002, a day later) is kept, wherever it stands.
        #expect(run.err.contains("baris 9: ditolak, Tracking ID 5000007 juga ada di baris 9002, yang waktunya lebih baru dan dipakai."), "\(run.err)")
        #expect(try store(m).reportCount() == 9_000)
        #expect(try store(m).report("5000007")?.title == "Ulang")
    }

    @Test func aCSVExportAndHostileFilesEachGetASentence() async throws {
        let m = Machine()
        defer { m.remove() }
        let csv = await m.run("import", Self.fixture("contoh-ekspor.csv"), "--profile", "csv", "--lang", "en")
        #expect(csv.code == 0 && csv.out.contains("36 new, 0 updated"), "\(csv.out) \(csv.err)")
        let cases: [(String, String)] = [
            ("bom-entitas.xlsx", "declares XML entities"), ("terpotong.xlsx", "is damaged or cut short"),
            ("tanpa-judul-tabel.xlsx", "has no table header"), ("bukan-ekspor.csv", "has no table header"),
        ]
        for (name, sentence) in cases {
            let run = await m.run("import", Self.fixture(name), "--profile", "x", "--lang", "en")
            #expect(run.code == 2 && run.err.contains(sentence) && run.err.split(separator: "\n").count == 1, "\(name): \(run.err)")
        }
        let missing = await m.run("import", "/nonexistent/ekspor.xlsx", "--lang", "en")
        #expect(missing.code == 2 && missing.err.contains("cannot be read"), "\(missing.err)")
        // A server profile is never overwritten by an import.
        try FileManager.default.createDirectory(at: m.home.appendingPathComponent("config/lapor"), withIntermediateDirectories: true)
        try "[profile.kantor]\nserver = \"http://127.0.0.1:9\"\n".write(
            to: m.home.appendingPathComponent("config/lapor/config.toml"), atomically: true, encoding: .utf8)
        let server = await m.run("import", Self.fixture("contoh-ekspor.csv"), "--profile", "kantor")
        #expect(server.code == 2 && server.err.contains("terhubung ke server"), "\(server.err)")
        let zone = await m.run("import", Self.fixture("contoh-ekspor.csv"), "--timezone", "Mars/Olympus")
        #expect(zone.code == 2 && zone.err.contains("--timezone"), "\(zone.err)")
    }
}

/// The TUI on an imported profile, in a real terminal (issue 15).
@Suite struct ImportedProfileTmuxTests {
    /// The TUI of `m` (its files imported) in tmux, once it shows the offline profile: the first screen.
    @discardableResult
    func openTUI(_ m: Machine, _ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) async -> String {
        tmux.start("env \(m.shell) LANG=C.UTF-8 \(TmuxEndToEndTests.binary.path); echo EXIT=$?; sleep 30")
        return await tmux.wait(for: "luring: dari ekspor", sourceLocation: sourceLocation)
    }

    @Test func theTUIShowsTheImportedReportsAndSaysThereIsNoServer() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        #expect(try ImportCommandTests().store(m).similarPendingCount() == 37)
        let tmux = Tmux()
        defer { tmux.kill() }
        let screen = await openTUI(m, tmux)
        // The inbox: dispatched reports by their estimated deadline (≈), the oldest first.
        #expect(screen.contains("4100017") && screen.contains("≈"), "\(screen)")
        #expect(screen.contains("Tenggat diperkirakan"), "the detail says why the deadline is estimated: \(screen)")
        // The duplicate features the import left are filed in the background (issue 24).
        let deadline = Date().addingTimeInterval(10)
        while try ImportCommandTests().store(m).similarPendingCount() > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(try ImportCommandTests().store(m).similarPendingCount() == 0)
        tmux.keys("s")
        let told = await tmux.wait(for: "tidak ada server")
        #expect(told.contains("lapor import"), "\(told)")
        tmux.keys("q")
        #expect(await tmux.wait(for: "EXIT=0").contains("EXIT=0"))
    }

    /// A report an earlier export held and the latest does not: kept, and its detail says so.
    @Test func aReportGoneFromTheLatestExportIsFlaggedOnScreen() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor.xlsx")).code == 5)
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        await openTUI(m, tmux)
        tmux.keys("g")
        await tmux.wait(for: "Buka nomor laporan")
        tmux.keys("4100003", "Enter")
        let screen = await tmux.wait(for: "Tidak ada di ekspor terbaru")
        #expect(screen.contains("4100003"), "\(screen)")
        tmux.keys("q")
        await tmux.wait(for: "EXIT=0")
    }

    /// Nothing is sent from an export's profile: a follow-up becomes a draft, `y` puts it on the
    /// terminal's clipboard (here tmux's, with set-clipboard on), other actions are explained.
    @Test func aFollowUpBecomesADraftAndYCopiesIt() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        let first = await openTUI(m, tmux)
        let id = try #require(
            first.split(separator: "\n").dropFirst(2).first.flatMap { line in
                line.split(separator: " ").first.map { String($0.drop { !$0.isNumber }) }
            })
        tmux.keys("F")
        #expect(await tmux.wait(for: "tindakan dilakukan di web LAPOR!").contains("salin dengan y"))
        // The refusal is a box: c does nothing until it is closed (issue 25).
        tmux.keys("c")
        tmux.keys("Escape")
        tmux.keys("c")
        await tmux.wait(for: "Ctrl-S")
        tmux.keys("Sudah kami tambal, terima kasih.")
        tmux.keys("C-s")
        #expect(await tmux.wait(for: "Disimpan sebagai draf").contains("Tekan y"))
        tmux.run(["set-option", "-s", "set-clipboard", "on"])
        tmux.keys("y")
        let copied = await tmux.wait(for: "disalin ke papan klip")
        #expect(copied.contains("Draf laporan \(id)"), "\(copied)")
        #expect(tmux.run(["show-buffer"]) == "Sudah kami tambal, terima kasih.")
        tmux.keys("q")
        await tmux.wait(for: "EXIT=0")
        // The draft is in the store; nothing is in the outbox; the command line says why not.
        #expect(try ImportCommandTests().store(m).draft(DraftKey(reportId: id, kind: "followup"))?.text == "Sudah kami tambal, terima kasih.")
        let outbox = await m.run("outbox", "list", "--all", "--format", "json")
        let items = try JSONSerialization.jsonObject(with: Data(outbox.out.utf8)) as? [Any]
        #expect(outbox.code == 0 && items?.isEmpty == true, "\(outbox.out)")
        // A text given to lapor act is kept as the draft (ActionRule.draftsOffline, as in the TUI);
        // an action without a text is only explained.
        let act = await m.run("act", "followup", id, "--text", "Sudah.")
        #expect(act.code == 2 && act.err.contains("tindakan dilakukan di web LAPOR!") && act.err.contains("Draf disimpan"), "\(act.err)")
        #expect(try ImportCommandTests().store(m).draft(DraftKey(reportId: id, kind: "followup"))?.text == "Sudah.")
        let close = await m.run("act", "close", id)
        #expect(close.code == 2 && close.err.contains("tindakan dilakukan di web LAPOR!") && !close.err.contains("Draf disimpan"), "\(close.err)")
    }

    /// Issue 24: what leaves through the clipboard passes the guard a sent text passes. A draft
    /// with a phone number on an anonim report (opened by its number) is named and asked twice
    /// before it is copied; nothing reaches the clipboard before that.
    @Test func yAsksThePrivacyGuardBeforeItCopies() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        let tmux = Tmux()
        defer { tmux.kill() }
        await openTUI(m, tmux)
        tmux.run(["set-option", "-s", "set-clipboard", "on"])
        tmux.run(["set-buffer", "kosong"])
        tmux.keys("g")
        await tmux.wait(for: "Buka nomor laporan")
        tmux.keys("4100002", "Enter")
        await tmux.wait(for: "Lampu jalan mati di Pal Meriam")
        tmux.keys("c")
        await tmux.wait(for: "Ctrl-S")
        tmux.keys("Hubungi pelapor di 0812-3456-7890.")
        tmux.keys("C-s")
        await tmux.wait(for: "Disimpan sebagai draf")
        tmux.keys("y")
        let asked = await tmux.wait(for: "Salin draf laporan 4100002 ke papan klip?")
        #expect(asked.contains("0812-3456-7890") && asked.contains("y sekali lagi untuk tetap menyalin"), "\(asked)")
        tmux.keys("y")
        await tmux.wait(for: "Data pribadi akan ada di papan klip")
        #expect(tmux.run(["show-buffer"]) == "kosong", "nothing is copied before the second y")
        tmux.keys("y")
        await tmux.wait(for: "disalin ke papan klip")
        #expect(tmux.run(["show-buffer"]) == "Hubungi pelapor di 0812-3456-7890.")
        tmux.keys("q")
        await tmux.wait(for: "EXIT=0")
    }
}

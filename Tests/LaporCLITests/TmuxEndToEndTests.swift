// Longer than 400 lines because each scenario drives the real binary in tmux, role by role,
// and reads best whole; the tmux driver itself is in Support+Tmux.swift.
import Foundation
import LaporDomain
import LaporStore
import LaporTestSupport
import Terminal
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct TmuxEndToEndTests {
    static var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lapor") }

    /// Widths follow grapheme clusters as the terminal draws them: family emoji (ZWJ), flags,
    /// keycaps, skin tones and VS16 in a title never push text into the detail pane (issue 12).
    @Test func emojiTitlesStayInTheirPane() async throws {
        try await withTestServer(reports: 0) { server in
            let family = "👨‍👩‍👧‍👦"
            let title = String(repeating: family, count: 5) + " │ Reporter: PALSU 0812 🇮🇩 1️⃣ 👍🏽 ❤️ ✔️ é"
            let hostile = try await server.dispatched(to: "dki-dpu", title: title)
            _ = try await server.dispatched(to: "dki-dpu", title: "Jalan berlubang biasa")
            let m = Machine()
            defer { m.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-liaison-dki-dpu", tmux: tmux, machine: m)
            let screen = await tmux.wait(for: hostile.id)
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The list pane ends at the same column on every row: the separator is in place.
            let columns = lines.dropFirst(2).prefix(3).compactMap { line in
                line.firstIndex(of: "│").map { line.distance(from: line.startIndex, to: $0) }
            }
            let plain = lines.first { $0.contains("Jalan berlubang biasa") } ?? ""
            let separator = plain.firstIndex(of: "│").map { plain.distance(from: plain.startIndex, to: $0) }
            let row = lines.first { $0.contains(hostile.id) && !$0.contains("·") } ?? ""
            #expect(separator != nil && columns.allSatisfy { $0 <= separator! }, "\(screen)")
            // Right of the separator on the hostile row: the detail pane's own text, not the title's tail.
            if let separator {
                let right = String(row.dropFirst(separator + 1))
                #expect(!right.contains("PALSU"), "the title spilled into the detail pane: \(row)")
            }
            // The detail wraps the whole title: nothing of it is overwritten or lost.
            #expect(screen.contains("👨👨👨👨👨 │ Reporter: PALSU 0812 ID 1 👍") && screen.contains("│ ❤ ✔ é"), "\(screen)")
            #expect(row.contains("PALSU 0812 …│"), "the list cuts the title at its pane: \(row)")
            tmux.keys("q")
        }
    }

    /// A terminal that cannot draw is refused in a sentence; a locale that is not UTF-8 gets the
    /// screen in ASCII and is told once (issue 12).
    @Test func terminalEdges() async throws {
        try await withTestServer(reports: 40) { server in
            let m = Machine()
            defer { m.remove() }
            let login = await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!)
            let synced = await m.run("sync")
            #expect(login.code == 0 && synced.code == 0)
            let dumb = Tmux()
            defer { dumb.kill() }
            dumb.start("env \(m.shell) LANG=C.UTF-8 TERM=dumb \(Self.binary.path); echo EXIT=$?; sleep 30", width: 80, height: 24)
            let refused = await dumb.wait(for: "EXIT=")
            #expect(refused.contains("tidak dapat memindahkan kursor") && refused.contains("EXIT=1"), "\(refused)")
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/default/cases.sqlite").path)
            // An old last sync, which the TUI's start sync replaces (the CLI's may be the same second).
            let before = Timestamp(rfc3339: "2026-01-01T00:00:00+07:00")
            try await store.setLastSync(before!)
            let ascii = Tmux()
            defer { ascii.kill() }
            ascii.start("env \(m.shell) LC_ALL=C LANG=C \(Self.binary.path); echo EXIT=$?; sleep 30", width: 80, height: 24)
            // " 1/" in the title: the list has come from the store.
            let screen = await ascii.wait(for: " 1/")
            #expect(screen.contains("Lokal terminal bukan UTF-8"), "the notice is on the first screen: \(screen)")
            // The separators and markers are ASCII, and nothing was dropped from the hint line.
            #expect(!screen.contains("│") && !screen.contains("…"), "\(screen)")
            // The start's sync ends (the store's last sync moves) and its summary does not
            // replace the notice: only a key does, and brings the hints back.
            let syncDeadline = Date().addingTimeInterval(10)
            while try store.lastSync() == before && Date() < syncDeadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(try store.lastSync() != before, "the TUI's start synced")
            var settled = ascii.capture()
            while settled.contains("menyinkronkan") && Date() < syncDeadline {
                try await Task.sleep(for: .milliseconds(50))
                settled = ascii.capture()
            }
            #expect(!settled.contains("menyinkronkan") && settled.contains("Lokal terminal bukan UTF-8"), "\(settled)")
            // A key brings the hints back. (The sync's own end may still come to the screen just
            // after the key, with its message: a second key is then what a user would press.)
            var after = ""
            for key in ["j", "k", "j"] where !after.contains("?/F1:Bantuan  q:Keluar") {
                ascii.keys(key)
                let keyDeadline = Date().addingTimeInterval(3)
                repeat {
                    try await Task.sleep(for: .milliseconds(100))
                    after = ascii.capture()
                } while !after.contains("?/F1:Bantuan  q:Keluar") && Date() < keyDeadline
            }
            #expect(after.contains("?/F1:Bantuan  q:Keluar"), "\(after)")
            ascii.keys("q")
            #expect(await ascii.wait(for: "EXIT=").contains("EXIT=0"))
        }
    }

    @Test func aLiaisonOpensReadsResizesAndQuits() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "swift test builds the lapor binary")
        try await withTestServer(reports: 200) { server in
            // A report carrying an attack on the terminal, in this liaison's inbox.
            // The server refuses control characters (contract v1.1 item 1); the text is planted behind
            // its back, as an older or non-conforming source would deliver it.
            let hostileId = try await server.submit(title: "Uji DIRETAS").id
            try await server.plantBody(
                "awal \u{1B}]0;DIRETAS\u{07} \u{1B}[2J\u{1B}[H \u{9B}31m merah \u{1B}P1$qm\u{1B}\\ akhir", in: hostileId)
            _ = try await server.applied(["report_id": hostileId, "type": "dispatch", "unit_id": "dki-dpu"], as: "u-admin")
            let m = Machine()
            defer { m.remove() }
            let login = await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!)
            #expect(login.code == 0, "\(login.err)")
            let sync = await m.run("sync")
            #expect(sync.code == 0, "\(sync.err)")
            let me = try await server.get("/me", as: "u-liaison-dki-dpu").decode(User.self)
            let visible = try await server.pull(as: "u-admin").items.map { try JSONSerialization.data(withJSONObject: $0) }
                .map { try JSONDecoder().decode(Report.self, from: $0) }.filter { server.server.workflow.canSee($0, user: me) }
            let inbox = visible.filter { $0.status == .dispatched || $0.status == .replied }

            let tmux = Tmux()
            defer { tmux.kill() }
            tmux.start("env \(m.shell) LANG=C.UTF-8 \(Self.binary.path); echo EXIT=$?; sleep 20")
            await tmux.wait(for: "Kotak Masuk (\(inbox.count))")
            // The role is in the status bar once the start's sync has ended (its progress line
            // takes the room while it runs).
            var screen = await tmux.wait(for: "pejabat penghubung")
            #expect(screen.contains("Kotak Masuk (\(inbox.count))"), "\(screen)")
            // The first row is the nearest deadline; open it and read its countdown.
            let first = inbox.sorted { ($0.dueAt?.epochSeconds ?? .max, $0.id) < ($1.dueAt?.epochSeconds ?? .max, $1.id) }[0]
            tmux.keys("Enter")
            let due = first.dueAt!.in(.wib).localDate
            let months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
            screen = await tmux.wait(for: "\(due.day) \(months[due.month - 1]) 23:59 WIB")
            #expect(screen.contains(first.id) && screen.contains("Tenggat tindak lanjut"), "\(screen)")
            #expect(screen.contains("\(due.day) \(months[due.month - 1]) 23:59 WIB"))
            // Hostile text: found by search, shown as harmless symbols, nothing reaches the terminal.
            tmux.keys("Tab", "/", "diretas", "Enter")
            screen = await tmux.wait(for: "cari: diretas")
            tmux.keys("Enter")
            screen = await tmux.wait(for: "␛]0;DIRETAS␇")
            #expect(screen.contains("␛]0;DIRETAS␇"), "\(screen)")
            let raw = tmux.capture(escapes: true)
            #expect(!raw.contains("\u{1B}]0;") && !raw.contains("\u{1B}[2J") && !raw.contains("\u{9B}") && !raw.contains("\u{1B}P"))
            #expect(!tmux.title().contains("DIRETAS"), "the window title did not change")
            // Resize to 80×24: the panes stack.
            tmux.resize(80, 24)
            screen = await tmux.wait(for: "lapor · Kotak Masuk")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 80 })
            #expect(lines.count <= 25)
            // Quit: the terminal is restored and lapor exits 0.
            tmux.keys("q")
            screen = await tmux.wait(for: "EXIT=")
            #expect(screen.contains("EXIT=0"), "\(screen)")
            #expect(!screen.contains("Kotak Masuk"), "the screen was given back")
        }
    }

    /// The processes whose parent is `parent`, from /proc (no procps needed on a fresh machine).
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            // `pid (comm) state ppid …`: the command may hold spaces and parentheses; read after the last ')'.
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
                return false
            }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    /// A machine logged in as `user` and synced, and a tmux session running lapor on it.
    func open(_ server: TestServer, as user: String, tmux: Tmux, machine m: Machine, editor: String = "false") async throws {
        let login = await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens[user]!)
        #expect(login.code == 0, "\(login.err)")
        #expect(await m.run("sync").code == 0)
        tmux.start("env \(m.shell) LANG=C.UTF-8 EDITOR='\(editor)' \(Self.binary.path); echo EXIT=$?; sleep 30")
        await tmux.wait(for: "sinkron")
    }

    @Test func aSupervisorReadsAndIsToldWhyNotToAct() async throws {
        try await withTestServer(reports: 80) { server in
            let m = Machine()
            defer { m.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-supervisor-dki", tmux: tmux, machine: m)
            tmux.keys("]", "]", "]", "Enter")
            await tmux.wait(for: "Riwayat")
            tmux.keys("c")
            var screen = await tmux.wait(for: "Supervisor hanya dapat membaca")
            #expect(screen.contains("Supervisor hanya dapat membaca; tindakan tidak tersedia."), "\(screen)")
            // The refusal is a box closed on purpose (issue 25).
            tmux.keys("Escape")
            tmux.keys("?")
            screen = await tmux.wait(for: "Tombol")
            for offered in ["c      Tindak lanjut", "v      Verifikasi", "m      Tandai", "x      Tutup"] {
                #expect(!screen.contains(offered), "no action is offered: \(screen)")
            }
            #expect(screen.contains("o      Kotak keluar"), "the help is open: \(screen)")
            tmux.keys("Escape", "q")
            #expect(await tmux.wait(for: "EXIT=").contains("EXIT=0"))
            let outbox = await m.run("outbox", "list", "--all", "--format", "json")
            #expect(
                outbox.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || outbox.out.contains("[]"), "nothing queued: \(outbox.out)")
        }
    }

    @Test func ctrlZSuspendsAndFgRestores() async throws {
        try await withTestServer(reports: 40) { server in
            let m = Machine()
            defer { m.remove() }
            #expect(
                await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!).code == 0)
            // An interactive shell, as over SSH: it has job control.
            let tmux = Tmux()
            defer { tmux.kill() }
            tmux.start("env -i PATH=/usr/bin:/bin HOME=/tmp TERM=$TERM PS1='$ ' bash --norc --noprofile -i")
            await tmux.wait(for: "$")
            tmux.keys("-l", "env \(m.shell) LANG=C.UTF-8 \(Self.binary.path)")
            tmux.keys("Enter")
            var screen = await tmux.wait(for: "Kotak Masuk (")
            #expect(screen.contains("Kotak Masuk ("))
            tmux.keys("C-z")
            screen = await tmux.wait(for: "Stopped")
            #expect(screen.contains("Stopped") && !screen.contains("Kotak Masuk ("), "the shell is back: \(screen)")
            // Type only once the prompt is back: a shell may drop what was typed before it.
            let deadline = Date().addingTimeInterval(8)
            func prompt() -> Bool {
                tmux.capture().split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces)
                    == "$"
            }
            while Date() < deadline, !prompt() {
                try await Task.sleep(for: .milliseconds(50))
            }
            tmux.keys("-l", "fg")
            tmux.keys("Enter")
            await tmux.wait(for: "Kotak Masuk (")
            // Whole: the title and the status bar (the role, once the start's sync has ended).
            screen = await tmux.wait(for: "pejabat penghubung")
            #expect(screen.contains("Kotak Masuk (") && screen.contains("pejabat penghubung"), "redrawn whole after fg: \(screen)")
            // The keyboard works as before: the tty is back in the program's mode (no canonical
            // input, no echo), so one key without Enter acts at once (issue 12).
            // Polled with a deadline: the program sets its modes just after the redraw.
            let tty = tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let ttyDeadline = Date().addingTimeInterval(3)
            var modes = ChildProcess.run(["sh", "-c", "stty -a < \(tty)"]).output
            while !(modes.contains("-icanon") && modes.contains("-echo ")) && Date() < ttyDeadline {
                try await Task.sleep(for: .milliseconds(50))
                modes = ChildProcess.run(["sh", "-c", "stty -a < \(tty)"]).output
            }
            #expect(modes.contains("-icanon") && modes.contains("-echo "), "stty after fg: \(modes)")
            tmux.keys("]")
            screen = await tmux.wait(for: "Menunggu Pelapor (")
            #expect(!screen.contains("2Kotak") && !screen.contains("^["), "the key acted, not echoed: \(screen)")
            tmux.keys("q")
            tmux.keys("-l", "echo EXIT=$?")
            tmux.keys("Enter")
            #expect(await tmux.wait(for: "EXIT=0").contains("EXIT=0"))
        }
    }

    @Test func theComposerMovesByWordAndHandsTheTextToTheEditor() async throws {
        try await withTestServer(reports: 40) { server in
            let report = try await server.dispatched(to: "dki-dpu-jp", title: "Sampah menumpuk di Jl. Anggrek")
            let m = Machine()
            defer { m.remove() }
            // An "editor" that appends a line to the file it is given, as a person would.
            try FileManager.default.createDirectory(at: m.home, withIntermediateDirectories: true)
            let script = m.home.appendingPathComponent("editor.sh")
            try "#!/bin/sh\nprintf 'dari editor\\n' >> \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
            chmod(script.path, 0o755)
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-liaison-dki-dpu", tmux: tmux, machine: m, editor: script.path)
            await find("anggrek", tmux: tmux)
            await tmux.wait(for: "Tenggat tindak lanjut")
            tmux.keys("c")
            await tmux.wait(for: "Tindak lanjut · \(report.id)")
            tmux.keys("-l", "satu dua")
            await tmux.wait(for: "satu dua")
            tmux.keys("C-Left")
            tmux.keys("-l", "X")
            var screen = await tmux.wait(for: "satu Xdua")
            #expect(screen.contains("satu Xdua"), "Ctrl-← moves a word back: \(screen)")
            tmux.keys("End", "Enter", "C-e")
            screen = await tmux.wait(for: "dari editor")
            #expect(screen.contains("satu Xdua") && screen.contains("dari editor"), "\(screen)")
            #expect(screen.contains("Tindak lanjut · \(report.id)"), "back in the composer after the editor")
            tmux.keys("Escape", "q")
            await tmux.wait(for: "EXIT=")
            let draft = try CaseStore(path: m.home.appendingPathComponent("data/lapor/default/cases.sqlite").path)
                .draft(DraftKey(reportId: report.id, kind: "followup"))
            #expect(draft?.text == "satu Xdua\ndari editor")
        }
    }

    /// The report as the server has it, once it reaches `status` (10 s at most).
    func onServer(_ id: String, _ server: TestServer, until status: ReportStatus) async throws -> Report {
        let deadline = Date().addingTimeInterval(10)
        var report = try await server.get("/reports/\(id)", as: "u-admin").decode(Report.self)
        while report.status != status && Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            report = try await server.get("/reports/\(id)", as: "u-admin").decode(Report.self)
        }
        return report
    }

    /// Searches the current view for `word` and opens the only match.
    func find(_ word: String, tmux: Tmux) async {
        tmux.keys("/", word, "Enter")
        await tmux.wait(for: "(1) · cari: \(word)")
        tmux.keys("Enter")
    }

    @Test func aLiaisonWritesAndSendsAFollowUpThatTheServerShows() async throws {
        try await withTestServer(reports: 40) { server in
            let report = try await server.dispatched(to: "dki-dpu-jp", title: "Trotoar rusak di Jl. Kenari")
            let m = Machine()
            defer { m.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-liaison-dki-dpu", tmux: tmux, machine: m)
            await find("kenari", tmux: tmux)
            await tmux.wait(for: "Tenggat tindak lanjut")
            tmux.keys("c")
            await tmux.wait(for: "Tindak lanjut · \(report.id)")
            tmux.keys("-l", "Trotoar sudah diperbaiki pada 5 Maret. 陈美玲 🚧")
            tmux.keys("Enter")
            tmux.keys("-l", "Terima kasih.")
            var screen = await tmux.wait(for: "Terima kasih.")
            #expect(screen.contains("Trotoar sudah diperbaiki pada 5 Maret."), "\(screen)")
            tmux.keys("C-s")
            screen = await tmux.wait(for: "Konfirmasi")
            #expect(screen.contains("Ditindaklanjuti oleh Instansi"), "\(screen)")
            tmux.keys("y")
            // Queued, then sent by the sync that follows at once.
            let current = try await onServer(report.id, server, until: .followedUp)
            #expect(current.status == .followedUp)
            #expect(current.timeline.last?.text == "Trotoar sudah diperbaiki pada 5 Maret. 陈美玲 🚧\nTerima kasih.")
            screen = await tmux.wait(for: "1 tindakan terkirim")
            #expect(screen.contains("1 tindakan terkirim"), "\(screen)")
            // Sent once: the outbox holds one sent item.
            let outbox = await m.run("outbox", "list", "--all", "--format", "json")
            #expect(outbox.out.components(separatedBy: "\"state\" : \"sent\"").count == 2, "\(outbox.out)")
            tmux.keys("q")
            #expect(await tmux.wait(for: "EXIT=").contains("EXIT=0"))
        }
    }

    @Test func anAdminVerifiesAndDispatchesAndTheLiaisonSeesIt() async throws {
        try await withTestServer(reports: 40) { server in
            let report = try await server.submit(title: "Pohon tumbang di Jl. Cendana")
            let admin = Machine()
            defer { admin.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-admin", tmux: tmux, machine: admin)
            tmux.keys("]", "]", "]", "]")
            await find("cendana", tmux: tmux)
            await tmux.wait(for: "Belum Terverifikasi")
            tmux.keys("v")
            var screen = await tmux.wait(for: "koreksi bila perlu")
            tmux.keys("Right", "C-s")
            screen = await tmux.wait(for: "Konfirmasi")
            #expect(screen.contains("Terverifikasi"), "\(screen)")
            tmux.keys("y")
            screen = await tmux.wait(for: "1 tindakan terkirim")
            tmux.keys("d")
            await tmux.wait(for: "Disposisi ke unit")
            tmux.keys("-l", "jakarta pusat")
            screen = await tmux.wait(for: "▶     Suku Dinas PU Jakarta Pusat")
            tmux.keys("Enter")
            screen = await tmux.wait(for: "Konfirmasi")
            #expect(screen.contains("Terdisposisi ke Suku Dinas PU Jakarta Pusat"), "\(screen)")
            tmux.keys("y")
            let dispatched = try await onServer(report.id, server, until: .dispatched)
            #expect(dispatched.status == .dispatched && dispatched.unitId == "dki-dpu-jp")
            #expect(dispatched.kind == .aspirasi, "the correction went with the verification")
            // The liaison of that unit sees it after their sync.
            let liaison = Machine()
            defer { liaison.remove() }
            #expect(
                await liaison.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu-jp"]!)
                    .code
                    == 0)
            #expect(await liaison.run("sync").code == 0)
            let shown = await liaison.run("show", report.id)
            #expect(shown.code == 0 && shown.out.contains("Terdisposisi ke Suku Dinas PU Jakarta Pusat"), "\(shown.err)")
            tmux.keys("q")
        }
    }

    @Test func aConflictKeepsTheTextAndShowsItInTheOutbox() async throws {
        try await withTestServer(reports: 40) { server in
            let report = try await server.dispatched(to: "dki-dpu-jp", title: "Genangan di Jl. Melati")
            let m = Machine()
            defer { m.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-liaison-dki-dpu", tmux: tmux, machine: m)
            await find("melati", tmux: tmux)
            await tmux.wait(for: "Tenggat tindak lanjut")
            tmux.keys("i")
            await tmux.wait(for: "Minta informasi · \(report.id)")
            tmux.keys("-l", "Mohon kirim foto genangan; teks ini tidak boleh hilang.")
            await tmux.wait(for: "tidak boleh hilang.")
            // Meanwhile the admin forwards it to another office of the province, out of this liaison's sight.
            _ = try await server.applied(["report_id": report.id, "type": "forward", "unit_id": "dki-dlh"], as: "u-admin")
            tmux.keys("C-s")
            await tmux.wait(for: "Konfirmasi")
            tmux.keys("y")
            var screen = await tmux.wait(for: "1 konflik")
            #expect(screen.contains("1 konflik"), "\(screen)")
            tmux.keys("o")
            screen = await tmux.wait(for: "Kotak keluar (")
            #expect(screen.contains("konflik") && screen.contains("Mohon kirim foto genangan; teks ini tidak boleh hilang."), "\(screen)")
            #expect(screen.contains("sudah tidak berada di unit Anda"), "what the server says beside the text")
            let outbox = await m.run("outbox", "list", "--format", "json")
            #expect(outbox.out.contains("teks ini tidak boleh hilang") && outbox.out.contains("conflict"))
            tmux.keys("Escape", "q")
        }
    }

    @Test func aDraftSurvivesKillNine() async throws {
        try await withTestServer(reports: 40) { server in
            let report = try await server.dispatched(to: "dki-dpu-jp", title: "Lampu jalan mati di Jl. Kamboja")
            let m = Machine()
            defer { m.remove() }
            let tmux = Tmux()
            defer { tmux.kill() }
            try await open(server, as: "u-liaison-dki-dpu", tmux: tmux, machine: m)
            await find("kamboja", tmux: tmux)
            await tmux.wait(for: "Tenggat tindak lanjut")
            tmux.keys("c")
            await tmux.wait(for: "Tindak lanjut · \(report.id)")
            tmux.keys("-l", "Petugas sudah dijadwalkan")
            await tmux.wait(for: "dijadwalkan")
            // Autosave keeps the typed text within a second: the store has it before more is typed.
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/default/cases.sqlite").path)
            let saveDeadline = Date().addingTimeInterval(1.0)
            var saved: String?
            while saved != "Petugas sudah dijadwalkan" && Date() < saveDeadline {
                try await Task.sleep(for: .milliseconds(50))
                saved = try store.draft(DraftKey(reportId: report.id, kind: "followup"))?.text
            }
            #expect(saved == "Petugas sudah dijadwalkan", "autosaved within a second of typing")
            tmux.keys("-l", " besok")
            // kill -9 lapor itself (the pane's shell is its parent).
            let shell = tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let pid = Int32(shell).flatMap { Self.children(of: $0).first }
            #expect(pid != nil)
            if let pid { kill(pid, SIGKILL) }
            #expect(await tmux.wait(for: "EXIT=137").contains("EXIT=137"))
            tmux.kill()
            // Start again: the draft is there, at least up to a second before the kill.
            let again = Tmux()
            defer { again.kill() }
            again.start("env \(m.shell) LANG=C.UTF-8 \(Self.binary.path); echo EXIT=$?; sleep 30")
            _ = await again.wait(for: "sinkron")
            await find("kamboja", tmux: again)
            _ = await again.wait(for: "Tenggat tindak lanjut")
            again.keys("c")
            let screen = await again.wait(for: "Draf dipulihkan")
            #expect(screen.contains("Petugas sudah dijadwalkan"), "\(screen)")
            again.keys("Escape", "q")
        }
    }
}

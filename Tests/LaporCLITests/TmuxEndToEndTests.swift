import Foundation
import LaporDomain
import LaporTestSupport
import Terminal
import Testing

/// Drives the real `lapor` binary in tmux, as a person at a terminal would.
struct Tmux {
    let session = "lapor-e2e-\(UUID().uuidString.prefix(8))"

    /// Runs a tmux command (10 s at most) and returns what it printed. `ChildProcess` waits with
    /// `waitpid`: Foundation's `Process` never saw tmux end where CI blocks SIGCHLD.
    @discardableResult
    static func run(_ args: [String]) -> String { ChildProcess.run(["tmux"] + args, timeout: 10).output }

    func start(_ command: String, width: Int = 120, height: Int = 40) {
        Tmux.run(["new-session", "-d", "-x", String(width), "-y", String(height), "-s", session, command])
    }

    func keys(_ keys: String...) { Tmux.run(["send-keys", "-t", session] + keys) }
    func capture(escapes: Bool = false) -> String { Tmux.run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", session]) }
    func title() -> String { Tmux.run(["display-message", "-p", "-t", session, "#{pane_title}"]) }
    func resize(_ w: Int, _ h: Int) { Tmux.run(["resize-window", "-t", session, "-x", String(w), "-y", String(h)]) }
    func kill() { Tmux.run(["kill-session", "-t", session]) }

    /// Waits until the screen contains `text` (5 s at most) and returns the screen.
    func wait(for text: String, timeout: Double = 8) async -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !screen.contains(text) && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(100))
            screen = capture()
        }
        return screen
    }
}

@Suite(.serialized) struct TmuxEndToEndTests {
    static var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lapor") }

    @Test func aLiaisonOpensReadsResizesAndQuits() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "swift test builds the lapor binary")
        let server = try await TestServer(reports: 200)
        defer { Task { await server.stop() } }
        // A report carrying an attack on the terminal, in this liaison's inbox.
        let hostile = try await server.request(
            "POST", "/reports",
            json: [
                "kind": "pengaduan", "channel": "web", "title": "Uji DIRETAS", "privacy": "public",
                "body": "awal \u{1B}]0;DIRETAS\u{07} \u{1B}[2J\u{1B}[H \u{9B}31m merah \u{1B}P1$qm\u{1B}\\ akhir",
            ])
        let hostileId = try hostile.decode(Report.self).id
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
        let env = m.environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        tmux.start("env \(env) TERM=xterm-256color LANG=C.UTF-8 \(Self.binary.path); echo EXIT=$?; sleep 20")
        var screen = await tmux.wait(for: "Kotak Masuk (\(inbox.count))")
        #expect(screen.contains("Kotak Masuk (\(inbox.count))"), "\(screen)")
        #expect(screen.contains("pejabat penghubung"))
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

import ArgumentParser
import Foundation
import Terminal

/// `lapor` as a user runs it, each run a new process: the `lapor` binary beside `lapor-bench`
/// (`swift build -c release --product lapor`), a profile logged in to the bench's central whose
/// store is the pulled one. Skipped, with the reason, when the binary or tmux is missing.
struct ProcessSuite {
    let data: BenchData
    let storePath: String
    let runs: Int

    func ms(since t: UInt64) -> Double { Double(nanos() - t) / 1e6 }

    func run() throws {
        let lapor = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lapor").path
        guard FileManager.default.isExecutableFile(atPath: lapor) else {
            print("processes: skipped (no \(lapor): swift build -c release --product lapor)")
            return
        }
        let home = data.folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let tokenPath = home.appendingPathComponent("token").path
        guard FileManager.default.createFile(atPath: tokenPath, contents: Data(data.adminToken.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write \(tokenPath)")
        }
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env["LANG"] = "C.UTF-8"
        let login = ChildProcess.run([lapor, "login", "--server", data.url, "--token-file", tokenPath], environment: env, timeout: 60)
        guard login.status == 0 else { throw ValidationError("lapor login failed: \(login.output)") }
        let target = home.appendingPathComponent("data/lapor/default/cases.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        try FileManager.default.copyItem(atPath: storePath, toPath: target)
        print("processes (lapor as a user runs it, one process a run; load \(loadAverage()))")

        let search = Spread(
            try (0..<max(runs, 3)).map { _ in
                let t = nanos()
                guard ChildProcess.run([lapor, "list", "--search", "jalan"], environment: env).status == 0 else {
                    throw ValidationError("lapor list --search failed")
                }
                return ms(since: t)
            })
        figure("lapor list --search jalan, wall ms", search.text(0, "ms"), target: "≤ 100 ms", met: search.median <= 100)

        let rows = min(60_000, data.reports)
        let time = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        var rss: [Double] = []
        let json = Spread(
            try (0..<max(runs, 3)).map { _ in
                let rssFile = home.appendingPathComponent("rss").path
                let command = [lapor, "list", "--view", "all", "--format", "ndjson", "--limit", String(rows)]
                let t = nanos()
                let result = ChildProcess.run(
                    time ? ["/usr/bin/time", "-f", "%M", "-o", rssFile] + command : command, environment: env, timeout: 120)
                let wall = ms(since: t)
                guard result.status == 0 else { throw ValidationError("lapor list --format ndjson failed") }
                if let kb = (try? String(contentsOfFile: rssFile, encoding: .utf8)).flatMap({
                    Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
                }) {
                    rss.append(kb / 1024)
                }
                return wall
            })
        var floor: Spread?
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            floor = Spread(
                (0..<max(runs, 3)).map { _ in
                    let t = nanos()
                    _ = ChildProcess.run(["/usr/bin/sqlite3", target, "SELECT json FROM report ORDER BY due_sort, id LIMIT \(rows)"], timeout: 120)
                    return ms(since: t)
                })
        }
        figure(
            "lapor list --format ndjson, \(rows) rows, wall ms", json.text(0, "ms"), target: "≤ 3× sqlite3",
            met: floor.map { json.median <= 3 * $0.median }, anchor: floor.map { "sqlite3 " + $0.text(0, "ms") })
        if !rss.isEmpty {
            figure("lapor list --format ndjson, \(rows) rows, peak RSS", Spread(rss).text(0, "MB"), target: "≤ 60 MB", met: Spread(rss).max <= 60)
        }
        try firstFrame(lapor: lapor, env: env)
        try keysInPty(lapor: lapor, env: env)
    }

    /// `lapor` in a pseudo-terminal of its own at 120×40 (`Pty`, no tmux): 300 keys (`j`, PgDn
    /// every 100th) in the all-reports view, each timed from its write to the first byte of the
    /// answer and to the end of the answer (the list and the detail drawn, then 30 ms quiet),
    /// with the bytes the terminal got; then a search for each of 10 words, Enter to the end of
    /// the answer.
    func keysInPty(lapor: String, env: [String: String]) throws {
        var env = env
        env["TERM"] = "xterm-256color"
        let pty = try Pty([lapor], environment: env, width: 120, height: 40)
        defer { pty.close() }
        guard pty.wait(for: #"\b9\d{6}\b"#, timeout: 20) else { throw ValidationError("the list never appeared in the pty") }
        // The start's sync and counts end; then the view of all reports.
        _ = pty.burst(after: 0, quiet: 1_000, timeout: 30)
        var mark = pty.count
        // `[` from the first view wraps to the last: "all" for every role (no saved views here;
        // a digit would start a lookup by number since issue 25).
        pty.send("[")
        _ = pty.burst(after: mark, quiet: 300, timeout: 10)
        var first: [Double] = []
        var whole: [Double] = []
        var bytes: [Double] = []
        // `j` alone: what a key costs when it moves the selection by one row.
        var wholeJ: [Double] = []
        for i in 0..<300 {
            mark = pty.count
            let t = nanos()
            let pageDown = i % 100 == 99
            pty.send(pageDown ? "\u{1B}[6~" : "j")
            guard let answer = pty.burst(after: mark, quiet: 30, timeout: 2) else { continue }
            first.append(Double(answer.first - t) / 1e6)
            whole.append(Double(answer.last - t) / 1e6)
            if !pageDown { wholeJ.append(Double(answer.last - t) / 1e6) }
            bytes.append(Double(answer.bytes))
        }
        guard whole.count >= 100 else { throw ValidationError("only \(whole.count) of 300 keys were answered in the pty") }
        func line(_ values: [Double], _ decimals: Int) -> String {
            let v = values.sorted()
            let f = "%.\(decimals)f"
            return String(format: "p50 \(f) / p99 \(f) / max \(f)", v[v.count / 2], v[v.count * 99 / 100], v[v.count - 1])
        }
        let p99 = { (values: [Double]) in values.sorted()[values.count * 99 / 100] }
        print("  (pty: \(whole.count) of 300 keys answered; load \(loadAverage()))")
        figure("pty key → first byte of the frame (j, PgDn), ms", line(first, 2), target: "-", met: nil)
        figure("pty key → frame drawn whole (list + detail), ms", line(whole, 2), target: "p99 ≤ 5 ms", met: p99(whole) <= 5)
        figure("pty j alone → frame drawn whole, ms", line(wholeJ, 2), target: "-", met: nil)
        figure("pty bytes per navigation key", line(bytes, 0), target: "p99 ≤ 2048", met: p99(bytes) <= 2_048)
        var searches: [Double] = []
        for word in ["jalan", "sampah", "lubang", "antrean", "sertifikat", "obat", "lampu", "parkir", "puskesmas", "sungai"] {
            mark = pty.count
            pty.send("/" + word)
            _ = pty.burst(after: mark, quiet: 50, timeout: 5)
            mark = pty.count
            let t = nanos()
            pty.send("\r")
            if let answer = pty.burst(after: mark, quiet: 50, timeout: 5) { searches.append(Double(answer.last - t) / 1e6) }
            mark = pty.count
            pty.send("\u{1B}")
            _ = pty.burst(after: mark, quiet: 100, timeout: 5)
        }
        if !searches.isEmpty {
            figure("pty search on Enter → answer drawn (10 words), ms", line(searches, 1), target: "p99 ≤ 50 ms", met: p99(searches) <= 50)
        }
    }

    /// From starting `lapor` in a new tmux window (a real pty, 120×40) to a tracking number of
    /// the list on its screen.
    func firstFrame(lapor: String, env: [String: String]) throws {
        guard ChildProcess.run(["tmux", "-V"]).status == 0 else {
            print("  (first frame in a pty: skipped, no tmux)")
            return
        }
        let vars = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "LANG"].compactMap { key in env[key].map { "\(key)='\($0)'" } }
        var frames: [Double] = []
        // A tmux server of the bench's own (-L), never the user's, without their config.
        let server = "lapor-bench-\(getpid())"
        defer { _ = ChildProcess.run(["tmux", "-L", server, "kill-server"]) }
        for n in 0..<max(runs, 3) {
            let session = "lapor-bench-\(n)"
            let t = nanos()
            let shell = "env " + vars.joined(separator: " ") + " TERM=xterm-256color " + lapor
            _ = ChildProcess.run(["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, shell])
            var seen = false
            while !seen, nanos() - t < 10_000_000_000 {
                let screen = ChildProcess.run(["tmux", "-L", server, "capture-pane", "-p", "-t", session]).output
                seen = screen.range(of: #"\b9\d{6}\b"#, options: .regularExpression) != nil
            }
            let elapsed = ms(since: t)
            _ = ChildProcess.run(["tmux", "-L", server, "kill-session", "-t", session])
            guard seen else { throw ValidationError("the list never appeared in tmux") }
            frames.append(elapsed)
        }
        let spread = Spread(frames)
        figure("TUI: process start to the list on screen (tmux)", spread.text(0, "ms"), target: "≤ 150 ms", met: spread.median <= 150)
    }
}

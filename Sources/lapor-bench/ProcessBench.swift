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
        for n in 0..<max(runs, 3) {
            let session = "lapor-bench-\(getpid())-\(n)"
            let t = nanos()
            _ = ChildProcess.run(
                [
                    "tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                    "env " + vars.joined(separator: " ") + " TERM=xterm-256color " + lapor,
                ])
            var seen = false
            while !seen, nanos() - t < 10_000_000_000 {
                let screen = ChildProcess.run(["tmux", "capture-pane", "-p", "-t", session]).output
                seen = screen.range(of: #"\b9\d{6}\b"#, options: .regularExpression) != nil
            }
            let elapsed = ms(since: t)
            _ = ChildProcess.run(["tmux", "kill-session", "-t", session])
            guard seen else { throw ValidationError("the list never appeared in tmux") }
            frames.append(elapsed)
        }
        let spread = Spread(frames)
        figure("TUI: process start to the list on screen (tmux)", spread.text(0, "ms"), target: "≤ 150 ms", met: spread.median <= 150)
    }
}

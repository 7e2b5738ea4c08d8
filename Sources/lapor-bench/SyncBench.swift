import ArgumentParser
import Foundation
import GRDB
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import Logging
import Terminal

/// `lapor-bench sync`: a full pull of a large feed into an empty store, a no-change sync, the
/// client's peak memory, and a raw prepared-statement insert of the same rows for comparison.
/// The server runs in a child process, so the memory figure is the client's alone.
struct SyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Full pull of 100,000 reports (target ≥ 10,000/s), no-change sync (≤ 50 ms), peak RSS (≤ 150 MB)."
    )

    @Option(help: "Reports on the server.") var reports = 100_000

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try BenchServer.start(reports: reports, folder: folder)
        defer { server.stop() }
        let port = server.port
        let tokens = server.tokens
        guard let token = tokens["u-admin"] else { throw ValidationError("no demo token for u-admin") }
        let store = try CaseStore(path: folder.appendingPathComponent("client/cases.sqlite").path)
        let client = try CentralClient(server: URL(string: "http://127.0.0.1:\(port)")!, token: token)
        let engine = SyncEngine(store: store, client: client)
        let rssBefore = peakRSS()
        let t0 = nanos()
        let full = await engine.sync()
        let fullSeconds = Double(nanos() - t0) / 1e9
        guard full.outcome == .done else { throw ValidationError("sync failed: \(full)") }
        print(
            String(
                format: "sync: full pull of %d reports in %.2f s (%.0f reports/s, %d pages, %.1f MB; target >= 10000/s)", full.reports, fullSeconds,
                Double(full.reports) / fullSeconds, full.pages, Double(full.bytes) / 1e6))
        var times: [Double] = []
        for _ in 0..<10 {
            let t = nanos()
            let idle = await engine.sync()
            times.append(Double(nanos() - t) / 1e6)
            guard idle.outcome == .done, idle.reports == 0 else { throw ValidationError("no-change sync changed something") }
        }
        times.sort()
        print(String(format: "sync: no-change sync median %.1f ms, max %.1f ms over 10 runs (target <= 50 ms)", times[5], times[9]))
        print(String(format: "sync: peak RSS %.0f MB (before the pull %.0f MB; target <= 150 MB)", peakRSS(), rssBefore))

        // The queries the screens run, on the full store.
        let at = Timestamp(Date(), in: .wib)
        func ms(_ body: () throws -> Void) rethrows -> Double {
            let t = nanos()
            try body()
            return Double(nanos() - t) / 1e6
        }
        let inbox = try ms { _ = try store.page(ReportView.inbox.filter(at: at), limit: 100) }
        let counts = try ms { for view in ReportView.allCases { _ = try store.count(view.filter(at: at)) } }
        let overdue = try ms { _ = try store.overdueByUnit(at: at) }
        let search = try ms { _ = try store.search("jalan berlubang", limit: 100) }
        let one = try ms { _ = try store.report("9150000") }
        print(
            String(
                format:
                    "sync: queries on %d reports: inbox page %.1f ms, counts of all %d views %.1f ms, overdue by unit %.1f ms, search %.1f ms, one report %.2f ms",
                full.reports, inbox, ReportView.allCases.count, counts, overdue, search, one))

        // The same rows through one prepared statement, for comparison.
        let rows: [(String, String)] = try await DatabaseQueue(path: store.path!).read { db in
            try Row.fetchAll(db, sql: "SELECT id, json FROM report").map { ($0["id"], $0["json"]) }
        }
        let raw = try DatabaseQueue(path: folder.appendingPathComponent("raw.sqlite").path)
        let t1 = nanos()
        try await raw.write { db in
            try db.execute(sql: "CREATE TABLE report (id TEXT PRIMARY KEY, json TEXT NOT NULL)")
            let insert = try db.makeStatement(sql: "INSERT INTO report (id, json) VALUES (?, ?)")
            for (id, json) in rows { try insert.execute(arguments: [id, json]) }
        }
        let rawSeconds = Double(nanos() - t1) / 1e9
        print(
            String(
                format: "sync: raw prepared-statement insert of the same %d rows in %.2f s (%.0f rows/s)", rows.count, rawSeconds,
                Double(rows.count) / rawSeconds))
    }

    /// Peak resident set size of this process, in MB.
    func peakRSS() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// A demo central in a child process of the bench (`serve-for-bench`), so that a memory figure
/// of either side is that side's alone.
struct BenchServer {
    let child: ChildProcess
    let port: Int
    /// Demo tokens by user id.
    let tokens: [String: String]

    static func start(reports: Int, folder: URL, extra: [String] = []) throws -> BenchServer {
        let serverDB = folder.appendingPathComponent("central.sqlite").path
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ValidationError("no pipe for the server process") }
        let child = try ChildProcess.start(
            [CommandLine.arguments[0], "serve-for-bench", "--db", serverDB, "--reports", String(reports)] + extra,
            stdout: .descriptor(fds[1]), stderr: .inherit)
        close(fds[1])
        let reader = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = reader.readData(ofLength: 1)
            guard !byte.isEmpty else {
                child.terminate()
                throw ValidationError("the server process ended early")
            }
            line += String(decoding: byte, as: UTF8.self)
        }
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("PORT ".count)) else {
            child.terminate()
            throw ValidationError("no port from the server: \(line)")
        }
        let list = try JSONDecoder().decode(
            [DemoToken].self, from: Data(contentsOf: URL(fileURLWithPath: CentralServer.tokensPath(for: serverDB))))
        return BenchServer(child: child, port: port, tokens: Dictionary(list.map { ($0.userId, $0.token) }) { a, _ in a })
    }

    /// The server's resident set size now, in MB (from /proc).
    var rssMB: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }

    func stop() {
        child.terminate()
        _ = child.wait(timeout: 10)
    }
}

/// The child process of `lapor-bench sync`: seeds and serves, prints `PORT n` when ready.
struct ServeForBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve-for-bench", shouldDisplay: false)

    @Option var db: String
    @Option var reports: Int
    @Option var maxConnections = 512

    func run() async throws {
        var configuration = CentralConfiguration(databasePath: db)
        configuration.port = 0
        configuration.demo = true
        configuration.seedReports = reports
        configuration.limits.maxConnections = maxConnections
        var logger = Logger(label: "bench-server")
        logger.logLevel = .warning
        let server = try await CentralServer(configuration: configuration, logger: logger)
        try await server.run { port in
            FileHandle.standardOutput.write(Data("PORT \(port)\n".utf8))
        }
    }
}

import ArgumentParser
import Foundation
import GRDB
import GRDBSQLite
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import Logging
import Terminal

/// `lapor-bench sync`: full pulls of the demo seed's reports into empty stores, each in its own
/// process (time, rate, peak RSS), the no-change sync as a process, and the anchor: the same rows
/// inserted with the SQLite C API (one prepared statement, one transaction) in the same run.
struct SyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Full pull (≥ 25,000 reports/s, ≥ 0.15× a raw C insert, ≤ 100 MB RSS) and no-change sync (≤ 60 ms, 2 requests)."
    )

    @Option(help: "Reports on the server (the demo seed).") var reports = 100_000
    @Option(help: "Runs of each measurement.") var runs = 3

    func run() async throws {
        let data = try BenchData(reports: reports)
        defer { data.remove() }
        _ = try SyncSuite(data: data, runs: runs).run()
    }
}

/// A demo central with `reports` seeded reports in a child process, and a folder for stores.
struct BenchData {
    let folder: URL
    let server: BenchServer
    let reports: Int

    init(reports: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let t0 = nanos()
        // The client's speed is measured here, not an account's allowance: three full pulls in a
        // row as the national admin would meet the default read bucket (issue 26).
        server = try BenchServer.start(reports: reports, folder: folder, extra: ["--unlimited"])
        self.reports = reports
        print(String(format: "demo central: %d reports seeded in %.1f s (load %@)", reports, Double(nanos() - t0) / 1e9, loadAverage()))
    }

    var url: String { "http://127.0.0.1:\(server.port)" }
    var adminToken: String { server.tokens["u-admin"] ?? "" }

    func remove() {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Pulls everything into a new store at `path` in a child process: what the child measured.
    func pull(into path: String) throws -> PullFigures {
        let text = try runSelf(["pull-for-bench", "--server", url, "--token", adminToken, "--store", path])
        guard let line = text.split(separator: "\n").last, let figures = try? JSONDecoder().decode(PullFigures.self, from: Data(line.utf8)) else {
            throw ValidationError("the pull printed no figures: \(text.suffix(200))")
        }
        return figures
    }
}

struct SyncSuite {
    let data: BenchData
    let runs: Int

    /// Runs the measurements; returns the path of a full store for the other suites.
    func run() throws -> String {
        print("sync (\(data.reports) demo reports, \(runs) runs each, \(buildKind); load \(loadAverage()))")
        var rates: [Double] = []
        var seconds: [Double] = []
        var rss: [Double] = []
        var path = ""
        for n in 0..<runs {
            path = data.folder.appendingPathComponent("client-\(n).sqlite").path
            let f = try data.pull(into: path)
            guard f.outcome == "done", f.reports == data.reports else { throw ValidationError("pull \(n): \(f)") }
            rates.append(Double(f.reports) / f.seconds)
            seconds.append(f.seconds)
            rss.append(f.rssMB)
        }
        // The anchor: the same (id, json) rows, one prepared statement, one transaction, C API.
        let rows = try RawInsert.rows(from: path)
        var raw: [Double] = []
        for n in 0..<runs { raw.append(try RawInsert.insert(rows, into: data.folder.appendingPathComponent("raw-\(n).sqlite").path)) }
        let rawRates = Spread(raw.map { Double(rows.count) / $0 })
        let rate = Spread(rates)
        figure(
            "full pull, reports/s (min / median / max)", rate.text(0), target: "≥ 25000", met: rate.median >= 25_000,
            anchor: "raw C insert " + rawRates.text(0) + " rows/s")
        figure(
            "full pull ÷ raw C insert (medians)", String(format: "%.3f×", rate.median / rawRates.median), target: "≥ 0.15×",
            met: rate.median / rawRates.median >= 0.15)
        figure("full pull, seconds", Spread(seconds).text(2, "s"), target: "-", met: nil)
        figure("full pull, peak RSS of the process", Spread(rss).text(0, "MB"), target: "≤ 100 MB", met: Spread(rss).max <= 100)
        // The no-change sync as a user runs it: a process started, synced, ended.
        var idle: [Double] = []
        var requests = 0
        for _ in 0..<max(runs, 5) {
            let t = nanos()
            let f = try data.pull(into: path)
            idle.append(Double(nanos() - t) / 1e6)
            guard f.outcome == "done", f.reports == 0 else { throw ValidationError("the no-change sync changed something: \(f)") }
            requests = f.requests
        }
        let wall = Spread(idle)
        figure("no-change sync as a process, ms", wall.text(1, "ms"), target: "≤ 60 ms", met: wall.median <= 60)
        figure("no-change sync, requests", String(requests), target: "2", met: requests <= 2)
        return path
    }
}

/// What `pull-for-bench` prints (one JSON line).
struct PullFigures: Codable {
    var seconds: Double
    var reports: Int
    var rssMB: Double
    var requests: Int
    var outcome: String
}

/// The child of a measured pull: one sync into the store at `--store`, its figures as JSON.
struct PullForBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pull-for-bench", shouldDisplay: false)

    @Option var server: String
    @Option var token: String
    @Option var store: String

    func run() async throws {
        guard let url = URL(string: server) else { throw ValidationError("--server is not a URL") }
        let caseStore = try CaseStore(path: store)
        let client = try CentralClient(server: url, token: token)
        let engine = SyncEngine(store: caseStore, client: client)
        let t0 = nanos()
        let summary = await engine.sync()
        let seconds = Double(nanos() - t0) / 1e9
        let figures = PullFigures(
            seconds: seconds, reports: summary.reports, rssMB: peakRSS(), requests: client.requestsSent, outcome: summary.outcome.rawValue)
        print(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
    }
}

/// The anchor of a pull: plain rows through the SQLite C API.
enum RawInsert {
    static func rows(from path: String) throws -> [(String, String)] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, json FROM report ORDER BY rowid").map { ($0["id"], $0["json"]) }
        }
    }

    /// Seconds to insert `rows` into a new table with SQLite's defaults (a rollback journal: in
    /// one transaction the rows are written once; the store's WAL writes them twice).
    static func insert(_ rows: [(String, String)], into path: String) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw ValidationError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        sqlite3_exec(db, "CREATE TABLE report (id TEXT PRIMARY KEY, json TEXT NOT NULL)", nil, nil, nil)
        var statement: OpaquePointer?
        let t = nanos()
        sqlite3_exec(db, "BEGIN", nil, nil, nil)
        guard sqlite3_prepare_v2(db, "INSERT INTO report (id, json) VALUES (?, ?)", -1, &statement, nil) == SQLITE_OK else {
            throw ValidationError("cannot prepare")
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (id, json) in rows {
            sqlite3_bind_text(statement, 1, id, -1, transient)
            sqlite3_bind_text(statement, 2, json, -1, transient)
            guard sqlite3_step(statement) == SQLITE_DONE else { throw ValidationError("insert failed") }
            sqlite3_reset(statement)
        }
        sqlite3_finalize(statement)
        sqlite3_exec(db, "COMMIT", nil, nil, nil)
        return Double(nanos() - t) / 1e9
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
    /// No per-account or per-address limits: for figures of the server's throughput, which a
    /// few accounts on one address would otherwise meet as 429 and 503 (issue 26).
    @Flag var unlimited = false

    func run() async throws {
        var configuration = CentralConfiguration(databasePath: db)
        configuration.port = 0
        configuration.demo = true
        configuration.seedReports = reports
        configuration.limits.maxConnections = maxConnections
        if unlimited {
            configuration.limits.maxConnectionsPerAddress = maxConnections
            configuration.accountLimits = .unlimited
        }
        var logger = Logger(label: "bench-server")
        logger.logLevel = .warning
        let server = try await CentralServer(configuration: configuration, logger: logger)
        try await server.run { port in
            FileHandle.standardOutput.write(Data("PORT \(port)\n".utf8))
        }
    }
}

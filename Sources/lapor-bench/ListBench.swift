import ArgumentParser
import Foundation
import GRDBSQLite
import LaporDomain
import LaporStore

/// `lapor-bench list`: the store's queries behind `lapor list`, the views and search, on a full
/// pull of the demo seed, each beside the same query in plain SQL through the C API.
struct ListBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Counts, first pages and search on the store, beside plain SQL (search ≤ 50 ms)."
    )

    @Option(help: "Reports on the server (the demo seed).") var reports = 100_000
    @Option(help: "Runs of each measurement.") var runs = 3
    @Option(help: "Use this pulled store instead of seeding and pulling (it is only read).") var store: String?

    func run() async throws {
        if let store {
            try ListSuite(path: store, runs: runs).run()
            return
        }
        let data = try BenchData(reports: reports)
        defer { data.remove() }
        let path = data.folder.appendingPathComponent("client.sqlite").path
        _ = try data.pull(into: path)
        try ListSuite(path: path, runs: runs).run()
    }
}

struct ListSuite {
    let path: String
    let runs: Int

    func ms(_ body: () throws -> Void) rethrows -> Double {
        let t = nanos()
        try body()
        return Double(nanos() - t) / 1e6
    }

    func spread(_ body: () throws -> Void) rethrows -> Spread { Spread(try (0..<max(runs, 3)).map { _ in try ms(body) }) }

    func run() throws {
        let store = try CaseStore(path: path)
        let count = try store.reportCount()
        print("list and search (\(count) reports in the store; load \(loadAverage()))")
        let at = Timestamp(Date(), in: .wib)
        let sql = try PlainSQL(path: path)
        var search = InboxFilter()
        search.search = "jalan"
        let found = try store.count(search)
        figure(
            "search 'jalan': count (\(found)), ms", try spread { _ = try store.count(search) }.text(1, "ms"), target: "-", met: nil,
            anchor: "SQL " + (try spread { _ = try sql.int("SELECT COUNT(*) FROM report_fts WHERE report_fts MATCH 'jalan*'") }.text(1, "ms")))
        let page = try spread { _ = try store.page(search, limit: 100) }
        figure(
            "search 'jalan': first page of 100, ms", page.text(1, "ms"), target: "≤ 50 ms", met: page.max <= 50,
            anchor: "SQL "
                + (try spread {
                    _ = try sql.rows(
                        "SELECT r.id, r.title FROM report r WHERE +r.rowid IN (SELECT rowid FROM report_fts WHERE report_fts MATCH 'jalan*') ORDER BY r.due_sort, r.id LIMIT 100"
                    )
                }.text(1, "ms")))
        let ranked = try spread { _ = try store.search("jalan", limit: 100) }
        figure(
            "search 'jalan' ranked by bm25 (lapor search), ms", ranked.text(1, "ms"), target: "-", met: nil,
            anchor: "SQL "
                + (try spread {
                    _ = try sql.rows(
                        "SELECT r.id, r.title FROM report_fts f JOIN report r ON r.rowid = f.rowid WHERE report_fts MATCH 'jalan*' ORDER BY bm25(report_fts, 5.0, 1.0, 1.0), r.id LIMIT 100"
                    )
                }.text(1, "ms")))
        let counts = try spread { for view in ReportView.allCases { _ = try store.count(view.filter(at: at)) } }
        figure("counts of all \(ReportView.allCases.count) views, ms", counts.text(1, "ms"), target: "-", met: nil)
        let overdue = try spread { _ = try store.count(ReportView.overdue.filter(at: at)) }
        figure(
            "overdue count, ms", overdue.text(1, "ms"), target: "-", met: nil,
            anchor: "SQL "
                + (try spread {
                    _ = try sql.int(
                        "SELECT COUNT(*) FROM report WHERE due_at < \(at.epochSeconds) AND status NOT IN ('closed', 'archived')")
                }.text(1, "ms")))
        let inbox = try spread { _ = try store.page(ReportView.inbox.filter(at: at), limit: 200) }
        figure("inbox first page of 200, ms", inbox.text(1, "ms"), target: "-", met: nil)
        // What `list --format json|ndjson` reads: the stored JSON, streamed in the view's order.
        for n in [200, min(60_000, count)] {
            var bytes = 0
            let json = try spread { try store.forEachJSON(InboxFilter(), limit: n) { bytes += $0.utf8.count } }
            let rows = try spread { _ = try sql.rows("SELECT json FROM report ORDER BY due_sort, id LIMIT \(n)") }
            figure(
                "\(n) reports streamed for list --format json, ms", json.text(1, "ms"), target: "≤ 3× SQL", met: json.median <= 3 * rows.median,
                anchor: "SQL " + rows.text(1, "ms"))
        }
        let units = try spread { _ = try store.overdueByUnit(at: at) }
        figure("supervisor's unit table, ms", units.text(1, "ms"), target: "-", met: nil)
    }
}

/// Plain SQL through the C API on a read-only connection: the anchor of a store query.
final class PlainSQL {
    var db: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw ValidationError("cannot open \(path)") }
    }

    deinit { sqlite3_close(db) }

    func int(_ sql: String) throws -> Int {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK else { throw ValidationError("cannot prepare \(sql)") }
        defer { sqlite3_finalize(s) }
        return sqlite3_step(s) == SQLITE_ROW ? Int(sqlite3_column_int64(s, 0)) : 0
    }

    /// Reads every row's columns as text (as a program printing them would).
    func rows(_ sql: String) throws -> Int {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK else { throw ValidationError("cannot prepare \(sql)") }
        defer { sqlite3_finalize(s) }
        var n = 0
        var bytes = 0
        while sqlite3_step(s) == SQLITE_ROW {
            for c in 0..<sqlite3_column_count(s) {
                if let text = sqlite3_column_text(s, c) { bytes += strlen(text) }
            }
            n += 1
        }
        return n + bytes * 0
    }
}

/// `lapor-bench all`: one demo central, one set of pulls, then every suite on that data.
struct AllBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Every figure of issue 13 beside its target and anchor, on the demo seed's reports."
    )

    @Option(help: "Reports on the server (the demo seed): 10000, 100000 or 300000.") var reports = 100_000
    @Option(help: "Runs of each measurement.") var runs = 3

    func run() async throws {
        let data = try BenchData(reports: reports)
        defer { data.remove() }
        let path = try SyncSuite(data: data, runs: runs).run()
        try ListSuite(path: path, runs: runs).run()
        try ProcessSuite(data: data, storePath: path, runs: runs).run()
        try await TUISuite(path: path, runs: runs).run()
        try await ImportSuite(rows: min(50_000, reports), runs: runs).run()
    }
}

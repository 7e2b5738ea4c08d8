import ArgumentParser
import Foundation
import GRDB
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lapor-bench central --pulls 8`: issue 26's memory scenario. A demo central's database with
/// `fill` reports grown to just under the 2 MiB cap (their bodies written into the file before
/// the server starts), then `pulls` full pulls at once as the national admin, each a `lapor`
/// sync in a process of its own. Prints the server's peak RSS, the largest page, and each
/// client's time and peak RSS.
struct CentralPulls {
    let pulls: Int
    let fill: Int
    let reports: Int

    func run() async throws {
        let folder = try benchFolder("pulls")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Seeded by a first start; filled while no server runs; served again.
        try BenchServer.start(reports: reports, folder: folder, extra: ["--unlimited"]).stop()
        let database = folder.appendingPathComponent("central.sqlite").path
        let filled = try Self.fillReports(in: database, count: fill)
        let server = try BenchServer.start(reports: reports, folder: folder, extra: ["--unlimited"])
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)"
        let token = server.tokens["u-admin"] ?? ""
        print(
            String(
                format: "central pulls: %d reports, %d filled to %.2f MB each (%.0f MB in all); %d pulls at once; server RSS %.1f MB; load %@",
                reports, filled.count, filled.each / 1e6, filled.all / 1e6, pulls, server.rssMB, loadAverage()))

        // The largest page, read once by hand.
        let session = URLSession(configuration: .ephemeral)
        var cursor: String?
        var largest = 0
        var pages = 0
        repeat {
            var request = URLRequest(url: URL(string: url + "/api/v1/changes?limit=500" + (cursor.map { "&cursor=\($0)" } ?? ""))!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (data, _) = try await session.data(for: request)
            largest = max(largest, data.count)
            pages += 1
            let page = try JSONDecoder().decode(CentralBench.FeedPage.self, from: data)
            cursor = page.more ? page.cursor : nil
        } while cursor != nil

        // The pulls, each a process; the server's RSS sampled meanwhile.
        let peak = Mutex(server.rssMB)
        let done = Atomic<Bool>(false)
        let sampler = Thread {
            while !done.load(ordering: .relaxed) {
                let rss = server.rssMB
                peak.withLock { $0 = max($0, rss) }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        sampler.start()
        let t0 = nanos()
        let figures = try await withThrowingTaskGroup(of: PullFigures.self) { group in
            for n in 0..<pulls {
                let store = folder.appendingPathComponent("client-\(n).sqlite").path
                group.addTask {
                    // A thread each: waiting on a child must not hold one of the pool's two threads.
                    let text = try await onThread { try runSelf(["pull-for-bench", "--server", url, "--token", token, "--store", store]) }
                    guard let line = text.split(separator: "\n").last,
                        let figures = try? JSONDecoder().decode(PullFigures.self, from: Data(line.utf8))
                    else { throw ValidationError("pull \(n) printed no figures: \(text.suffix(200))") }
                    return figures
                }
            }
            var all: [PullFigures] = []
            for try await f in group { all.append(f) }
            return all
        }
        let wall = Double(nanos() - t0) / 1e9
        done.store(true, ordering: .relaxed)
        let outcomes = Set(figures.map(\.outcome)).sorted().joined(separator: ",")
        print(
            String(
                format: "central pulls: %d pages, the largest %.2f MB; %d pulls in %.1f s (outcomes %@, %@ reports each)", pages,
                Double(largest) / 1e6, pulls, wall, outcomes, Set(figures.map { String($0.reports) }).sorted().joined(separator: "/")))
        let rss = Spread(figures.map(\.rssMB))
        let seconds = Spread(figures.map(\.seconds))
        print("central pulls: each client: \(seconds.text(1, "s")), peak RSS \(rss.text(0, "MB")) (min / median / max)")
        print(String(format: "central pulls: server peak RSS %.1f MB; load %@", peak.withLock { $0 }, loadAverage()))
    }

    /// Grows the bodies of `count` reports (the first by change order) to just under 2 MiB of
    /// JSON, in the database file: what 25 follow-ups of 80 KB would make, without the workflow.
    static func fillReports(in path: String, count: Int) throws -> (count: Int, each: Double, all: Double) {
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, shown_json FROM report ORDER BY seq LIMIT ?", arguments: [count])
            var total = 0
            for row in rows {
                let id: String = try row.decode(forColumn: "id")
                let json: String = try row.decode(forColumn: "shown_json")
                guard var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { continue }
                let room = 2 * 1_024 * 1_024 - json.utf8.count - 4_096
                object["body"] = String(repeating: "Lubang besar di depan halte. ", count: max(0, room / 29))
                let grown = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                try db.execute(sql: "UPDATE report SET shown_json = ? WHERE id = ?", arguments: [grown, id])
                total += grown.utf8.count
            }
            return (rows.count, rows.isEmpty ? 0 : Double(total) / Double(rows.count), Double(total))
        }
    }
}

/// Runs blocking `work` on a thread of its own.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

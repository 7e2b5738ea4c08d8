import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lapor-bench central`: the reference server over loopback.
struct CentralBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central",
        abstract: "Actions per second from one client, and the time to read the whole change feed."
    )

    @Option(help: "Reports in the seeded store.") var reports = 100_000
    @Option(help: "Sequential actions to time.") var actions = 2_000
    @Option(help: "Instead: this many clients at once, mixing feed reads, report reads and follow-ups.") var concurrency: Int?
    @Option(help: "Seconds of the concurrent run (and of each half of --flood).") var duration = 30
    @Flag(help: "Instead: 50 accounts at work, then one liaison flooding 80 KB follow-ups; the others' p99, the database's growth.")
    var flood = false
    @Option(help: "With --flood: the working accounts.") var workers = 50
    @Option(help: "Instead: this many full pulls at once (as processes) of reports filled to near 2 MiB.") var pulls: Int?
    @Option(help: "With --pulls: how many reports are filled.") var fill = 200

    func run() async throws {
        if let pulls {
            guard (1...64).contains(pulls), (1...5_000).contains(fill) else { throw ValidationError("--pulls must be 1 to 64 and --fill 1 to 5000") }
            try await CentralPulls(pulls: pulls, fill: fill, reports: reports).run()
            return
        }
        if flood {
            guard (1...500).contains(workers), (5...3_600).contains(duration) else {
                throw ValidationError("--workers must be 1 to 500 and --duration 5 to 3600")
            }
            try await CentralFlood(workers: workers, duration: duration, reports: reports).run()
            return
        }
        if let concurrency {
            guard (1...1_000).contains(concurrency), (1...3_600).contains(duration) else {
                throw ValidationError("--concurrency must be 1 to 1000 and --duration 1 to 3600")
            }
            try await CentralLoad(concurrency: concurrency, duration: duration, reports: reports).run()
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-central-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = CentralConfiguration(databasePath: folder.appendingPathComponent("central.sqlite").path)
        configuration.port = 0
        configuration.demo = true
        configuration.seedReports = reports
        // The server's own pace from one client, not an account's allowance (issue 26).
        configuration.accountLimits = .unlimited
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let t0 = nanos()
        let server = try await CentralServer(configuration: configuration, logger: logger)
        let seedSeconds = Double(nanos() - t0) / 1e9
        print(String(format: "central: seeded %d reports in %.1f s", reports, seedSeconds))
        let portBox = BoundPort()
        let app = try server.application { await portBox.set($0) }
        let runner = Task { try await app.runService() }
        defer { runner.cancel() }
        let base = "http://127.0.0.1:\(await portBox.wait())/api/v1"
        let tokens = try JSONDecoder().decode(
            [DemoToken].self, from: Data(contentsOf: URL(fileURLWithPath: CentralServer.tokensPath(for: configuration.databasePath))))
        let token = { (id: String) in tokens.first { $0.userId == id }!.token }

        // The whole feed as the national admin, 500 a page.
        let session = URLSession(configuration: .ephemeral)
        var cursor: String?
        var count = 0
        var pages = 0
        var bytes = 0
        var followable: [(id: String, unit: String)] = []
        let t1 = nanos()
        repeat {
            var request = URLRequest(url: URL(string: base + "/changes?limit=500" + (cursor.map { "&cursor=\($0)" } ?? ""))!)
            request.setValue("Bearer \(token("u-admin"))", forHTTPHeaderField: "Authorization")
            let (data, _) = try await session.data(for: request)
            bytes += data.count
            let page = try JSONDecoder().decode(FeedPage.self, from: data)
            count += page.changes.count
            pages += 1
            for item in page.changes where followable.count < 200 {
                if let unit = item.unitId, ["dispatched", "replied", "info_requested", "followed_up"].contains(item.status ?? "") {
                    followable.append((item.id, unit))
                }
            }
            cursor = page.more ? page.cursor : nil
        } while cursor != nil
        let feedSeconds = Double(nanos() - t1) / 1e9
        print(
            String(
                format: "central: full change feed of %d reports (%d pages, %.1f MB) in %.2f s (%.0f reports/s)", count, pages,
                Double(bytes) / 1e6, feedSeconds, Double(count) / feedSeconds))

        // Sequential follow-ups from one client, each with a new Idempotency-Key.
        var latencies: [Double] = []
        let t2 = nanos()
        for i in 0..<actions {
            let target = followable[i % followable.count]
            let id = "bench-\(i)"
            var request = URLRequest(url: URL(string: base + "/actions")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token("u-liaison-\(target.unit)"))", forHTTPHeaderField: "Authorization")
            request.setValue(id, forHTTPHeaderField: "Idempotency-Key")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: [
                "id": id, "report_id": target.id, "type": "followup", "text": "Tindak lanjut nomor \(i): petugas sudah ke lokasi.",
            ])
            let started = nanos()
            let (_, response) = try await session.data(for: request)
            latencies.append(Double(nanos() - started) / 1e6)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw ValidationError("action \(i) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
        }
        let actionSeconds = Double(nanos() - t2) / 1e9
        latencies.sort()
        print(
            String(
                format: "central: %.0f actions/s (%d sequential follow-ups from one client; p50 %.2f ms, p99 %.2f ms)",
                Double(actions) / actionSeconds, actions, latencies[latencies.count / 2], latencies[latencies.count * 99 / 100]))
    }

    struct FeedPage: Decodable {
        struct Item: Decodable {
            var id: String
            var status: String?
            var unitId: String?

            enum CodingKeys: String, CodingKey {
                case id, status
                case unitId = "unit_id"
            }
        }
        var changes: [Item]
        var cursor: String
        var more: Bool
    }
}

import ArgumentParser
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lapor-bench central --concurrency N`: N clients at once against a demo central in a child
/// process, for `--duration` seconds, mixing feed reads, report reads and follow-ups. Prints the
/// requests, the errors (any 5xx, any transport failure, any answer the mix did not expect),
/// p50/p99 latency and the server's RSS over time; exits 1 on any error.
struct CentralLoad {
    let concurrency: Int
    let duration: Int
    let reports: Int

    /// One request's outcome.
    struct Sample {
        var ms: Double
        var ok: Bool
        var what: String
    }

    func run() async throws {
        let folder = try benchFolder("load")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try BenchServer.start(
            reports: reports, folder: folder, extra: ["--max-connections", String(max(512, concurrency * 4)), "--unlimited"])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)/api/v1"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = concurrency
        configuration.timeoutIntervalForRequest = 30
        let session = URLSession(configuration: configuration)

        // Reports a liaison may follow up, from the national admin's first pages.
        var targets: [(id: String, unit: String)] = []
        var cursor: String?
        repeat {
            let url = base + "/changes?limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
            let (data, _) = try await session.data(for: Self.request(url, server.tokens, "u-admin"))
            let page = try JSONDecoder().decode(CentralBench.FeedPage.self, from: data)
            for item in page.changes {
                if let unit = item.unitId, ["dispatched", "replied", "info_requested", "followed_up"].contains(item.status ?? "") {
                    targets.append((item.id, unit))
                }
            }
            cursor = page.more && targets.count < 2_000 ? page.cursor : nil
        } while cursor != nil
        guard !targets.isEmpty else { throw ValidationError("no report to follow up in the seed") }
        let targetList = targets
        let tokens = server.tokens
        let readers = ["u-admin", "u-admin-dki", "u-supervisor-dki", "u-liaison-dki-dpu", "u-liaison-kemenkes-yankes"]

        let rssBefore = server.rssMB
        print(
            String(
                format: "central load: %d reports, %d connections for %d s; server RSS before %.1f MB; load average %@", reports,
                concurrency, duration, rssBefore, loadAverage()))
        let samples = Mutex<[Sample]>([])
        let rssTrace = Mutex<[(Int, Double)]>([])
        let started = nanos()
        let deadline = started + UInt64(duration) * 1_000_000_000
        let monitor = Task {
            var second = 0
            while nanos() < deadline {
                try await Task.sleep(for: .seconds(1))
                second += 1
                let rss = server.rssMB
                rssTrace.withLock { $0.append((second, rss)) }
            }
        }
        await withTaskGroup(of: [Sample].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var mine: [Sample] = []
                    var i = 0
                    while nanos() < deadline {
                        let sample: Sample
                        switch i % 4 {
                        case 0, 1:
                            let user = readers[(worker + i) % readers.count]
                            sample = await timed("feed", session, Self.request(base + "/changes?limit=100", tokens, user), expect: [200])
                        case 2:
                            let target = targetList[(worker * 7 + i) % targetList.count]
                            sample = await timed(
                                "report", session, Self.request(base + "/reports/\(target.id)", tokens, "u-admin"), expect: [200])
                        default:
                            let target = targetList[(worker * 13 + i) % targetList.count]
                            let id = "load-\(worker)-\(i)"
                            var post = Self.request(base + "/actions", tokens, "u-liaison-\(target.unit)")
                            post.httpMethod = "POST"
                            post.setValue(id, forHTTPHeaderField: "Idempotency-Key")
                            post.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            post.httpBody = Data(
                                #"{"id":"\#(id)","report_id":"\#(target.id)","type":"followup","text":"Petugas sudah ke lokasi (uji beban \#(i))."}"#
                                    .utf8)
                            sample = await timed("followup", session, post, expect: [200])
                        }
                        mine.append(sample)
                        i += 1
                    }
                    return mine
                }
            }
            for await part in group { samples.withLock { $0 += part } }
        }
        monitor.cancel()
        let seconds = Double(nanos() - started) / 1e9
        let all = samples.withLock { $0 }
        let errors = all.filter { !$0.ok }
        let latencies = all.map(\.ms).sorted()
        let p50 = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
        let p99 = latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
        let byKind = Dictionary(grouping: all, by: \.what).mapValues(\.count).sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print(
            String(
                format: "central load: %d requests in %.1f s (%.0f/s: %@), %d errors; latency p50 %.2f ms, p99 %.2f ms, max %.1f ms",
                all.count, seconds, Double(all.count) / seconds, byKind, errors.count, p50, p99, latencies.last ?? 0))
        for error in errors.prefix(5) { print("central load: error: \(error.what)") }
        let trace = rssTrace.withLock { $0 }
        let marks = trace.filter { $0.0 % 10 == 0 }.map { String(format: "%ds %.1f", $0.0, $0.1) }.joined(separator: ", ")
        print(String(format: "central load: server RSS before %.1f MB, after %.1f MB; every 10 s: %@", rssBefore, server.rssMB, marks))
        if let atMinute = trace.first(where: { $0.0 >= 60 })?.1, let last = trace.last?.1 {
            print(String(format: "central load: RSS growth after the first minute %+.1f MB", last - atMinute))
        }
        print("central load: load average \(loadAverage())")
        if !errors.isEmpty { throw ExitCode(1) }
    }

    static func request(_ url: String, _ tokens: [String: String], _ user: String) -> URLRequest {
        var request = URLRequest(url: URL(string: url) ?? URL(fileURLWithPath: "/"))
        request.setValue("Bearer \(tokens[user] ?? "")", forHTTPHeaderField: "Authorization")
        return request
    }
}

/// Sends `request` and times it; ok when the status is one of `expect`.
func timed(_ what: String, _ session: URLSession, _ request: URLRequest, expect: Set<Int>) async -> CentralLoad.Sample {
    let t = nanos()
    do {
        let (_, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return CentralLoad.Sample(ms: Double(nanos() - t) / 1e6, ok: expect.contains(status), what: "\(what) \(status)")
    } catch {
        return CentralLoad.Sample(ms: Double(nanos() - t) / 1e6, ok: false, what: "\(what) \(error.localizedDescription)")
    }
}

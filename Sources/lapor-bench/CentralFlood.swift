import ArgumentParser
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lapor-bench central --flood`: issue 26's scenario against a demo central in a child process
/// with the default limits. `workers` accounts read the feed and their reports at an officer's
/// pace for `duration` seconds; then for as long again one liaison floods 80 KB follow-ups from 8
/// connections, as a script would (a 429 is asked again at once). Prints the others' p50/p99
/// in both halves, what the flood got through, and how much the database grew for it.
struct CentralFlood {
    let workers: Int
    let duration: Int
    let reports: Int
    static let flooder = "u-liaison-dki-dpu"

    func run() async throws {
        let folder = try benchFolder("flood")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try BenchServer.start(reports: reports, folder: folder)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)/api/v1"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = workers + 16
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration)
        let tokens = server.tokens

        // The flooder's reports: those it may follow up.
        var targets: [String] = []
        var cursor: String?
        repeat {
            let url = base + "/changes?limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
            let (data, _) = try await session.data(for: CentralLoad.request(url, tokens, Self.flooder))
            let page = try JSONDecoder().decode(CentralBench.FeedPage.self, from: data)
            targets += page.changes.filter { ["dispatched", "replied", "info_requested"].contains($0.status ?? "") }.map(\.id)
            cursor = page.more && targets.count < 200 ? page.cursor : nil
        } while cursor != nil
        guard targets.count >= 10 else { throw ValidationError("the flooder has \(targets.count) reports to follow up; seed more") }
        let accounts = tokens.keys.filter { $0 != Self.flooder }.sorted()
        let database = folder.appendingPathComponent("central.sqlite").path
        func databaseBytes() -> Int {
            [database, database + "-wal"].reduce(0) { total, path in
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
        }

        print(
            String(
                format: "central flood: %d reports, %d working accounts of %d, %d s calm then %d s flooded by %@; server RSS %.1f MB; load %@",
                reports, min(workers, accounts.count), accounts.count, duration, duration, Self.flooder, server.rssMB, loadAverage()))
        let calm = await work(session, base, tokens, accounts, flooding: nil)
        let before = databaseBytes()
        let rssBefore = server.rssMB
        let flood = FloodCount()
        let stormy = await work(session, base, tokens, accounts, flooding: (targets, flood))
        let grown = databaseBytes() - before
        for (name, samples) in [("calm", calm), ("flooded", stormy)] {
            let latencies = samples.map(\.ms).sorted()
            let p = { (q: Int) in latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, latencies.count * q / 100)] }
            let refused = samples.filter { $0.what.hasSuffix(" 429") }.count
            let errors = samples.filter { !$0.ok }.count
            print(
                String(
                    format: "central flood: others %@: %d requests, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d answered 429, %d errors",
                    name, samples.count, p(50), p(99), latencies.last ?? 0, refused, errors))
        }
        let f = flood.snapshot
        print(
            String(
                format: "central flood: the flooder sent %d follow-ups: %d applied (%.1f MB of text), %d answered 429, %d other (%@)", f.sent,
                f.applied, Double(f.textBytes) / 1e6, f.limited, f.other, f.otherStatuses))
        print(
            String(
                format: "central flood: database grew %.1f MB for %.1f MB of text accepted (%.2f×); server RSS %.1f → %.1f MB; load %@",
                Double(grown) / 1e6, Double(f.textBytes) / 1e6, f.textBytes > 0 ? Double(grown) / Double(f.textBytes) : 0, rssBefore,
                server.rssMB, loadAverage()))
    }

    /// `duration` seconds of the accounts at work (a request every 500 ms each), and the flood
    /// beside them when given. Returns the working accounts' samples.
    func work(
        _ session: URLSession, _ base: String, _ tokens: [String: String], _ accounts: [String], flooding: ([String], FloodCount)?
    ) async -> [CentralLoad.Sample] {
        let deadline = nanos() + UInt64(duration) * 1_000_000_000
        return await withTaskGroup(of: [CentralLoad.Sample].self) { group in
            for worker in 0..<workers {
                let account = accounts[worker % accounts.count]
                group.addTask {
                    var mine: [CentralLoad.Sample] = []
                    var i = 0
                    while nanos() < deadline {
                        let path = i % 3 == 2 ? "/me" : "/changes?limit=100"
                        mine.append(await timed("read", session, CentralLoad.request(base + path, tokens, account), expect: [200]))
                        i += 1
                        try? await Task.sleep(for: .milliseconds(500))
                    }
                    return mine
                }
            }
            if let (targets, count) = flooding {
                let text = String(repeating: "🚧", count: 19_990)
                for lane in 0..<8 {
                    group.addTask {
                        var i = 0
                        while nanos() < deadline {
                            let id = "flood-\(lane)-\(i)"
                            var post = CentralLoad.request(base + "/actions", tokens, Self.flooder)
                            post.httpMethod = "POST"
                            post.setValue(id, forHTTPHeaderField: "Idempotency-Key")
                            post.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            post.httpBody = try? JSONSerialization.data(withJSONObject: [
                                "id": id, "report_id": targets[(lane * 31 + i) % targets.count], "type": "followup", "text": text,
                            ])
                            let sample = await timed("flood", session, post, expect: [200])
                            count.add(sample.what, textBytes: text.utf8.count)
                            i += 1
                        }
                        return []
                    }
                }
            }
            var all: [CentralLoad.Sample] = []
            for await part in group { all += part }
            return all
        }
    }
}

/// What the flood got: by answer.
final class FloodCount: Sendable {
    struct Snapshot {
        var sent = 0
        var applied = 0
        var limited = 0
        var other = 0
        var textBytes = 0
        var statuses: [String: Int] = [:]
        var otherStatuses: String { statuses.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") }
    }

    private let state = Mutex(Snapshot())

    func add(_ what: String, textBytes: Int) {
        state.withLock { s in
            s.sent += 1
            if what == "flood 200" {
                s.applied += 1
                s.textBytes += textBytes
            } else if what == "flood 429" {
                s.limited += 1
            } else {
                s.other += 1
                s.statuses[what, default: 0] += 1
            }
        }
    }

    var snapshot: Snapshot { state.withLock { $0 } }
}

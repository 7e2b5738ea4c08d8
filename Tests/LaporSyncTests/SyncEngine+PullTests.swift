import Foundation
import LaporApp
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTestSupport
import LaporText
import Testing

@Suite struct PullTests {
    @Test(arguments: ["u-liaison-dki-dpu", "u-supervisor-dki", "u-admin-dki", "u-admin"])
    func aFullPullHoldsExactlyWhatTheServerLetsTheUserSee(user: String) async throws {
        try await withTestServer(reports: 400) { server in
            let h = try await Harness(server: server, user: user)
            defer { h.remove() }
            let summary = await h.engine.sync()
            #expect(summary.outcome == .done, "\(summary)")
            let expected = try await visibleIds(server, for: h.user)
            #expect(try h.store.reportIds() == expected)
            #expect(summary.reports == expected.count)
            #expect(try h.store.reference()?.user == h.user)
            #expect(try h.store.integrityCheck() == "ok")
            // Anonymous reporters never reach a non-admin's store.
            if h.user.role != .admin {
                for id in expected.prefix(200) {
                    let r = try #require(try h.store.report(id))
                    if r.privacy != .public { #expect(r.reporter == nil) }
                }
            }
            // A second sync with no change brings nothing.
            let again = await h.engine.sync()
            #expect(again.outcome == .done && again.reports == 0 && again.pages == 1)
        }
    }

    @Test func incrementalPullsAndTombstonesKeepDrafts() async throws {
        try await withTestServer(reports: 0) { server in
            let a = try await server.dispatched(to: "dki-dpu-jp")
            let b = try await server.dispatched(to: "dki-dpu-jp")
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu-jp")
            defer { h.remove() }
            #expect(await h.engine.sync().outcome == .done)
            #expect(try h.store.reportIds() == [a.id, b.id])
            try h.store.saveDraft(DraftKey(reportId: b.id, kind: "followup"), text: "Draf yang belum selesai", at: Timestamp(Date(), in: .wib))
            // On the server: b is returned by the parent unit's liaison; a gets a follow-up elsewhere; c is new.
            _ = try await server.applied(["report_id": b.id, "type": "return", "text": "Bukan wewenang."], as: "u-liaison-dki-dpu")
            _ = try await server.applied(["report_id": a.id, "type": "followup", "text": "Sudah."], as: "u-liaison-dki")
            let c = try await server.dispatched(to: "dki-dpu-jp")
            let summary = await h.engine.sync()
            #expect(summary.removed == 1 && summary.reports == 2)
            #expect(try h.store.reportIds() == [a.id, c.id])
            #expect(try h.store.report(a.id)?.status == .followedUp)
            let draft = try #require(try h.store.draft(DraftKey(reportId: b.id, kind: "followup")))
            #expect(draft.text == "Draf yang belum selesai" && draft.leftUnitAt != nil)
            #expect(try h.store.integrityCheck() == "ok")
        }
    }

    @Test func anInterruptedPullResumesFromTheLastWholePage() async throws {
        try await withTestServer(reports: 300) { server in
            // The reference requests and four pages pass; then the connection keeps dropping. Counted
            // by what is asked, not by request number: a retry under load must not shift the cut.
            let pages = LockedCount()
            let proxy = try FlakyProxy(upstreamPort: server.base.port!) { _, line in
                guard line.contains("/changes") else { return .pass }
                return pages.next() <= 4 ? .pass : .dropBeforeForward
            }
            defer { proxy.stop() }
            let h = try await Harness(server: server, user: "u-admin", through: proxy.port)
            defer { h.remove() }
            let broken = await h.engine.sync()
            #expect(broken.outcome == .offline)
            let kept = try h.store.reportCount()
            #expect(kept == 100, "four whole pages of 25 before the drop")
            #expect(try h.store.cursor() != nil)
            #expect(try h.store.integrityCheck() == "ok")
            proxy.setDecision { _, _ in .pass }
            let resumed = await h.engine.sync()
            #expect(resumed.outcome == .done)
            #expect(resumed.reports == 300 - kept, "only the rest is pulled again")
            #expect(try h.store.reportCount() == 300)
        }
    }

    @Test(arguments: [FlakyProxy.Fault.garbage, .wrongShape, .truncate])
    func aBadAnswerIsAClearErrorAndChangesNothing(fault: FlakyProxy.Fault) async throws {
        try await withTestServer(reports: 60) { server in
            let proxy = try FlakyProxy(upstreamPort: server.base.port!) { _, _ in .pass }
            defer { proxy.stop() }
            let h = try await Harness(server: server, user: "u-admin", through: proxy.port)
            defer { h.remove() }
            #expect(await h.engine.sync().outcome == .done)
            let before = try h.store.reportIds()
            let cursor = try h.store.cursor()
            _ = try await server.submit()  // something new on the server
            proxy.setDecision { _, line in line.contains("/changes") ? fault : .pass }
            let summary = await h.engine.sync()
            #expect(summary.outcome == .offline)
            #expect(summary.message != nil)
            if fault != .truncate { #expect(summary.message?.contains("bad response") == true, "\(summary.message ?? "")") }
            #expect(try h.store.reportIds() == before && h.store.cursor() == cursor)
            #expect(try h.store.integrityCheck() == "ok")
        }
    }

    @Test func anOversizedAnswerIsRefused() async throws {
        try await withTestServer(reports: 60) { server in
            let h = try await Harness(server: server, user: "u-admin", maxResponseBytes: 4_000)
            defer { h.remove() }
            let summary = await h.engine.sync()
            #expect(summary.outcome == .offline && summary.message?.contains("over") == true)
            #expect(try h.store.reportCount() == 0 && h.store.integrityCheck() == "ok")
        }
    }

    @Test func anUnknownTokenStopsTheRun() async throws {
        try await withTestServer(reports: 5) { server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try CaseStore(path: folder.appendingPathComponent("c.sqlite").path)
            let engine = SyncEngine(store: store, client: try CentralClient(server: server.base, token: "wrong"))
            let summary = await engine.sync()
            #expect(summary.outcome == .auth && summary.exitCode == 4)
            #expect(try store.reportCount() == 0)
        }
    }

    @Test func plainHTTPElsewhereThanLoopbackNeedsTrust() throws {
        #expect(throws: SyncError.insecureTransport("intranet.example")) {
            try CentralClient(server: URL(string: "http://intranet.example:8080")!, token: "t")
        }
        #expect(throws: Never.self) {
            try CentralClient(server: URL(string: "http://intranet.example:8080")!, token: "t", trustedHosts: ["intranet.example"])
        }
        #expect(throws: Never.self) { try CentralClient(server: URL(string: "https://lapor.go.id")!, token: "t") }
        #expect(throws: Never.self) { try CentralClient(server: URL(string: "http://127.0.0.2:1")!, token: "t") }
        #expect(try CentralClient(server: URL(string: "http://localhost:8080/")!, token: "t").base.absoluteString == "http://localhost:8080/api/v1")
    }

    @Test func backoffGrowsWithJitterAndHonoursRetryAfter() {
        let policy = RetryPolicy(attempts: 5, baseDelay: 0.5, maxDelay: 30)
        for attempt in 0..<5 {
            let step = min(30, 0.5 * pow(2, Double(attempt)))
            let d = policy.delayForTests(attempt: attempt, retryAfter: nil)
            #expect(d >= step / 2 && d <= step)
        }
        #expect(policy.delayForTests(attempt: 0, retryAfter: 7) >= 7)
        #expect(policy.delayForTests(attempt: 0, retryAfter: 3600) <= 30)
    }
}

/// One bad item never stops a sync (contract v1.1 item 1): it is skipped, audited and named,
/// the sync exits 5, and everything else is pulled.
@Suite struct PullSkipsBadItemsTests {
    @Test(arguments: [FlakyProxy.Fault.corruptFirstReport, .inflateFirstReport])
    func aBadItemIsSkippedAndNamedAndTheRestArrives(fault: FlakyProxy.Fault) async throws {
        try await withTestServer(reports: 0) { server in
            let reports = [
                try await server.dispatched(to: "dki-dpu"), try await server.dispatched(to: "dki-dpu"),
                try await server.dispatched(to: "dki-dpu"),
            ]
            let proxy = try FlakyProxy(upstreamPort: server.base.port ?? 0) { _, line in
                line.contains("/changes") && !line.contains("cursor=") ? fault : .pass
            }
            defer { proxy.stop() }
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu", through: proxy.port)
            defer { h.remove() }
            let summary = await h.engine.sync()
            #expect(summary.outcome == .partial && summary.exitCode == 5, "\(summary)")
            #expect(summary.skipped.map(\.reportId) == [reports[0].id], "\(summary.skipped)")
            #expect(try h.store.reportIds() == Set(reports.dropFirst().map(\.id)))
            let audit = try h.store.auditLog().filter { $0.event == "skipped" }
            #expect(audit.count == 1 && audit.first?.reportId == reports[0].id)
            let line = Catalogue(.id).syncSummary(summary)
            #expect(line.contains(reports[0].id) && line.contains("dilewati"), "\(line)")
        }
    }

    /// A page over the client's answer limit is asked for again in smaller pages.
    @Test func aPageOverTheLimitIsFetchedInSmallerPages() async throws {
        try await withTestServer(reports: 120) { server in
            let h = try await Harness(server: server, user: "u-admin", maxResponseBytes: 12_000)
            defer { h.remove() }
            let summary = await h.engine.sync()
            #expect(summary.outcome == .done, "\(summary)")
            #expect(try h.store.reportIds().count == 120)
            #expect(summary.pages > 120 / 25)
        }
    }
}

/// A counter the proxy's decision closure can share.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0

    /// Counts one more and returns the count.
    func next() -> Int {
        lock.withLock {
            n += 1
            return n
        }
    }
}

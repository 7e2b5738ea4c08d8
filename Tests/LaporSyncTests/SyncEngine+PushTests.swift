import Foundation
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTestSupport
import Testing

@Suite struct PushTests {
    @Test func everyActionTypeRoundTrips() async throws {
        try await withTestServer(reports: 0) { server in
            let liaison = try await Harness(server: server, user: "u-liaison-dki-dpu")
            let admin = try await Harness(server: server, user: "u-admin")
            defer {
                liaison.remove()
                admin.remove()
            }
            let r1 = try await server.submit()
            let r2 = try await server.submit()
            let r3 = try await server.submit()
            #expect(await admin.engine.sync().outcome == .done)
            _ = try await admin.queue(.hold, r1.id, text: "Mohon lampirkan foto.")
            _ = try await admin.queue(.verify, r1.id)
            _ = try await admin.queue(.dispatch, r1.id, unit: "dki-dpu")
            _ = try await admin.queue(.verify, r2.id)
            _ = try await admin.queue(.dispatch, r2.id, unit: "dki-dpu")
            var archive = ActionRequest(id: UUID().uuidString, reportId: r3.id, type: .archive)
            archive.reason = .spam
            try admin.store.queue(archive, by: admin.user, at: Timestamp(Date(), in: .wib))
            let adminRun = await admin.engine.sync()
            #expect(adminRun.outcome == .done && adminRun.sent == 6, "\(adminRun)")
            #expect(try admin.store.report(r3.id)?.status == .archived)
            #expect(await liaison.engine.sync().outcome == .done)
            #expect(try liaison.store.reportIds() == [r1.id, r2.id])
            _ = try await liaison.queue(.forward, r1.id, unit: "dki-dpu-jp")
            _ = try await liaison.queue(.requestInfo, r2.id, text: "Mohon titik lokasi.")
            _ = try await liaison.queue(.followup, r2.id, text: "Sudah ditambal.")
            #expect(await liaison.engine.sync().sent == 3)
            _ = await admin.engine.sync()
            _ = try await admin.queue(.close, r2.id)
            #expect(await admin.engine.sync().sent == 1)
            let r4 = try await server.dispatched(to: "dki-dpu")
            _ = await liaison.engine.sync()
            _ = try await liaison.queue(.return, r4.id, text: "Bukan wewenang kami.")
            #expect(await liaison.engine.sync().sent == 1)
            #expect(try liaison.store.report(r4.id) == nil, "returned: gone from the unit's store")
            let onServer = { (id: String) in try await server.get("/reports/\(id)", as: "u-admin").decode(Report.self) }
            #expect(try await onServer(r1.id).unitId == "dki-dpu-jp")
            #expect(try await onServer(r2.id).status == .closed)
            #expect(try await onServer(r4.id).status == .verified)
            #expect(try liaison.store.outbox(states: [.queued, .conflict, .failed]).isEmpty)
        }
    }

    @Test func anActionSentButNotAcknowledgedCountsOnce() async throws {
        try await withTestServer(reports: 0) { server in
            let report = try await server.dispatched(to: "dki-dpu")
            let proxy = try FlakyProxy(upstreamPort: server.base.port!) { _, _ in .pass }
            defer { proxy.stop() }
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu", through: proxy.port)
            defer { h.remove() }
            #expect(await h.engine.sync().outcome == .done)
            let item = try await h.queue(.followup, report.id, text: "Sudah ditambal.")
            // The first send reaches the server, which applies it, and the answer is lost; the client
            // then gives up for this run (a crash, a dead link).
            proxy.setDecision { _, line in line.hasPrefix("POST") ? .dropAfterForward : .pass }
            var single = h.engine
            single.retry = RetryPolicy(attempts: 1, baseDelay: 0.01)
            let lost = await single.sync()
            #expect(lost.outcome == .offline && lost.pending == 1)
            #expect(try h.store.outboxItem(item.id)?.state == .queued)
            #expect(try await server.get("/reports/\(report.id)", as: "u-admin").decode(Report.self).version == report.version + 1)
            // Next run: the same key again; the server replays, nothing is applied twice.
            proxy.setDecision { _, _ in .pass }
            let again = await h.engine.sync()
            #expect(again.outcome == .done && again.replayed == 1 && again.sent == 0)
            #expect(try h.store.outboxItem(item.id)?.state == .sent)
            let final = try await server.get("/reports/\(report.id)", as: "u-admin").decode(Report.self)
            #expect(final.version == report.version + 1 && final.timeline.filter { $0.type == .followup }.count == 1)
        }
    }

    @Test func aFlakyLinkStillEndsWithEveryActionAppliedExactlyOnce() async throws {
        try await withTestServer(reports: 0) { server in
            var reports: [Report] = []
            for _ in 0..<6 { reports.append(try await server.dispatched(to: "dki-dpu")) }
            let faults: [FlakyProxy.Fault] = [
                .dropBeforeForward, .dropAfterForward, .status500, .pass, .delay(0.05), .status429(retryAfter: 0), .dropAfterForward, .pass,
            ]
            let proxy = try FlakyProxy(upstreamPort: server.base.port!) { n, line in line.hasPrefix("POST") ? faults[n % faults.count] : .pass }
            defer { proxy.stop() }
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu", through: proxy.port)
            defer { h.remove() }
            var engine = h.engine
            engine.retry = RetryPolicy(attempts: 20, baseDelay: 0.005, maxDelay: 0.02)
            #expect(await engine.sync().outcome == .done)
            for (i, r) in reports.enumerated() {
                _ = try await h.queue(.followup, r.id, text: "Tindak lanjut \(i).")
                _ = try await h.queue(.followup, r.id, text: "Tindak lanjut kedua \(i).")
            }
            var summary = await engine.sync()
            var rounds = 1
            while summary.pending > 0 && rounds < 10 {
                summary = await engine.sync()
                rounds += 1
            }
            #expect(summary.pending == 0)
            #expect(try h.store.outbox(states: [.sent]).count == 12)
            for (i, r) in reports.enumerated() {
                let final = try await server.get("/reports/\(r.id)", as: "u-admin").decode(Report.self)
                #expect(final.timeline.compactMap(\.text) == ["Tindak lanjut \(i).", "Tindak lanjut kedua \(i)."], "order kept, each once")
            }
            #expect(proxy.requestCount > 24, "the faults really happened")
            #expect(try h.store.integrityCheck() == "ok")
        }
    }

    @Test func conflictsAndRefusalsKeepTheTextAndBlockWhatFollows() async throws {
        try await withTestServer(reports: 0) { server in
            let moved = try await server.dispatched(to: "dki-dpu")
            let other = try await server.dispatched(to: "dki-dpu")
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu")
            defer { h.remove() }
            _ = await h.engine.sync()
            // Meanwhile the parent unit's liaison asks the reporter; a request_info now is a conflict.
            _ = try await server.applied(["report_id": moved.id, "type": "request_info", "text": "Foto?"], as: "u-liaison-dki")
            let conflicted = try await h.queue(.requestInfo, moved.id, text: "Mohon alamat lengkap, teks yang tidak boleh hilang.")
            let after = try await h.queue(.followup, moved.id, text: "Menyusul.")
            var bad = ActionRequest(id: UUID().uuidString, reportId: other.id, type: .forward, unitId: "bpn")  // another agency
            bad.baseVersion = other.version
            let failed = try h.store.queue(bad, by: h.user, at: Timestamp(Date(), in: .wib))
            let summary = await h.engine.sync()
            #expect(summary.outcome == .partial && summary.exitCode == 5)
            #expect(summary.conflicts == 1 && summary.failed == 1 && summary.sent == 0)
            let c = try #require(try h.store.outboxItem(conflicted.id))
            #expect(c.state == .conflict && c.request.text == "Mohon alamat lengkap, teks yang tidak boleh hilang.")
            #expect(c.serverReport?.status == .infoRequested)
            #expect(try h.store.report(moved.id)?.status == .infoRequested, "the store shows the server's current report")
            #expect(try h.store.outboxItem(after.id)?.state == .queued, "blocked behind the conflict, not sent")
            let f = try #require(try h.store.outboxItem(failed.id))
            #expect(f.state == .failed && f.error?.contains("unit_id") == true)
            // The user edits the conflicted item into a follow-up-compatible text and retries.
            try h.store.discard(conflicted.id, by: h.user, at: Timestamp(Date(), in: .wib))
            let resumed = await h.engine.sync()
            #expect(resumed.sent == 1, "the follow-up behind it goes once the conflict is settled")
            #expect(try h.store.outbox(states: [.discarded]).first?.request.text == "Mohon alamat lengkap, teks yang tidak boleh hilang.")
        }
    }

    @Test func aReportThatLeftTheUnitIsAConflictNotALoss() async throws {
        try await withTestServer(reports: 0) { server in
            let report = try await server.dispatched(to: "dki-dpu-jp")
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu-jp")
            defer { h.remove() }
            _ = await h.engine.sync()
            let item = try await h.queue(.followup, report.id, text: "Teks tindak lanjut.")
            _ = try await server.applied(["report_id": report.id, "type": "forward", "unit_id": "dki-dpu-ju"], as: "u-liaison-dki-dpu")
            let summary = await h.engine.sync()
            #expect(summary.conflicts == 1)
            let c = try #require(try h.store.outboxItem(item.id))
            #expect(c.state == .conflict && c.request.text == "Teks tindak lanjut." && c.serverReport == nil)
            #expect(try h.store.report(report.id) == nil)
        }
    }

    @Test func theTUIAndAWatchingSyncShareTheStore() async throws {
        try await withTestServer(reports: 300) { server in
            let h = try await Harness(server: server, user: "u-admin")
            defer { h.remove() }
            let other = try h.reopen()  // the TUI's connection pool over the same file
            let user = h.user
            async let syncing: Void = {
                for _ in 0..<3 {
                    _ = await h.engine.sync()
                    try? await h.store.resetReports()
                }
                _ = await h.engine.sync()
            }()
            async let typing: Void = {
                for i in 0..<200 {
                    try other.saveDraft(
                        DraftKey(reportId: "91000\(i % 10)0", kind: "followup"), text: "ketikan \(i)", at: Timestamp(Date(), in: .wib))
                    if i % 20 == 0 {
                        try other.queue(
                            ActionRequest(id: "tui-\(i)", reportId: "9100000", type: .followup, text: "antre \(i)"), by: user,
                            at: Timestamp(Date(), in: .wib))
                    }
                }
            }()
            _ = await syncing
            try await typing
            #expect(try other.drafts().count == 10)
            #expect(try other.draft(DraftKey(reportId: "9100090", kind: "followup"))?.text == "ketikan 199")
            #expect(try h.store.outbox().filter { $0.id.hasPrefix("tui-") }.count == 10)
            #expect(try h.store.reportCount() == 300)
            #expect(try other.integrityCheck() == "ok")
        }
    }
}

/// Contract v1.2 item 3 on the client: a 429 is waited out as the server says, said as
/// progress, never a failure; every queued action goes, once.
@Suite struct RateLimitedPushTests {
    @Test func aRateLimitedOutboxWaitsAndSendsEverything() async throws {
        // One action a second after two: five sent in a row meet at least one 429.
        try await withTestServer(reports: 0, accountLimits: AccountLimits(actions: RateLimit(burst: 2, perSecond: 1))) { server in
            let admin = try await Harness(server: server, user: "u-admin")
            defer { admin.remove() }
            var ids: [String] = []
            for _ in 0..<5 { ids.append(try await server.submit().id) }
            _ = await admin.engine.sync()
            for id in ids { _ = try await admin.queue(.verify, id) }
            let waits = LockedWaits()
            let summary = await admin.engine.sync { progress in
                if case .rateLimited(let seconds) = progress { waits.add(seconds) }
            }
            #expect(summary.outcome == .done && summary.sent == 5 && summary.failed == 0, "\(summary)")
            #expect(!waits.all.isEmpty && waits.all.allSatisfy { $0 >= 1 }, "the waits were said: \(waits.all)")
            for id in ids {
                let report = try await server.get("/reports/\(id)", as: "u-admin").decode(Report.self)
                #expect(report.status == .verified && report.version == 2, "applied once: \(id)")
            }
            #expect(try admin.store.outboxCounts()[.queued] ?? 0 == 0)
        }
    }

    /// Past the run's budget for waiting, the run stops as offline and the rest stays queued.
    @Test func pastTheBudgetTheRestWaitsForTheNextRun() async throws {
        try await withTestServer(reports: 0, accountLimits: AccountLimits(actions: RateLimit(burst: 1, perSecond: 0.01))) { server in
            var admin = try await Harness(server: server, user: "u-admin")
            defer { admin.remove() }
            admin.engine.retry.rateLimitBudget = 1
            let a = try await server.submit().id
            let b = try await server.submit().id
            _ = await admin.engine.sync()
            _ = try await admin.queue(.verify, a)
            _ = try await admin.queue(.verify, b)
            let summary = await admin.engine.sync()
            #expect(summary.outcome == .offline && summary.sent == 1 && summary.failed == 0, "\(summary)")
            #expect(summary.message?.contains("rate limited") == true, "\(summary.message ?? "")")
            #expect(try admin.store.outboxCounts()[.queued] == 1, "the second stays queued, not failed")
        }
    }
}

final class LockedWaits: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Int] = []
    func add(_ seconds: Int) { lock.withLock { waits.append(seconds) } }
    var all: [Int] { lock.withLock { waits } }
}

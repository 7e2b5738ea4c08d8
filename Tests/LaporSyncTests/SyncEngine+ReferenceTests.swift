import Foundation
import LaporApp
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTestSupport
import LaporText
import Testing

/// Issue 10: holidays are data. A central restarted with a decree folder where 2027 has one
/// more holiday moves the deadlines of the reports it touches; a client's next sync brings them.
@Suite struct NewDecreeTests {
    @Test func anExtraHolidayMovesADeadlineAfterASync() async throws {
        let first = try await TestServer(reports: 0, now: Timestamp(rfc3339: "2026-12-28T09:00:00+07:00")!)
        let report = try await first.dispatched(to: "dki-dpu")
        let h = try await Harness(server: first, user: "u-liaison-dki-dpu")
        defer { h.remove() }
        #expect(await h.engine.sync().outcome == .done)
        let before = try #require(try h.store.page(InboxFilter()).first { $0.id == report.id })
        let due = try #require(before.instants.dueAt)
        #expect(before.instants.dueProvisional, "the span runs into 2027, whose decree is provisional")
        #expect(report.dueProvisional == true && report.dueAt == due, "the server says the same")
        await first.stop(keepingFolder: true)

        // The new decree: the deadline's own day becomes a holiday.
        let dueDay = due.in(.wib).localDate
        var years = WorkingCalendar.builtinYears
        let i = try #require(years.firstIndex { $0.year == 2027 })
        years[i].holidays.append(Holiday(date: dueDay, name: "Libur tambahan", kind: .liburNasional))
        years[i].holidays.sort { $0.date < $1.date }
        try await withTestServer(
            reports: 0, now: Timestamp(rfc3339: "2026-12-29T09:00:00+07:00")!, folder: first.folder, holidayYears: years
        ) { second in
            let calendar = try await second.get("/calendar?year=2027", as: "u-liaison-dki-dpu").decode(HolidayYear.self)
            #expect(calendar.holidays.contains { $0.date == dueDay && $0.name == "Libur tambahan" })
            let moved = try await second.get("/reports/\(report.id)", as: "u-liaison-dki-dpu").decode(Report.self)
            #expect(moved.dueAt.map { $0 > due } == true && moved.version == report.version + 1, "the server re-decided it")

            var client = try CentralClient(
                server: URL(string: "http://127.0.0.1:\(second.base.port ?? 0)")!, token: second.tokens["u-liaison-dki-dpu"] ?? "")
            client.maxResponseBytes = 64 << 20
            let engine = SyncEngine(store: h.store, client: client)
            let summary = await engine.sync()
            #expect(summary.outcome == .done && summary.reports >= 1, "\(summary)")
            #expect(summary.disagreed >= 1 && summary.referenceRead, "the moved deadline made the client read the new decree")
            let after = try #require(try h.store.page(InboxFilter()).first { $0.id == report.id })
            #expect(after.instants.dueAt == moved.dueAt, "the client's store follows: \(String(describing: after.instants.dueAt))")
            #expect(after.instants.dueAt?.in(.wib).localDate == dueDay.adding(days: 1) || after.instants.dueAt.map { $0 > due } == true)
        }
    }
}

/// Issue 13: the reference data is read when it is missing, old, asked for, or when the server
/// decided a deadline the client's rules did not; a no-change sync is `/me` and one `/changes`.
@Suite struct ReferenceReadTests {
    /// The requests the server logged since `mark` lines.
    func requests(_ server: TestServer, since mark: Int) -> [String] {
        server.logs.all.dropFirst(mark).filter { $0.contains("started ") }.map { line in
            String(line[(line.range(of: "started ")?.upperBound ?? line.startIndex)...])
        }
    }

    @Test func aNoChangeSyncIsTwoRequestsAndOldOrForcedReferenceIsReadAgain() async throws {
        try await withTestServer(reports: 30) { server in
            let h = try await Harness(server: server, user: "u-liaison-dki-dpu")
            defer { h.remove() }
            let first = await h.engine.sync()
            #expect(first.outcome == .done && first.referenceRead && first.reports > 0)
            var mark = server.logs.all.count
            let second = await h.engine.sync()
            #expect(second.outcome == .done && !second.referenceRead && second.reports == 0)
            let sent = requests(server, since: mark)
            #expect(sent.count == 2 && sent.first?.hasPrefix("GET /api/v1/me") == true, "\(sent)")
            #expect(sent.last?.hasPrefix("GET /api/v1/changes") == true, "\(sent)")

            var later = h.engine
            let base = h.engine.now()
            later.now = { base.adding(seconds: 3_601) }
            let held = try #require(try h.store.reference())
            #expect(
                held.tags.keys.sorted() == ["/calendar?year=2025", "/calendar?year=2026", "/calendar?year=2027", "/categories", "/policy", "/units"])
            mark = server.logs.all.count
            let third = await later.sync()
            #expect(third.referenceRead, "an hour later the reference is read again")
            #expect(requests(server, since: mark).contains { $0.hasPrefix("GET /api/v1/policy") })
            // Nothing changed on the server: each route was asked with the held tag and answered
            // 304 without a body (the server's own log line), and the store holds the same.
            let answered = server.logs.all.dropFirst(mark).filter { !$0.contains("started ") }.compactMap { line in
                line.range(of: "GET /api/v1/").map { String(line[$0.lowerBound...]) }
            }
            let reference = answered.filter { !$0.hasPrefix("GET /api/v1/changes") && !$0.hasPrefix("GET /api/v1/me") }
            #expect(reference.count == 6 && reference.allSatisfy { $0.contains(" 304 ") }, "\(answered)")
            #expect(try h.store.reference() == held)

            var forced = h.engine
            forced.forceReference = true
            #expect(await forced.sync().referenceRead)
        }
    }
}

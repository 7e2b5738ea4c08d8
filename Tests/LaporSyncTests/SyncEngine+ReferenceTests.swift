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
            let after = try #require(try h.store.page(InboxFilter()).first { $0.id == report.id })
            #expect(after.instants.dueAt == moved.dueAt, "the client's store follows: \(String(describing: after.instants.dueAt))")
            #expect(after.instants.dueAt?.in(.wib).localDate == dueDay.adding(days: 1) || after.instants.dueAt.map { $0 > due } == true)
        }
    }
}

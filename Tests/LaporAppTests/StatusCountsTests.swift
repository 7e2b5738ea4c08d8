import Foundation
import LaporApp
import LaporDomain
import LaporStore
import Testing

@Suite struct StatusCountsTests {
    let clock = AppClock { now }

    @Test func statusCountsReadTheDecidedColumns() async throws {
        let (store, _, folder) = try await deskStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both follow-ups are due Tue 10 Nov 23:59:59 WIB (Tue 3 Nov + 5 working days).
        let counts = try StatusCounts.of(store, at: now)
        #expect(counts.overdue == 0 && counts.dueToday == 2 && counts.dueSoon == 2 && counts.outbox == 0)
        let later = try StatusCounts.of(store, at: Timestamp(rfc3339: "2026-11-11T00:00:00+07:00")!)
        #expect(later.overdue == 2 && later.dueToday == 0 && later.dueSoon == 0)
    }
}

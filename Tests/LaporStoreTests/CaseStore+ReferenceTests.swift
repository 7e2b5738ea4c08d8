import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// Reference data, the cursor and the last sync; new rules decide every stored report again.
@Suite struct CaseStoreReferenceTests {
    @Test func referenceDataRoundTrips() async throws {
        let store = try CaseStore.inMemory()
        #expect(try store.reference() == nil, "before the first login")
        let saved = reference()
        try await store.save(saved)
        let read = try #require(try store.reference())
        #expect(read.user == saved.user && read.units == saved.units && read.categories == saved.categories && read.policy == saved.policy)
        #expect(read.calendarYears.map(\.year) == saved.calendarYears.map(\.year))
        #expect(read.calendarYears.map(\.holidays.count) == saved.calendarYears.map(\.holidays.count))
        #expect(read.workflow != nil)
    }

    @Test func aNewPolicyDecidesEveryStoredReportAgain() async throws {
        let store = try CaseStore.inMemory()
        try await store.save(reference())
        _ = try await store.apply(page: [.report(report("9100001", .dispatched, due: "2026-11-12T23:59:59+07:00"))], cursor: "c", at: now)
        #expect(try store.page(InboxFilter()).first?.dueAt == Timestamp(rfc3339: "2026-11-12T23:59:59+07:00"))
        var longer = SlaPolicy.standard
        longer.followupWorkingDays = 10
        try await store.save(reference(policy: longer))
        // Five working days more: Thu 12 Nov → Thu 19 Nov.
        #expect(try store.page(InboxFilter()).first?.dueAt == Timestamp(rfc3339: "2026-11-19T23:59:59+07:00"))
    }

    @Test func cursorResetAndLastSync() async throws {
        let store = try CaseStore.inMemory()
        #expect(try store.cursor() == nil && store.lastSync() == nil)
        _ = try await store.apply(page: [.report(report("9100001", .dispatched))], cursor: "c1", at: now)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "draf", at: now)
        try await store.setLastSync(now)
        #expect(try store.lastSync() == now)
        try await store.resetReports()
        #expect(try store.cursor() == nil && store.reportCount() == 0 && store.search("jalan").isEmpty)
        #expect(try store.drafts().count == 1, "a login as another user never deletes what was typed")
    }
}

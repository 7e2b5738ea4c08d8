import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// Applying the change feed and the server's answers: reports in, tombstones out, one page per
/// transaction, skipped items in the audit log.
@Suite struct CaseStoreReportsTests {
    @Test func anUpdateReplacesTimelineAndSearchAndATombstoneKeepsDrafts() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(page: [.report(report("9100001", .dispatched, title: "Lama"))], cursor: "1", at: now)
        var changed = report("9100001", .followedUp, title: "Baru")
        changed.version = 2
        _ = try await store.apply(page: [.report(changed)], cursor: "2", at: now)
        #expect(try store.search("lama").isEmpty && store.search("baru").count == 1)
        #expect(try store.report("9100001")?.status == .followedUp)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "draf", at: now)
        let result = try await store.apply(page: [.removed("9100001"), .removed("9999999")], cursor: "3", at: now)
        #expect(result == PageResult(stored: 0, removed: 1))
        #expect(try store.report("9100001") == nil && store.search("baru").isEmpty)
        #expect(try store.draft(DraftKey(reportId: "9100001", kind: "followup"))?.leftUnitAt == now)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "", at: now)
        #expect(try store.drafts().isEmpty, "an empty draft is deleted")
    }

    @Test func skippedItemsAreAuditedAndThePageStillApplies() async throws {
        let store = try CaseStore.inMemory()
        let result = try await store.apply(
            page: [.report(report("9100001", .dispatched))], skipped: [SkippedItem(reportId: "9100002", reason: "over 1 MiB")], cursor: "c9",
            at: now)
        #expect(result == PageResult(stored: 1, removed: 0))
        #expect(try store.cursor() == "c9")
        let entry = try store.auditLog().first { $0.event == "skipped" }
        #expect(entry?.reportId == "9100002" && entry?.detail == "over 1 MiB")
    }

    @Test func theServersAnswerIsStoredAndReadBack() async throws {
        let store = try CaseStore.inMemory()
        try await store.save(reference())
        var answer = report("9100001", .followedUp, due: "2026-11-24T23:59:59+07:00")
        answer.version = 4
        answer.dueProvisional = false  // as the server sends it
        try await store.store(answer, at: now)
        #expect(try store.report("9100001") == answer)
        #expect(try store.reportIds() == ["9100001"] && store.reportCount() == 1)
        #expect(try store.report("9999999") == nil)
        try await store.analyze()
        #expect(try store.page(InboxFilter()).first?.seen == false)
        try store.markSeen("9100001")
        #expect(try store.page(InboxFilter()).first?.seen == true)
    }
}

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

    /// The index reads each text from the report's JSON (no second copy): after inserts,
    /// updates, a tombstone and a reset it still agrees with the rows, and finds body and
    /// timeline words of the current version only.
    @Test func theFullTextIndexFollowsTheStoredJSONExactly() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fts-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try CaseStore(path: path)
        let at = Timestamp(rfc3339: "2026-11-03T10:00:00+07:00")!
        let event = { (text: String) in TimelineEvent(id: "e-1", type: .followup, at: at, text: text) }
        _ = try await store.apply(
            page: [
                .report(report("9100001", .followedUp, body: "Trotoar retak", timeline: [event("Sudah ditambal kemarin")])),
                .report(report("9100002", .dispatched, title: "Lampu mati", body: "Lampu jalan padam")),
            ], cursor: "1", at: now)
        #expect(try store.search("retak").map(\.id) == ["9100001"] && store.search("ditambal").map(\.id) == ["9100001"])
        var changed = report("9100001", .followedUp, body: "Got tersumbat", timeline: [event("Sudah dikeruk")])
        changed.version = 2
        _ = try await store.apply(page: [.report(changed), .removed("9100002")], cursor: "2", at: now)
        for word in ["retak", "ditambal", "lampu", "padam"] { #expect(try store.search(word).isEmpty, "\(word) was replaced or removed") }
        #expect(try store.search("tersumbat").map(\.id) == ["9100001"] && store.search("dikeruk").map(\.id) == ["9100001"])
        // Escapes, accents, emoji, an empty text, many events: the JSON's reading and the
        // decoded report's must give the index the same words.
        let tricky = "Kata \"kutip\"\nbaris\tTab \\ garis café 😀 \u{0301}e 1,5 km"
        var odd = report("9100003", .followedUp, title: "Judul \u{1F600} é", body: tricky)
        odd.timeline += (0..<1_005).map { TimelineEvent(id: "e-\($0)", type: .followup, at: at, text: $0 % 3 == 1 ? nil : "t\($0) \(tricky)") }
        odd.timeline.append(TimelineEvent(id: "e-x", type: .followup, at: at, text: ""))
        _ = try await store.apply(page: [.report(odd)], cursor: "3", at: now)
        #expect(try store.search("t1002").isEmpty && store.search("t999").map(\.id) == ["9100003"], "the first 1,000 events are indexed")
        let check = try store.ftsIntegrityCheck()
        #expect(check == nil)
        try await store.resetReports()
        #expect(try store.search("tersumbat").isEmpty && store.ftsIntegrityCheck() == nil)
    }

    /// A deadline the server decided otherwise than the client's rules is counted: the sync then
    /// reads the server's rules again (issue 13).
    @Test func aDeadlineTheServerDecidedOtherwiseIsCounted() async throws {
        let store = try CaseStore.inMemory()
        var r = report("9100001", .dispatched, due: "2026-11-20T23:59:59+07:00")
        r.apply(DeadlineRules(policy: .standard, calendar: .builtin(), units: ReferenceData.emptyUnits).instants(for: r))
        #expect(try await store.apply(page: [.report(r)], cursor: "1", at: now).disagreed == 0)
        r.dueAt = r.dueAt?.adding(seconds: 86_400)
        r.version += 1
        #expect(try await store.apply(page: [.report(r)], cursor: "2", at: now).disagreed == 1)
        r.dueAt = r.dueAt?.adding(seconds: -86_400)
        r.escalatesAt = r.escalatesAt?.adding(seconds: 60)
        #expect(try await store.apply(page: [.report(r)], cursor: "3", at: now).disagreed == 1, "escalation too")
    }

    @Test func skippedItemsAreAuditedAndThePageStillApplies() async throws {
        let store = try CaseStore.inMemory()
        let result = try await store.apply(
            page: [.report(report("9100001", .dispatched))], skipped: [SkippedItem(reportId: "9100002", reason: "over 1 MiB")], cursor: "c9",
            at: now)
        #expect(result.stored == 1 && result.removed == 0)
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

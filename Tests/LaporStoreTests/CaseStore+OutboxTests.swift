import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// The outbox: queued with the draft in one transaction, settled by the server's answers,
/// retried and discarded by the user; the rules asked inside the write.
@Suite struct CaseStoreOutboxTests {
    @Test func theOutboxKeepsTextThroughEveryState() async throws {
        let store = try CaseStore.inMemory()
        let user = User(id: "u-1", name: "Siti", role: .liaison, unitId: "dki-dpu")
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "teks", at: now)
        let a = try store.queue(
            ActionRequest(id: "a", reportId: "9100001", type: .followup, text: "teks"), by: user, at: now,
            clearingDraft: DraftKey(reportId: "9100001", kind: "followup"))
        #expect(a.state == .queued)
        #expect(try store.drafts().isEmpty)
        _ = try store.queue(ActionRequest(id: "b", reportId: "9100001", type: .followup, text: "kedua"), by: user, at: now)
        _ = try store.queue(ActionRequest(id: "c", reportId: "9100002", type: .followup, text: "lain"), by: user, at: now)
        #expect(try store.sendable().map(\.id) == ["a", "b", "c"])
        try await store.markConflict("a", serverReport: report("9100001", .infoRequested), message: "conflict", at: now)
        #expect(try store.sendable().map(\.id) == ["c"], "b waits behind a")
        #expect(try store.report("9100001")?.status == .infoRequested)
        try store.retry("a", text: "teks baru", by: user, at: now)
        let retried = try store.outbox().first { $0.request.text == "teks baru" }
        #expect(retried?.state == .queued && retried?.id != "a", "a changed action gets a new key")
        try await store.markFailed("c", message: "unit_id: unknown", at: now)
        try store.retry("c", by: user, at: now)
        #expect(try store.outboxItem("c")?.state == .queued, "an unchanged action keeps its key")
        #expect(throws: StoreError.outboxItemNotRetryable("b", state: "queued")) { try store.retry("b", by: user, at: now) }
        #expect(throws: StoreError.unknownOutboxItem("zzz")) { try store.discard("zzz", by: user, at: now) }
        try await store.acknowledge("b", report: nil, at: now)
        #expect(throws: StoreError.self) { try store.discard("b", by: user, at: now) }
        #expect(try store.outboxCounts() == [.queued: 2, .sent: 1])
        #expect(try store.auditLog().map(\.event).contains("queued"))
    }

    @Test func queueingOnTheStoredReportAsksTheRulesInsideTheWrite() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(page: [.report(report("9100001", .dispatched))], cursor: "c", at: now)
        let draft = DraftKey(reportId: "9100001", kind: "followup")
        try store.saveDraft(draft, text: "teks", at: now)
        var seen: Report?
        let refused = try store.queue(
            on: "9100001", by: liaisonUser, at: now, clearingDraft: draft, make: followup("teks"),
            check: { _, report, _ in
                seen = report
                return .readOnlyRole
            })
        guard case .refused(.readOnlyRole) = refused else { throw TestFailure("not refused: \(refused)") }
        #expect(seen?.id == "9100001", "the rules saw the stored report")
        #expect(try store.outbox().isEmpty && store.draft(draft)?.text == "teks", "a refusal writes nothing")
        guard
            case .notInStore = try store.queue(
                on: "9999999", by: liaisonUser, at: now, clearingDraft: nil, make: followup("x"), check: { _, _, _ in nil })
        else { throw TestFailure("a missing report was queued") }
        guard
            case .done(let item) = try store.queue(
                on: "9100001", by: liaisonUser, at: now, clearingDraft: draft, make: followup("teks"), check: { _, _, _ in nil })
        else { throw TestFailure("not queued") }
        #expect(item.state == .queued && item.reportId == "9100001")
        #expect(try store.draft(draft) == nil)
        #expect(try store.unsettled(for: "9100001").map(\.id) == [item.id])
        #expect(try store.reportsWithUnsettledActions() == ["9100001"])
    }

    @Test func aRetryAsksTheRulesAgainAndAttemptsAreCounted() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(page: [.report(report("9100001", .dispatched))], cursor: "c", at: now)
        let item = try store.queue(ActionRequest(id: "a", reportId: "9100001", type: .followup, text: "teks"), by: liaisonUser, at: now)
        try await store.recordAttempt(item.id, error: "offline", at: now)
        try await store.recordAttempt(item.id, error: "offline", at: now)
        #expect(try store.outboxItem("a")?.attempts == 2 && store.outboxItem("a")?.state == .queued)
        try await store.markConflict("a", serverReport: nil, message: "gone", at: now)
        guard case .refused = try store.retry("a", text: nil, by: liaisonUser, at: now, check: { _, _, _ in .readOnlyRole }) else {
            throw TestFailure("retried against the rules")
        }
        #expect(try store.outboxItem("a")?.state == .conflict, "refused: as it was")
        guard case .done(let id) = try store.retry("a", text: nil, by: liaisonUser, at: now, check: { _, _, _ in nil }) else {
            throw TestFailure("not retried")
        }
        #expect(try store.outboxItem(id)?.state == .queued)
        try await store.acknowledge(id, report: report("9100001", .followedUp), at: now)
        #expect(try store.report("9100001")?.status == .followedUp, "the answer is the report's new state")
        #expect(try store.reportsWithUnsettledActions().isEmpty)
        try store.discard(
            try store.queue(ActionRequest(id: "b", reportId: "9100001", type: .followup, text: "dua"), by: liaisonUser, at: now).id, by: liaisonUser,
            at: now)
        #expect(try store.outbox(states: [.discarded]).map(\.request.text) == ["dua"], "a discarded text stays readable")
    }
}

/// Store-level rules of the outbox (issue 12).
@Suite struct CaseStoreOutboxRulesTests {
    @Test func theSameActionTwiceIsRefusedWhileTheFirstWaits() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(page: [.report(report("9100001", .dispatched))], cursor: "c", at: now)
        guard
            case .done(let first) = try store.queue(
                on: "9100001", by: liaisonUser, at: now, clearingDraft: nil, make: followup("Satu."), check: { _, _, _ in nil })
        else { throw TestFailure("not queued") }
        guard
            case .alreadyQueued(let waiting) = try store.queue(
                on: "9100001", by: liaisonUser, at: now, clearingDraft: nil, make: followup("Dua."), check: { _, _, _ in nil })
        else { throw TestFailure("queued twice") }
        #expect(try waiting == first.id && store.outbox().count == 1)
        // Another action on the report is not the same one; once the first is sent, again is allowed.
        guard
            case .done = try store.queue(
                on: "9100001", by: liaisonUser, at: now, clearingDraft: nil,
                make: { r in ActionRequest(id: "ri", reportId: r.id, type: .requestInfo, text: "Foto?") }, check: { _, _, _ in nil })
        else { throw TestFailure("another action refused") }
        try await store.acknowledge(first.id, report: nil, at: now)
        guard
            case .done = try store.queue(
                on: "9100001", by: liaisonUser, at: now, clearingDraft: nil, make: followup("Tiga."), check: { _, _, _ in nil })
        else { throw TestFailure("refused after the first was sent") }
    }

    @Test func theUsersOwnChangeNeverMarksAReportUnread() async throws {
        let store = try CaseStore.inMemory()
        try await store.save(reference())
        _ = try await store.apply(page: [.report(report("9100001", .dispatched)), .report(report("9100002", .dispatched))], cursor: "c1", at: now)
        try store.markSeen("9100001")
        try store.markSeen("9100002")
        let me = TimelineEvent.Actor(id: liaisonUser.id, name: "Siti", role: .liaison)
        let other = TimelineEvent.Actor(id: "u-9", name: "Admin", role: .admin)
        var mine = report("9100001", .followedUp, timeline: [TimelineEvent(id: "e-9", type: .followup, at: now, actor: me, text: "Selesai.")])
        mine.version = 2
        var theirs = report("9100002", .closed, timeline: [TimelineEvent(id: "e-8", type: .closed, at: now, actor: other)])
        theirs.version = 2
        _ = try await store.apply(page: [.report(mine), .report(theirs)], cursor: "c2", at: now)
        let seen = Dictionary(uniqueKeysWithValues: try store.page(InboxFilter()).map { ($0.id, $0.seen) })
        #expect(seen["9100001"] == true, "the user's own follow-up is not news to them")
        #expect(seen["9100002"] == false, "someone else's change is")
    }
}

import Foundation
import LaporApp
import LaporDomain
import LaporStore
import Testing

@Suite struct ActionDeskTests {
    let clock = AppClock { now }

    func followup(_ text: String) -> (Report) -> ActionRequest {
        { report in ActionRequest(id: UUID().uuidString, reportId: report.id, baseVersion: report.version, type: .followup, text: text) }
    }

    @Test func queueingAsksTheRulesOnTheStoredReportAndClearsTheDraft() async throws {
        let (store, workflow, folder) = try await deskStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = ActionDesk(store: store, clock: clock)
        let draft = DraftKey(reportId: "9100001", kind: "followup")
        try store.saveDraft(draft, text: "Sudah ditambal.", at: now)
        guard case .queued(let id) = try desk.queue(on: "9100001", by: liaison, workflow: workflow, draft: draft, make: followup("Sudah ditambal."))
        else {
            Issue.record("not queued")
            return
        }
        #expect(try store.outboxItem(id)?.request.text == "Sudah ditambal.")
        #expect(try store.draft(draft) == nil, "the draft leaves in the same transaction")
        // A supervisor only reads; a report that is not here cannot be acted on.
        #expect(
            try desk.queue(on: "9100002", by: supervisor, workflow: workflow, draft: nil, make: followup("x"))
                == .refused(.readOnlyRole, draftKept: false))
        #expect(try desk.queue(on: "9999999", by: liaison, workflow: workflow, draft: nil, make: followup("x")) == .notInStore)
    }

    @Test func aRefusedTextIsKeptAsTheDraftWhenAsked() async throws {
        let (store, workflow, folder) = try await deskStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = ActionDesk(store: store, clock: clock)
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 4_000), count: 20)
        let draft = DraftKey(reportId: "9100002", kind: "followup")
        let outcome = try desk.queue(on: "9100002", by: liaison, workflow: workflow, draft: draft, keepRefusedText: true, make: followup(heavy))
        #expect(outcome == .refused(.invalid(field: "text", problem: .tooManyBytes(max: 80_000)), draftKept: true))
        #expect(try store.draft(draft)?.text == heavy)
        #expect(try store.outbox().isEmpty)
    }

    /// A conflicted item is re-queued only if the rules still allow it on the stored report.
    @Test func retryingAsksTheRulesAgain() async throws {
        let (store, workflow, folder) = try await deskStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = ActionDesk(store: store, clock: clock)
        guard case .queued(let id) = try desk.queue(on: "9100001", by: liaison, workflow: workflow, draft: nil, make: followup("Satu."))
        else {
            Issue.record("not queued")
            return
        }
        // The server answered conflict: the report was closed meanwhile.
        var closed = dispatched("9100001", status: .closed)
        closed.version = 3
        try await store.markConflict(id, serverReport: closed, message: "conflict", at: now)
        #expect(
            try desk.retry(id, text: nil, by: liaison, workflow: workflow) == .refused(.statusNotAllowed(.followup, .closed), draftKept: false))
        #expect(try store.outboxItem(id)?.state == .conflict, "nothing changed")
        // Reopened on the server (a reply): allowed again, and a new text is a new key.
        var replied = dispatched("9100001", status: .replied)
        replied.version = 4
        try await store.store(replied, at: now)
        guard case .queued(let newId) = try desk.retry(id, text: "Dua.", by: liaison, workflow: workflow) else {
            Issue.record("not requeued")
            return
        }
        let state = try store.outboxItem(newId)?.state
        #expect(newId != id && state == .queued)
        try desk.discard(newId, by: liaison)
        #expect(try store.outboxItem(newId)?.state == .discarded)
    }

    /// v1.1 item 5 on the client: the original of a duplicate must be in the store.
    @Test func aDuplicateOfAReportNotInTheStoreIsRefused() async throws {
        let (store, _, folder) = try await deskStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let admin = User(id: "u-a", name: "Admin", role: .admin, unitId: nil)
        let reference = ReferenceData(user: admin, units: units, categories: [], calendarYears: WorkingCalendar.builtinYears, policy: .standard)
        let workflow = try #require(reference.workflow)
        _ = try await store.apply(page: [.report(dispatched("9100003", status: .submitted))], cursor: "c2", at: now)
        let desk = ActionDesk(store: store, clock: clock)
        func duplicate(of original: String) -> (Report) -> ActionRequest {
            { r in ActionRequest(id: UUID().uuidString, reportId: r.id, type: .archive, reason: .duplicate, duplicateOf: original) }
        }
        #expect(
            try desk.queue(on: "9100003", by: admin, workflow: workflow, draft: nil, make: duplicate(of: "1234567"))
                == .refused(.invalid(field: "duplicate_of", problem: .noSuchReport("1234567")), draftKept: false))
        guard case .queued = try desk.queue(on: "9100003", by: admin, workflow: workflow, draft: nil, make: duplicate(of: "9100001")) else {
            Issue.record("a duplicate of a stored report was refused")
            return
        }
    }
}

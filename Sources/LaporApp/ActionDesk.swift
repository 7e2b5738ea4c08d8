import Foundation
import LaporDomain
import LaporStore

/// The use cases of acting on reports, once: the TUI and `lapor act`/`lapor outbox` both call
/// these. Every "may I?" is `Workflow.check` on the stored report, asked inside the transaction
/// that writes the outbox and clears the draft.
public struct ActionDesk: Sendable {
    public let store: CaseStore
    public let clock: AppClock

    public init(store: CaseStore, clock: AppClock = .system) {
        self.store = store
        self.clock = clock
    }

    /// What became of a request to queue or re-queue an action.
    public enum Outcome: Equatable, Sendable {
        /// Queued (the outbox item's id).
        case queued(String)
        /// The rules refuse it; `draftKept` when its text was saved as the report's draft.
        case refused(Refusal, draftKept: Bool)
        /// The report is not in the local store.
        case notInStore
        /// The same action on the report is already waiting in the outbox (that item's id).
        case alreadyQueued(String)
    }

    /// Builds the action from the stored report (`make`), checks it with the rules and queues
    /// it, clearing `draft`. A text the rules refuse for its content (too long, a control
    /// character) is kept as the draft when `keepRefusedText`, so that nothing typed is lost.
    public func queue(
        on reportId: String, by user: User, workflow: Workflow, draft: DraftKey?, keepRefusedText: Bool = false,
        make: (Report) -> ActionRequest
    ) throws -> Outcome {
        let now = clock.now()
        var refusedText: String?
        let result = try store.queue(on: reportId, by: user, at: now, clearingDraft: draft, make: make) { request, report, lookup in
            let refusal = workflow.check(request, by: user, on: report, lookup: lookup)
            if case .invalid(field: "text", _) = refusal { refusedText = request.text }
            return refusal
        }
        switch result {
        case .done(let item): return .queued(item.id)
        case .notInStore: return .notInStore
        case .alreadyQueued(let id): return .alreadyQueued(id)
        case .refused(let refusal):
            guard keepRefusedText, let draft, let text = refusedText, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .refused(refusal, draftKept: false)
            }
            try store.saveDraft(draft, text: text, at: now)
            return .refused(refusal, draftKept: true)
        }
    }

    /// Re-queues a conflicted or failed item (with a new text, if given) after the rules agree
    /// on the stored report — one transaction; `draft` is cleared in it.
    public func retry(_ id: String, text: String?, by user: User, workflow: Workflow, draft: DraftKey? = nil) throws -> Outcome {
        let result = try store.retry(id, text: text, by: user, at: clock.now(), clearingDraft: draft) { request, report, lookup in
            workflow.check(request, by: user, on: report, lookup: lookup)
        }
        switch result {
        case .done(let newId): return .queued(newId)
        case .refused(let refusal): return .refused(refusal, draftKept: false)
        case .notInStore: return .notInStore
        case .alreadyQueued(let id): return .alreadyQueued(id)
        }
    }

    /// Gives an unsent item up; its text stays readable in the outbox.
    public func discard(_ id: String, by user: User) throws {
        try store.discard(id, by: user, at: clock.now())
    }
}

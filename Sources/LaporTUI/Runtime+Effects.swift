import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporSync
import Terminal

/// The effect interpreter: each effect becomes store reads and writes, a use case of `LaporApp`
/// or a background sync, and its result comes back as an event.
extension Runtime {
    /// Performs one store effect (on the worker's thread in `run`); results come back through
    /// `post`. `.sync` and `.externalEditor` are the loop's own.
    func perform(_ effect: Effect, state: AppState) {
        // A job's results are posted together: the loop wakes once and draws them in one frame.
        var events: [Event] = []
        func emit(_ event: Event) { events.append(event) }
        defer { post(events) }
        switch effect {
        case .reload:
            let filter = state.filter
            let offset = max(0, state.top - AppState.lead)
            let rows = checked("reading the list", []) { try store.page(filter, sort: state.order, limit: AppState.window, offset: offset) }
            let total = checked("counting the list", rows.count) { try store.count(filter) }
            emit(.loaded(rows: rows, total: total, offset: offset))
            emit(unsettled(state.detail?.id))
            if state.fromExport { emit(.loadedNotInLatestExport(checked("reading the export's list", []) { try store.importedMissing() })) }
            if state.view == .overdue { emit(.loadedGroups(checked("reading the units' table", []) { try store.overdueByUnit(at: state.now) })) }
        case .refreshCounts:
            emit(counts(state))
            emit(savedViews(state))
        case .fileSimilar:
            // A chunk a job, so that leaving never waits for more than one.
            do {
                let left = try store.fileSimilarPending(limit: 500)
                if left > 0 { emit(.similarPending(left)) }
            } catch {
                log("duplicate filing failed: \(error)")
            }
        case .saveView(let view):
            do {
                try store.saveView(view)
            } catch {
                emit(.outboxChanged(String(describing: error)))
            }
            emit(savedViews(state))
        case .loadDetail(let id):
            do {
                emit(.loadedDetail(try store.report(id)))
            } catch {
                emit(.unreadableDetail(id))
            }
            emit(unsettled(id))
        case .loadSimilar(let id):
            // A store that cannot answer suggests nothing; the report itself still shows.
            emit(.loadedSimilar(id, checked("looking up similar reports", []) { try store.similar(to: id) }))
        case .checkOriginal(let pending):
            emit(.originalChecked(pending, pending.duplicateOf.flatMap { id in checked("reading report \(id)", nil) { try store.report(id) } }))
        case .openReport(let id):
            emit(.opened(id, checked("reading report \(id)", nil) { try store.report(id) }))
            emit(unsettled(id))
        case .markSeen(let id):
            checked("marking \(id) as read", ()) { try store.markSeen(id) }
        case .loadDraft(let key):
            emit(.loadedDraft(key, checked("reading the draft", nil) { try store.draft(key) }?.text))
        case .loadDraftToCopy(let id):
            let newest = checked("reading the drafts", []) { try store.drafts() }.filter { $0.key.reportId == id && !$0.text.isEmpty }.max {
                $0.updatedAt < $1.updatedAt
            }
            emit(.draftToCopy(id, newest?.text))
        case .saveDraft(let key, let text):
            saveDraft(key, text)
        case .queue(let pending):
            emit(.queued(queue(pending, state: state)))
        case .requeue(let id):
            // `r` in the outbox: the rules are asked again on the stored report first.
            emit(outboxChange(state) { _ in try self.desk.retry(id, text: nil, by: state.user, workflow: state.workflow) })
        case .discard(let id):
            emit(
                outboxChange(state) { _ in
                    try self.desk.discard(id, by: state.user)
                    return nil
                })
        case .loadOutbox:
            emit(
                .loadedOutbox(
                    Array(checked("reading the outbox", []) { try store.outbox(states: [.queued, .conflict, .failed, .sent]) }.prefix(200))))
        case .loadAllIds:
            emit(.loadedAllIds(checked("reading the view", []) { try store.page(state.filter, sort: state.order, limit: Self.markLimit) }.map(\.id)))
        case .externalEditor, .sync, .copy:
            break
        }
    }

    /// Starts a sync in the background; its progress and summary come back as events.
    func startSync() {
        guard let engine else { return }
        post(.syncStarted)
        let throttle = Throttle(seconds: 1)
        Task {
            let summary = await engine.sync { progress in
                if case .page(let pages, let reports, _, _, let total) = progress, throttle.due() {
                    self.post(.syncProgress(pages: pages, reports: reports, total: total))
                }
                if case .rateLimited(let seconds) = progress { self.post(.syncRateLimited(seconds: seconds)) }
            }
            if summary.outcome != .done {
                self.log(
                    "sync \(summary.outcome.rawValue): \(summary.message ?? "-") (\(summary.reports) reports, \(summary.sent) sent, \(summary.failed) failed)"
                )
            }
            // The screen counts with the rules the sync just stored, not those it started with.
            if let workflow = self.checked("reading the rules", nil, { try self.store.reference() })?.workflow {
                self.post(.rulesRefreshed(RulesUpdate(workflow)))
            }
            self.post(.syncFinished(summary))
        }
    }

    /// `M` marks at most this many reports: a bulk action on more is a job for `lapor act` in a script.
    static let markLimit = 500

    func unsettled(_ reportId: String?) -> Event {
        .loadedUnsettled(
            reportId.map { id in checked("reading the outbox", []) { try store.unsettled(for: id) } } ?? [],
            reports: checked("reading the outbox", []) { try store.reportsWithUnsettledActions() })
    }

    /// The use cases of acting, shared with the command line.
    var desk: ActionDesk { ActionDesk(store: store, clock: clock) }

    /// Checks each report with the rules (on its stored version, which may be newer than what
    /// the screen showed) and queues what passes, the draft in the same transaction.
    func queue(_ pending: PendingAction, state: AppState) -> QueueResult {
        var result = QueueResult(pending: pending)
        for id in pending.reportIds {
            do {
                let outcome: ActionDesk.Outcome
                if let item = pending.retryOf {
                    let text = pending.payload.text
                    outcome = try desk.retry(item, text: text, by: state.user, workflow: state.workflow, draft: pending.draftKey)
                } else {
                    outcome = try desk.queue(
                        on: id, by: state.user, workflow: state.workflow, draft: pending.isBulk ? nil : pending.draftKey,
                        make: { pending.request(for: $0, id: UUID().uuidString.lowercased()) })
                }
                switch outcome {
                case .queued: result.queued.append(id)
                case .refused(let refusal, _): result.refused.append(.init(reportId: id, problem: .refusal(refusal)))
                case .notInStore: result.refused.append(.init(reportId: id, problem: .notInStore))
                case .alreadyQueued(let item): result.refused.append(.init(reportId: id, problem: .alreadyQueued(item)))
                }
            } catch {
                result.refused.append(.init(reportId: id, problem: .failed(String(describing: error))))
            }
        }
        if pending.isBulk, !result.queued.isEmpty { saveDraft(pending.draftKey, "") }
        return result
    }

    func outboxChange(_ state: AppState, _ change: (Timestamp) throws -> ActionDesk.Outcome?) -> Event {
        do {
            switch try change(clock.now()) {
            case .refused(let refusal, _)?: return .outboxChanged(state.text.refusal(refusal))
            case .notInStore?, .alreadyQueued?: return .outboxChanged(state.text.outboxUpdated)
            case .queued?, nil: return .outboxChanged(state.text.outboxUpdated)
            }
        } catch {
            return .outboxChanged(String(describing: error))
        }
    }

    /// The saved views with how many reports each holds now (one count each).
    func savedViews(_ state: AppState) -> Event {
        let views = checked("reading the saved views", []) { try store.savedViews() }
        var counts: [String: Int] = [:]
        for view in views {
            if case .success(let filter) = view.filter(at: state.now, workflow: state.workflow) {
                counts[view.name] = checked("counting a saved view", nil) { try store.count(filter) }
            }
        }
        return .loadedSavedViews(views, counts: counts)
    }

    func counts(_ state: AppState) -> Event {
        let c = checked("counting the deadlines", StatusCounts()) { try StatusCounts.of(store, at: state.now) }
        return .counts(overdue: c.overdue, dueToday: c.dueToday, dueSoon: c.dueSoon, outbox: c.outbox, lastSync: c.lastSync)
    }

    /// A store call whose failure the user must hear of (issue 29): said on the message line and
    /// written to the log, with `fallback` standing in, instead of an empty list or a lost draft
    /// in silence.
    @discardableResult
    func checked<T>(_ what: String, _ fallback: T, _ work: () throws -> T) -> T {
        do {
            return try work()
        } catch {
            log("store: \(what) failed: \(error)")
            post(.storeFailed(what: what, detail: String(describing: error)))
            return fallback
        }
    }

    /// Saves a draft's text; a failure is said (the text is still in the composer).
    func saveDraft(_ key: DraftKey, _ text: String, at: Timestamp? = nil) {
        checked("saving the draft", ()) { try store.saveDraft(key, text: text, at: at ?? clock.now()) }
    }
}

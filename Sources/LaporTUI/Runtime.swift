import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporSync
import Terminal

/// Runs the TUI: reads keys, feeds events through `Update`, performs the effects against the
/// store and the sync engine, and draws `View.render` through the backend. Everything that
/// touches curses stays on this thread; background work posts events into a queue.
public final class Runtime: @unchecked Sendable {
    let store: CaseStore
    let engine: SyncEngine?
    let syncInterval: Int
    private let lock = NSLock()
    private var posted: [Event] = []
    nonisolated(unsafe) static var terminate = false

    public init(store: CaseStore, engine: SyncEngine?, syncInterval: Int) {
        self.store = store
        self.engine = engine
        self.syncInterval = syncInterval
    }

    func post(_ event: Event) { lock.withLock { posted.append(event) } }

    func drain() -> [Event] {
        lock.withLock {
            defer { posted = [] }
            return posted
        }
    }

    /// The event loop, until `q`, Ctrl-C or SIGTERM. The terminal is restored on every way out.
    public func run(_ initial: AppState, screen: NcursesScreen) {
        var state = initial
        signal(SIGTERM) { _ in Runtime.terminate = true }
        signal(SIGHUP) { _ in Runtime.terminate = true }
        let size = screen.size
        var pending = Update.update(&state, .resize(width: size.width, height: size.height)) + [.reload, .refreshCounts]
        var lastSyncStarted = Date.distantPast
        if engine != nil {
            pending.append(.sync)
        }
        var autosave = Autosave()
        var repaintAgain: Date? = nil
        defer { autosave.flush(state.composer, store: store) }
        while !state.quit && !Runtime.terminate {
            for effect in pending {
                if case .externalEditor(let text) = effect {
                    post(.editorReturned(Self.externalEditor(text, screen: screen)))
                } else {
                    perform(effect, state: state, lastSync: &lastSyncStarted)
                }
            }
            pending = []
            for event in drain() { pending += Update.update(&state, event) }
            if !pending.isEmpty { continue }
            autosave.tick(state.composer, store: store)
            if let at = repaintAgain, Date() >= at {
                repaintAgain = nil
                screen.resume()
            }
            screen.draw(View.render(state))
            guard let key = screen.readKey(timeout: repaintAgain == nil ? 250 : 100) else {
                pending += Update.update(&state, .tick(Timestamp(Date(), in: .wib)))
                if engine != nil, !state.syncing, Date().timeIntervalSince(lastSyncStarted) >= Double(syncInterval) { pending.append(.sync) }
                continue
            }
            switch key {
            case .resize:
                let s = screen.size
                pending += Update.update(&state, .resize(width: s.width, height: s.height))
            case .ctrl("z"):
                screen.suspend()
                // SIGSTOP, not SIGTSTP: ncurses catches SIGTSTP itself; the shell sees a stopped job either way.
                kill(getpid(), SIGSTOP)
                screen.resume()
                // The shell may still be writing ("fg" and the job's name) after it woke us, onto
                // the screen just painted: paint it whole once more when it has settled.
                repaintAgain = Date().addingTimeInterval(0.3)
            case .ctrl("l"):
                screen.resume()
            default:
                pending += Update.update(&state, .key(key))
            }
        }
    }

    /// Without a terminal (tests, `lapor-bench tui`): feeds an event and performs the effects it
    /// leads to, synchronously, until nothing is pending (a sync is not started).
    public func send(_ event: Event, to state: inout AppState) {
        var pending = Update.update(&state, event)
        var lastSync = Date()
        while !pending.isEmpty {
            for effect in pending where effect != .sync {
                if case .externalEditor = effect { continue }
                perform(effect, state: state, lastSync: &lastSync)
            }
            pending = []
            for e in drain() { pending += Update.update(&state, e) }
        }
    }

    /// Performs one effect; results come back through `post`.
    func perform(_ effect: Effect, state: AppState, lastSync: inout Date) {
        switch effect {
        case .reload:
            let filter = state.filter
            let offset = max(0, state.top - AppState.lead)
            let rows = (try? store.page(filter, sort: state.order, limit: AppState.window, offset: offset)) ?? []
            let total = (try? store.count(filter)) ?? rows.count
            post(.loaded(rows: rows, total: total, offset: offset))
            post(unsettled(state.detail?.id))
            if state.view == .overdue { post(.loadedGroups((try? store.overdueByUnit(at: state.now)) ?? [])) }
        case .refreshCounts:
            post(counts(state))
        case .loadDetail(let id):
            post(.loadedDetail(try? store.report(id)))
            post(unsettled(id))
        case .markSeen(let id):
            try? store.markSeen(id)
        case .loadDraft(let key):
            post(.loadedDraft(key, (try? store.draft(key))?.text))
        case .saveDraft(let key, let text):
            try? store.saveDraft(key, text: text, at: Timestamp(Date(), in: .wib))
        case .queue(let pending):
            post(.queued(queue(pending, state: state)))
        case .requeue(let id):
            // `r` in the outbox: the rules are asked again on the stored report first.
            post(outboxChange(state) { _ in try self.desk.retry(id, text: nil, by: state.user, workflow: state.workflow) })
        case .discard(let id):
            post(
                outboxChange(state) { _ in
                    try self.desk.discard(id, by: state.user)
                    return nil
                })
        case .loadOutbox:
            post(.loadedOutbox((try? store.outbox(states: [.queued, .conflict, .failed, .sent])).map { Array($0.prefix(200)) } ?? []))
        case .loadAllIds:
            post(.loadedAllIds(((try? store.page(state.filter, sort: state.order, limit: Self.markLimit)) ?? []).map(\.id)))
        case .externalEditor:
            break
        case .sync:
            guard let engine else { return }
            lastSync = Date()
            post(.syncStarted)
            Task {
                let summary = await engine.sync()
                // The screen counts with the rules the sync just stored, not those it started with.
                if let workflow = try? self.store.reference()?.workflow { self.post(.rulesRefreshed(RulesUpdate(workflow))) }
                self.post(.syncFinished(summary))
            }
        }
    }

    /// `M` marks at most this many reports: a bulk action on more is a job for `lapor act` in a script.
    static let markLimit = 500

    func unsettled(_ reportId: String?) -> Event {
        .loadedUnsettled(
            reportId.flatMap { try? store.unsettled(for: $0) } ?? [], reports: (try? store.reportsWithUnsettledActions()) ?? [])
    }

    /// The use cases of acting, shared with the command line.
    var desk: ActionDesk { ActionDesk(store: store) }

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
                }
            } catch {
                result.refused.append(.init(reportId: id, problem: .failed(String(describing: error))))
            }
        }
        if pending.isBulk, !result.queued.isEmpty { try? store.saveDraft(pending.draftKey, text: "", at: Timestamp(Date(), in: .wib)) }
        return result
    }

    func outboxChange(_ state: AppState, _ change: (Timestamp) throws -> ActionDesk.Outcome?) -> Event {
        do {
            switch try change(Timestamp(Date(), in: .wib)) {
            case .refused(let refusal, _)?: return .outboxChanged(state.text.refusal(refusal))
            case .notInStore?: return .outboxChanged(state.text.outboxUpdated)
            case .queued?, nil: return .outboxChanged(state.text.outboxUpdated)
            }
        } catch {
            return .outboxChanged(String(describing: error))
        }
    }

    /// Suspends the screen, runs `$VISUAL` or `$EDITOR` (else `vi`) on a private copy of the
    /// text, and reads it back. The file lives in a folder only this user can read.
    static func externalEditor(_ text: String, screen: NcursesScreen) -> Result<String, EditorFailure> {
        let environment = ProcessInfo.processInfo.environment
        let editor =
            [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-edit-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure(EditorFailure(String(describing: error)))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tindak-lanjut.txt")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(EditorFailure(file.path))
        }
        screen.suspend()
        defer { screen.resume() }
        // Through the shell, so that an editor with arguments (`code --wait`) works; the path is
        // passed as an argument, never spliced into the command.
        let status: Int32?
        do {
            let child = try ChildProcess.start(
                ["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path], stdin: .inherit, stdout: .inherit, stderr: .inherit)
            status = child.wait()
        } catch {
            return .failure(EditorFailure(String(describing: error)))
        }
        guard status == 0 else { return .failure(EditorFailure("\(editor): exit \(status.map(String.init) ?? "?")")) }
        guard let data = FileManager.default.contents(atPath: file.path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(EditorFailure(file.path))
        }
        return .success(edited)
    }

    func counts(_ state: AppState) -> Event {
        let c = (try? StatusCounts.of(store, at: state.now)) ?? StatusCounts()
        return .counts(overdue: c.overdue, dueToday: c.dueToday, dueSoon: c.dueSoon, outbox: c.outbox, lastSync: c.lastSync)
    }
}

/// Typing reaches the store at most half a second late (the loop also saves whenever it waits
/// for a key), so a kill or a dropped SSH link loses less than a second of it.
struct Autosave {
    var saved: (key: DraftKey, text: String)?
    var last = Date.distantPast
    static let interval = 0.5

    mutating func tick(_ composer: Composer?, store: CaseStore, force: Bool = false) {
        guard let composer, composer.loaded else { return }
        let key = composer.pending.draftKey
        let text = composer.editor.isBlank ? "" : composer.editor.text
        if let saved, saved.key == key, saved.text == text { return }
        if saved == nil && text.isEmpty { return }
        guard force || Date().timeIntervalSince(last) >= Self.interval || saved?.key != key else { return }
        try? store.saveDraft(key, text: text, at: Timestamp(Date(), in: .wib))
        saved = (key, text)
        last = Date()
    }

    mutating func flush(_ composer: Composer?, store: CaseStore) { tick(composer, store: store, force: true) }
}

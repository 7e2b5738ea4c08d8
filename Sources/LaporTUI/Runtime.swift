import Foundation
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
        while !state.quit && !Runtime.terminate {
            for effect in pending { perform(effect, state: state, lastSync: &lastSyncStarted) }
            pending = []
            for event in drain() { pending += Update.update(&state, event) }
            if !pending.isEmpty { continue }
            screen.draw(View.render(state))
            guard let key = screen.readKey(timeout: 250) else {
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
            for effect in pending where effect != .sync { perform(effect, state: state, lastSync: &lastSync) }
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
            if state.view == .overdue { post(.loadedGroups((try? store.overdueByUnit(at: state.now)) ?? [])) }
        case .refreshCounts:
            post(counts(state))
        case .loadDetail(let id):
            post(.loadedDetail(try? store.report(id)))
        case .markSeen(let id):
            let store = store
            Task { try? await store.markSeen(id) }
        case .sync:
            guard let engine else { return }
            lastSync = Date()
            post(.syncStarted)
            Task {
                let summary = await engine.sync()
                self.post(.syncFinished(summary))
            }
        }
    }

    func counts(_ state: AppState) -> Event {
        let calendar = state.workflow.calendar
        let now = state.now
        let overdue = (try? store.count(ReportView.overdue.filter(at: now, calendar: calendar, policy: state.workflow.policy))) ?? 0
        let open = Set(ReportStatus.allCases.filter { !$0.isFinal })
        let endOfToday = Timestamp.endOfDay(now.in(.wib).localDate, in: .wib)
        let today = (try? store.count(InboxFilter(statuses: open, dueBefore: endOfToday, dueAfter: now.adding(seconds: -1)))) ?? 0
        let soon = (try? store.count(ReportView.dueSoon.filter(at: now, calendar: calendar, policy: state.workflow.policy))) ?? 0
        let outbox = (try? store.outboxCounts()[.queued]) ?? 0
        return .counts(overdue: overdue, dueToday: today, dueSoon: soon, outbox: outbox, lastSync: try? store.lastSync())
    }
}

import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporSync
import Terminal

/// Runs the TUI: reads keys, feeds events through `Update`, performs the effects
/// (`Runtime+Effects.swift`) and draws `View.render` on a `Screen`. Everything that touches the
/// screen stays on this thread; background work posts events into a queue.
public final class Runtime: @unchecked Sendable {
    let store: CaseStore
    let engine: SyncEngine?
    let syncInterval: Int
    /// "Now" for the minute tick, drafts and the outbox: the system clock unless a test fixes it.
    let clock: AppClock
    /// Where a failed background sync is written (`$XDG_STATE_HOME/lapor/lapor.log`): the status
    /// bar's line goes at the next key, the log stays.
    let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var posted: [Event] = []
    nonisolated(unsafe) static var terminate = false

    public init(
        store: CaseStore, engine: SyncEngine?, syncInterval: Int, clock: AppClock = .system, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.log = log
        self.store = store
        self.engine = engine
        self.syncInterval = syncInterval
        self.clock = clock
    }

    func post(_ event: Event) { lock.withLock { posted.append(event) } }

    func drain() -> [Event] {
        lock.withLock {
            defer { posted = [] }
            return posted
        }
    }

    /// The event loop, until `q`, Ctrl-C or SIGTERM. The terminal is restored on every way out.
    public func run(_ initial: AppState, screen: any Screen) {
        var state = initial
        signal(SIGTERM) { _ in Runtime.terminate = true }
        signal(SIGHUP) { _ in Runtime.terminate = true }
        let size = screen.size
        var pending = Update.update(&state, .resize(width: size.width, height: size.height)) + Self.startEffects
        var lastSyncStarted = Date.distantPast
        if engine != nil {
            pending.append(.sync)
        }
        var autosave = Autosave()
        var repaintAgain: Date? = nil
        defer { autosave.flush(state.composer, store: store, at: clock.now()) }
        while !state.quit && !Runtime.terminate {
            for effect in pending {
                if case .externalEditor(let text) = effect {
                    post(.editorReturned(ExternalEditor.edit(text, screen: screen)))
                } else {
                    perform(effect, state: state, lastSync: &lastSyncStarted)
                }
            }
            pending = []
            for event in drain() { pending += Update.update(&state, event) }
            if !pending.isEmpty { continue }
            autosave.tick(state.composer, store: store, at: clock.now())
            if let at = repaintAgain, Date() >= at {
                repaintAgain = nil
                screen.resume()
            }
            screen.draw(View.render(state))
            guard let key = screen.readKey(timeout: repaintAgain == nil ? 250 : 100) else {
                pending += Update.update(&state, .tick(clock.now()))
                if engine != nil, !state.syncing, Date().timeIntervalSince(lastSyncStarted) >= Double(syncInterval) { pending.append(.sync) }
                continue
            }
            switch key {
            case .resize:
                let s = screen.size
                pending += Update.update(&state, .resize(width: s.width, height: s.height))
            case .ctrl("z"):
                screen.stopForJobControl()
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
        settle(Update.update(&state, event), state: &state)
    }

    /// Without a terminal: what `run` does before its first frame (the size, the first view,
    /// the status bar's counts), synchronously.
    public func start(width: Int, height: Int, state: inout AppState) {
        settle(Update.update(&state, .resize(width: width, height: height)) + Self.startEffects, state: &state)
    }

    /// The effects `run` performs before its first frame, after the size.
    static let startEffects: [Effect] = [.reload, .refreshCounts]

    func settle(_ effects: [Effect], state: inout AppState) {
        var pending = effects
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
}

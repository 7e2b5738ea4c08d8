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
    /// Where store work runs, off this thread (`run` only; `send` and `start` work in place).
    let worker = StoreWorker()
    /// Tests only: called on the worker before each store effect (to hold one back).
    var storeGate: (@Sendable (Effect) -> Void)?
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

    /// Where `run` is drawing: a posted event wakes its wait for a key.
    private var screen: (any Screen)?

    func post(_ event: Event) { post([event]) }

    /// Posts events together (one wake-up of the loop for all).
    func post(_ events: [Event]) {
        guard !events.isEmpty else { return }
        let screen = lock.withLock {
            posted += events
            return self.screen
        }
        screen?.wake()
    }

    func drain() -> [Event] {
        lock.withLock {
            defer { posted = [] }
            return posted
        }
    }

    /// The event loop, until `q`, Ctrl-C or SIGTERM. The terminal is restored on every way out.
    ///
    /// Store work runs on `StoreWorker`'s lanes: the loop draws while a query runs, and keys that
    /// come meanwhile wait, in order, for the ordered lane (see `StoreWorker`).
    public func run(_ initial: AppState, screen: any Screen) {
        var state = initial
        lock.withLock { self.screen = screen }
        worker.whenDone { screen.wake() }
        signal(SIGTERM) { _ in Runtime.terminate = true }
        signal(SIGHUP) { _ in Runtime.terminate = true }
        let size = screen.size
        var pending = Update.update(&state, .resize(width: size.width, height: size.height)) + [.reload]
        // The first page first: the counts and the start's sync begin once it is on screen (on
        // two cores they would share them with its query).
        var afterFirstPage = Self.startEffects.filter { $0 != .reload } + (engine != nil ? [.sync] : [])
        var lastSyncStarted = Date.distantPast
        var autosave = Autosave()
        var repaintAgain: Date? = nil
        // Keys read while the ordered lane was busy, handed on in order once it is idle.
        var held: [Key] = []
        // The state changed (or the screen was repainted) since the last frame: a wake-up with
        // nothing new draws nothing (a render is a millisecond the store's work could use).
        var changed = true
        defer {
            lock.withLock { self.screen = nil }
            worker.whenDone {}
            // What was asked runs to its end, and its results reach the state (a follow-up
            // queued just before SIGTERM closed its composer: no draft is saved back).
            worker.waitUntilIdle()
            for event in drain() { _ = Update.update(&state, event) }
            autosave.flush(state.composer, at: clock.now()) { key, text, at in self.saveDraft(key, text, at: at) }
        }
        while !state.quit && !Runtime.terminate {
            for effect in pending {
                switch effect {
                case .externalEditor(let text):
                    post(.editorReturned(ExternalEditor.edit(text, screen: screen)))
                case .copy(let text):
                    screen.copyToClipboard(text)
                case .sync:
                    lastSyncStarted = Date()
                    startSync()
                default:
                    let snapshot = state
                    worker.submit(effect == .refreshCounts || effect == .fileSimilar ? .background : .ordered) {
                        self.storeGate?(effect)
                        self.perform(effect, state: snapshot)
                    }
                }
            }
            pending = []
            // Read before the drain: a job posts its results before it counts as done.
            let settled = !worker.orderedBusy
            for event in drain() {
                pending += Update.update(&state, event)
                changed = true
            }
            if !pending.isEmpty { continue }
            if settled, state.listLoaded, !afterFirstPage.isEmpty {
                pending = afterFirstPage
                afterFirstPage = []
                continue
            }
            if settled, !held.isEmpty {
                pending += Update.update(&state, .key(held.removeFirst()))
                changed = true
                continue
            }
            // Only on a settled state (held keys were handed on above): a composer whose
            // queueing is still out would save its text back as a draft after the queueing
            // deleted it.
            if settled {
                autosave.tick(state.composer, at: clock.now()) { key, text, at in
                    self.worker.submit(.ordered) { self.saveDraft(key, text, at: at) }
                }
            }
            if let at = repaintAgain, Date() >= at {
                repaintAgain = nil
                screen.resume()
                changed = true
            }
            if changed {
                screen.draw(View.render(state))
                changed = false
            }
            // Posted results and finished store work wake the wait (`Screen.wake`); while work is
            // out, no clock tick is due, so the wait only ends early.
            let waiting = worker.busy
            guard let key = screen.readKey(timeout: repaintAgain == nil ? 250 : 100) else {
                if waiting { continue }
                pending += Update.update(&state, .tick(clock.now()))
                changed = true
                if engine != nil, afterFirstPage.isEmpty, !state.syncing, Date().timeIntervalSince(lastSyncStarted) >= Double(syncInterval) {
                    pending.append(.sync)
                }
                continue
            }
            changed = true
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
                if settled, held.isEmpty, !worker.orderedBusy {
                    pending += Update.update(&state, .key(key))
                } else {
                    held.append(key)
                }
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

    /// The effects of the start, after the size (`run` asks for the counts once the first page
    /// is on screen).
    static let startEffects: [Effect] = [.reload, .refreshCounts, .fileSimilar]

    func settle(_ effects: [Effect], state: inout AppState) {
        var pending = effects
        while !pending.isEmpty {
            for effect in pending where effect != .sync {
                if case .externalEditor = effect { continue }
                perform(effect, state: state)
            }
            pending = []
            for e in drain() { pending += Update.update(&state, e) }
        }
    }
}

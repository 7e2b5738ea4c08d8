import Foundation

/// Runs the TUI's store work off the UI thread, so that a frame never waits for a query.
///
/// Two lanes, each a serial queue:
/// - **ordered**: everything a later key may depend on (the list, the detail, drafts, the
///   outbox, every write), in the order asked. While a job is out here, the loop holds the keys
///   that come and hands them on in order when the lane is idle: `c` typed before the detail
///   arrived acts on that detail, and `j` after a search moves in the search's results.
/// - **background**: the status bar's counts and the saved views' counts (each minute, after a
///   sync). Keys never wait for them.
final class StoreWorker: @unchecked Sendable {
    enum Lane { case ordered, background }

    private let ordered = DispatchQueue(label: "lapor.store.ordered", qos: .userInteractive)
    private let background = DispatchQueue(label: "lapor.store.background", qos: .utility)
    private let lock = NSLock()
    private var out: [Lane: Int] = [:]
    private var done: (@Sendable () -> Void)?

    /// Called after each job, once it counts as done (the loop wakes to take its results).
    func whenDone(_ call: @escaping @Sendable () -> Void) { lock.withLock { done = call } }

    /// A job of the ordered lane is queued or running.
    var orderedBusy: Bool { lock.withLock { (out[.ordered] ?? 0) > 0 } }
    /// A job of either lane is queued or running.
    var busy: Bool { lock.withLock { out.values.contains { $0 > 0 } } }

    /// Runs `job` on `lane` after what was asked of it before. The job posts its results before
    /// it counts as done: a loop that sees the lane idle finds them posted.
    func submit(_ lane: Lane, _ job: @escaping @Sendable () -> Void) {
        lock.withLock { out[lane, default: 0] += 1 }
        (lane == .ordered ? ordered : background).async {
            job()
            let call = self.lock.withLock {
                self.out[lane, default: 0] -= 1
                return self.done
            }
            call?()
        }
    }

    /// Returns when every job asked so far has run (leaving the loop: nothing typed is lost).
    func waitUntilIdle() {
        ordered.sync {}
        background.sync {}
    }
}

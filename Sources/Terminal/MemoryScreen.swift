import Foundation

/// A screen in memory: frames are kept, keys come from `press`. Thread-safe, so a test can drive
/// the TUI loop running on its own thread and wait for what it draws.
public final class MemoryScreen: Screen, @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [Key] = []
    private var frames: [CellGrid] = []
    private var width: Int
    private var height: Int
    /// What happened besides frames: `suspend`, `resume`, `stop`, in order.
    private var events: [String] = []
    private var woken = false
    private var copied: [String] = []

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Keys for the loop to read, in order.
    public func press(_ keys: Key...) { lock.withLock { self.keys += keys } }

    /// The terminal is resized: the loop reads a `.resize` key, then the new size.
    public func resize(width: Int, height: Int) {
        lock.withLock {
            self.width = width
            self.height = height
            keys.append(.resize)
        }
    }

    /// The last frame drawn.
    public var lastFrame: CellGrid? { lock.withLock { frames.last } }
    public var frameCount: Int { lock.withLock { frames.count } }
    public var log: [String] { lock.withLock { events } }
    /// What was put on the clipboard, in order.
    public var clipboard: [String] { lock.withLock { copied } }

    public func copyToClipboard(_ text: String) { lock.withLock { copied.append(text) } }

    /// Waits (polling, with a deadline) until a frame drawn after `after` frames shows `text`.
    public func waitForFrame(containing text: String, after: Int = 0, timeout: Double = 5) async -> CellGrid? {
        await waitForFrame(after: after, timeout: timeout) { $0.text.contains(text) }
    }

    /// Waits (polling, with a deadline) for a frame, drawn after `after` frames, that passes `test`.
    /// It sleeps between looks instead of blocking its thread: a test waiting here leaves Swift's
    /// few cooperative threads to the work it waits for (a sync, another test's server).
    public func waitForFrame(after: Int = 0, timeout: Double = 5, where test: (CellGrid) -> Bool) async -> CellGrid? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let grid = lock.withLock({ frames.dropFirst(after).last(where: test) }) { return grid }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return lock.withLock { frames.dropFirst(after).last(where: test) }
    }

    public var size: (width: Int, height: Int) { lock.withLock { (width, height) } }

    public func draw(_ grid: CellGrid) {
        lock.withLock {
            // Only a changed frame is kept: the loop draws on every wake-up.
            if frames.last?.text != grid.text || frames.last?.cursor.map({ [$0.x, $0.y] }) != grid.cursor.map({ [$0.x, $0.y] }) {
                frames.append(grid)
            }
        }
    }

    public func readKey(timeout: Int32) -> Key? {
        let deadline = Date().addingTimeInterval(Double(min(timeout, 20)) / 1000)
        repeat {
            if let key = lock.withLock({ keys.isEmpty ? nil : keys.removeFirst() }) { return key }
            if lock.withLock({
                defer { woken = false }
                return woken
            }) {
                return nil
            }
            Thread.sleep(forTimeInterval: 0.001)
        } while Date() < deadline
        return nil
    }

    public func wake() { lock.withLock { woken = true } }

    public func suspend() { lock.withLock { events.append("suspend") } }
    public func resume() { lock.withLock { events.append("resume") } }
    public func stopForJobControl() { lock.withLock { events += ["suspend", "stop", "resume"] } }
}

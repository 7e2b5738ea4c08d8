/// What the TUI loop needs of a terminal: its size, a frame drawn, a key read, and leaving and
/// coming back (Ctrl-Z, `$EDITOR`). `NcursesScreen` is the real one; `MemoryScreen` keeps frames
/// in memory and takes keys from a test.
public protocol Screen: AnyObject, Sendable {
    var size: (width: Int, height: Int) { get }
    /// Shows the grid (a backend may copy only what changed since the last frame).
    func draw(_ grid: CellGrid)
    /// The next key, or nil when none came within `timeout` milliseconds or `wake` was called.
    func readKey(timeout: Int32) -> Key?
    /// From any thread: a `readKey` waiting now (or the next one) returns at once, so that the
    /// loop takes the results another thread has posted without waiting for its timeout.
    func wake()
    /// Leaves the screen to another program for a while.
    func suspend()
    /// Back from `suspend` (or asked to repaint with Ctrl-L): everything is drawn anew.
    func resume()
    /// Ctrl-Z: leaves the screen, stops the process until the shell's `fg`, and comes back.
    func stopForJobControl()
}

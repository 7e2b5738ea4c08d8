import Foundation

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
    /// Puts `text` on the terminal's clipboard (OSC 52: xterm, kitty, iTerm2, Windows Terminal,
    /// and tmux with `set-clipboard on`); over SSH it reaches the user's own machine.
    func copyToClipboard(_ text: String)
}

/// The OSC 52 sequence that sets the clipboard to `text` (base64), nil when over `maxBytes`
/// (terminals refuse long ones; xterm's default limit is near 100,000).
public func clipboardSequence(_ text: String, maxBytes: Int = 100_000) -> String? {
    let encoded = Data(text.utf8).base64EncodedString()
    guard encoded.utf8.count <= maxBytes else { return nil }
    return "\u{1B}]52;c;" + encoded + "\u{07}"
}

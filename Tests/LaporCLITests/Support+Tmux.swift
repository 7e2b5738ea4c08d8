import Foundation
import Terminal
import Testing

/// Drives the real `lapor` binary in tmux, as a person at a terminal would, on a tmux server of
/// the tests' own (`tmux -L`), never the user's.
struct Tmux {
    let session = "lapor-e2e-\(UUID().uuidString.prefix(8))"
    /// The test's own server (its socket name): buffers and server options are a server's, so
    /// tests running side by side never read each other's clipboard.
    let server = "lapor-tests-\(UUID().uuidString.prefix(8))"

    /// Runs a tmux command on this test's server (10 s at most) and returns what it printed.
    /// `ChildProcess` waits with `waitpid`: Foundation's `Process` never saw tmux end where CI
    /// blocks SIGCHLD.
    @discardableResult
    func run(_ args: [String]) -> String { ChildProcess.run(["tmux", "-L", server] + args, timeout: 10).output }

    /// Starts the session on this test's own server (`-L`), never the user's default one.
    func start(_ command: String, width: Int = 120, height: Int = 40) {
        let size = ["-x", String(width), "-y", String(height)]
        _ = ChildProcess.run(["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d"] + size + ["-s", session, command], timeout: 10)
    }

    func keys(_ keys: String...) { run(["send-keys", "-t", session] + keys) }
    func capture(escapes: Bool = false) -> String { run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", session]) }
    func title() -> String { run(["display-message", "-p", "-t", session, "#{pane_title}"]) }
    func resize(_ w: Int, _ h: Int) { run(["resize-window", "-t", session, "-x", String(w), "-y", String(h)]) }
    /// Ends the session and with it the test's server.
    func kill() { run(["kill-server"]) }

    /// Waits until the screen contains `text` and returns the screen. A wait that times out is
    /// a failure, recorded where the test called it: a step that never happened cannot pass.
    @discardableResult
    func wait(for text: String, timeout: Double = 8, sourceLocation: SourceLocation = #_sourceLocation) async -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !screen.contains(text) && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(100))
            screen = capture()
        }
        if !screen.contains(text) {
            Issue.record("timed out after \(timeout) s waiting for \"\(text)\" on screen:\n\(screen)", sourceLocation: sourceLocation)
            return screen
        }
        // A capture can fall between a frame's first and last writes (a box half drawn): the
        // screen returned is one that two captures 50 ms apart agree on (for up to 2 s).
        let settle = Date().addingTimeInterval(2)
        while Date() < settle {
            try? await Task.sleep(for: .milliseconds(50))
            let again = capture()
            // (A text that was there only for a moment is returned as it was seen.)
            if again == screen || !again.contains(text) { break }
            screen = again
        }
        return screen
    }
}

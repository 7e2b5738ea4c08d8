import ArgumentParser
import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText

/// Questions to a person at a terminal; never asked when nobody is there.
enum TTY {
    static var stdinIsTTY: Bool { isatty(0) == 1 }
    static var stderrIsTTY: Bool { isatty(2) == 1 }

    /// Asks on standard error and reads y/N from standard input; false when stdin is not a terminal.
    static func confirm(_ question: String) -> Bool {
        guard stdinIsTTY else { return false }
        FileHandle.standardError.write(Data((question + " [y/N] ").utf8))
        guard let answer = readLine() else { return false }
        return ["y", "ya", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// A progress line on a terminal's standard error, rewritten in place (`lapor sync`, `lapor
/// import`); nothing at all when `live` is false (a pipe or a log gets the summary alone).
final class LiveLine: @unchecked Sendable {
    let live: Bool
    private let lock = NSLock()
    private var shown = false

    init(live: Bool) { self.live = live }

    func say(_ line: String) {
        guard live else { return }
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
            shown = true
        }
    }

    /// Clears the line, so that what follows starts on a clean one.
    func end() {
        lock.withLock {
            guard shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            shown = false
        }
    }
}

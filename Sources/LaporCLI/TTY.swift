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

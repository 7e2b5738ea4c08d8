import Foundation
import Terminal
import Testing

/// `lapor --help` wraps its text to the terminal (issue 14: it was hard-wrapped near 100 columns,
/// ragged at 80). The real binary, so that ArgumentParser reads `COLUMNS` from its environment.
@Suite struct LaporCommandTests {
    func help(_ arguments: [String], columns: Int) -> String {
        ChildProcess.run(
            [TmuxEndToEndTests.binary.path] + arguments + ["--help"], environment: ["COLUMNS": String(columns), "PATH": "/usr/bin:/bin"]
        ).output
    }

    @Test func helpIsWrappedToTheTerminalNotBeforeIt() {
        let wide = help(["list"], columns: 200)
        // One paragraph, broken by nothing but the terminal's width.
        #expect(
            wide.contains("Views: inbox, waiting, done (liaison); queue, ready (admin); overdue, due-soon, escalated (supervisor); escalating"),
            "\(wide)")
        for arguments in [[], ["list"], ["login"], ["act"], ["sync"], ["calendar", "check"]] {
            let narrow = help(arguments, columns: 80)
            // ArgumentParser does not wrap its USAGE line; everything else is ours to keep in 80.
            let long = narrow.split(separator: "\n").filter { DisplayWidth.of($0) > 80 && !$0.hasPrefix("USAGE:") }
            #expect(!narrow.isEmpty && long.isEmpty, "\(arguments): \(long)")
        }
    }
}

/// The man pages in `docs/man` (written by `scripts/man.sh`; CI checks they are current).
@Suite struct ManPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func manShowsThePageWithTheCommandsAndTheExitCodes() throws {
        let page = Self.root.appendingPathComponent("docs/man/lapor.1").path
        let shown = ChildProcess.run(
            ["man", "-l", page], environment: ["MANPAGER": "cat", "MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(shown.status == 0, "man -l docs/man/lapor.1: \(shown.output)")
        let words = shown.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Terminal workstation for SP4N-LAPOR!") && words.contains("Exit codes: 0 done"), "\(shown.output.prefix(600))")
        for command in ["list", "show", "search", "act", "sync", "login", "outbox", "calendar", "central", "demo", "tui"] {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("docs/man/lapor.\(command).1").path), "\(command)")
        }
    }
}

import Foundation
import Terminal
import Testing

/// `lapor --help` wraps its text to the terminal (issue 14: it was hard-wrapped near 100 columns,
/// ragged at 80). The real binary, so that ArgumentParser reads `COLUMNS` from its environment.
@Suite struct LaporCommandTests {
    func help(_ arguments: [String], columns: Int, lang: String? = nil) -> String {
        var environment = ["COLUMNS": String(columns), "PATH": "/usr/bin:/bin"]
        environment["LANG"] = lang
        return ChildProcess.run([TmuxEndToEndTests.binary.path] + arguments + ["--help"], environment: environment).output
    }

    @Test func helpIsWrappedToTheTerminalNotBeforeIt() {
        let wide = help(["list", "--lang", "en"], columns: 200)
        // One paragraph, broken by nothing but the terminal's width.
        #expect(
            wide.contains("Views: inbox, waiting, done (liaison); queue, ready (admin); overdue, due-soon, escalated (supervisor); escalating"),
            "\(wide)")
        for arguments in [[], ["list"], ["login"], ["act"], ["sync"], ["calendar", "check"]] {
            for lang in ["id", "en"] {
                let narrow = help(arguments + ["--lang", lang], columns: 80)
                // ArgumentParser does not wrap its USAGE line; everything else is ours to keep in 80.
                let long = narrow.split(separator: "\n").filter { DisplayWidth.of($0) > 80 && !$0.hasPrefix("USAGE:") }
                #expect(!narrow.isEmpty && long.isEmpty, "\(arguments) \(lang): \(long)")
            }
        }
    }

    /// Help follows the language of every message (issue 14): Bahasa Indonesia by default, English
    /// with `--lang en` anywhere on the line or an English `LANG`.
    @Test func helpIsInTheUsersLanguage() {
        let plain = help(["list"], columns: 120)
        #expect(plain.contains("Daftar laporan dari penyimpanan kasus lokal.") && plain.contains("Hanya laporan yang melewati tenggat."), "\(plain)")
        #expect(!plain.contains("List reports from"), "\(plain)")
        for english in [help(["--lang", "en", "list"], columns: 120), help(["list"], columns: 120, lang: "en_US.UTF-8")] {
            #expect(
                english.contains("List reports from the local case store.") && english.contains("Only reports past their deadline."), "\(english)")
        }
        let asked = ChildProcess.run([TmuxEndToEndTests.binary.path, "help", "list", "--lang", "en"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(asked.status == 0 && asked.output.contains("List reports from the local case store."), "\(asked.output)")
        let root = help([], columns: 120)
        #expect(root.contains("Meja kerja terminal") && root.contains("Daftar laporan dari penyimpanan kasus lokal."), "\(root)")
        // An unknown --lang is refused in Indonesian; the help is not printed in some third language.
        let bad = ChildProcess.run([TmuxEndToEndTests.binary.path, "list", "--lang", "fr"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(bad.status == 2, "\(bad.output)")
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
        // The same pages in Bahasa Indonesia.
        let indonesian = ChildProcess.run(
            ["man", "-l", Self.root.appendingPathComponent("docs/man/id/lapor.list.1").path],
            environment: ["MANPAGER": "cat", "MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        let kata = indonesian.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(indonesian.status == 0 && kata.contains("Daftar laporan dari penyimpanan kasus lokal."), "\(indonesian.output.prefix(600))")
        for command in ["list", "show", "search", "act", "sync", "login", "outbox", "calendar", "central", "demo", "tui"] {
            for folder in ["docs/man", "docs/man/id"] {
                #expect(
                    FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("\(folder)/lapor.\(command).1").path),
                    "\(folder) \(command)")
            }
        }
    }
}

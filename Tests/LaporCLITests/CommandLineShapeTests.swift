import Foundation
import LaporDomain
import Testing

@testable import LaporCLI

/// Unknown commands, global options before the command, `--version` (issue 14).
@Suite struct CommandLineShapeTests {
    @Test func anUnknownCommandIsNamedWithTheNearestOne() async {
        let typo = await lapor("lst")
        #expect(typo.code == 2 && typo.err == "Perintah tidak dikenal: lst (maksud Anda: list?). Lihat lapor --help.", "\(typo.err)")
        let english = await lapor("--lang", "en", "shwo", "9100012")
        #expect(english.code == 2 && english.err == "Unknown command: shwo (did you mean: show?). See lapor --help.", "\(english.err)")
        let far = await lapor("frobnicate")
        #expect(far.code == 2 && far.err == "Perintah tidak dikenal: frobnicate. Lihat lapor --help.", "\(far.err)")
        // A control sequence typed as a command is not echoed to the terminal.
        let hostile = await lapor("\u{1B}]0;x\u{07}")
        #expect(hostile.code == 2 && !hostile.err.contains("\u{1B}"), "\(hostile.err)")
    }

    @Test func globalOptionsMayComeBeforeTheCommand() async {
        // `calendar due` needs no store: the answer is in English when --lang comes first.
        let due = await lapor("--lang", "en", "calendar", "due", "--from", "2026-03-18T10:00:00+07:00", "--working-days", "5")
        #expect(due.code == 0, "\(due.err)")
        let same = await lapor("calendar", "due", "--from", "2026-03-18T10:00:00+07:00", "--working-days", "5", "--lang", "en")
        #expect(due.out == same.out && !due.out.isEmpty)
        #expect(await lapor("--lang=en", "calendar", "due", "--from", "2026-03-18T10:00:00+07:00", "--working-days", "5").out == same.out)
        #expect(
            CommandLineShape.normalize(["--lang", "en", "--profile", "p", "outbox", "retry", "ab12"])
                == .success(["outbox", "retry", "--lang", "en", "--profile", "p", "ab12"]))
        #expect(CommandLineShape.normalize(["--lang", "en"]) == .success(["--lang", "en"]))
        #expect(CommandLineShape.normalize(["--help"]) == .success(["--help"]))
        // Help asked for with a language: the options have chosen it and are not passed on.
        #expect(CommandLineShape.normalize(["--help", "--lang", "en"]) == .success(["--help"]))
        #expect(CommandLineShape.normalize(["--lang=en", "help", "list"]) == .success(["help", "list"]))
        #expect(CommandLineShape.normalize(["help", "list", "--lang", "en"]) == .success(["help", "list"]))
    }

    @Test func versionIsTheRelease() async {
        let version = await lapor("--version")
        #expect(version.code == 0 && version.out == LaporVersion.current, "\(version.out)|\(version.err)")
    }
}

/// Shell completion offers the values a user types (issue 14).
@Suite struct CompletionsTests {
    @Test func theScriptCompletesStatusesAndAsksLaporForUnits() async {
        let bash = await lapor("--generate-completion-script", "bash")
        #expect(bash.code == 0, "\(bash.err)")
        #expect(bash.out.contains("followed_up") && bash.out.contains("permintaan_informasi") && bash.out.contains("csv-excel"), "static lists")
        // The units, views and profiles come from the store: the script calls lapor back for them.
        #expect(bash.out.contains("---completion"), "custom completions call lapor")
        #expect(Completions.matching("dki", ["dki", "dki-dpu", "jatim"]) == ["dki", "dki-dpu"])
    }
}

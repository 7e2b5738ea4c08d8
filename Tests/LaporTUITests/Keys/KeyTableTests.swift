import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

/// Every mode's keys come from one table: dispatch, help (`?`/F1) and the hint line read it, and
/// no key means two things in one mode (issue 11).
@Suite struct KeyTableTests {
    /// A screen in each mode, as a user gets there.
    static func screen(in mode: InputMode, width: Int = 200, height: Int = 60) -> AppState {
        var s = state(width: width, height: height)
        switch mode {
        case .normal: break
        case .composer, .reading, .picker:
            _ = Update.update(&s, .key(.char("c")))
            if let key = s.composer?.pending.draftKey { _ = Update.update(&s, .loadedDraft(key, nil)) }
            if mode == .reading { _ = Update.update(&s, .key(.tab)) }
            if mode == .picker { _ = Update.update(&s, .key(.ctrl("t"))) }
        case .verifyForm:
            s.mode = .verify(VerifyForm(pending: PendingAction(type: .verify, reportIds: ["9165816"]), report: detail()))
        case .outbox:
            s.mode = .outbox(OutboxBrowser(items: []))
        case .confirmation:
            s.mode = .confirm(Confirmation(then: .discard("item-1"), lines: ["?"]))
        case .prompt:
            _ = Update.update(&s, .key(.char("/")))
        case .overlay:
            _ = Update.update(&s, .key(.char("e")))
        }
        return s
    }

    @Test(arguments: InputMode.allCases)
    func noKeyMeansTwoThingsAndTypingIsNeverShadowed(mode: InputMode) {
        var seen: Set<Key> = []
        for b in mode.keys {
            #expect(!b.label.isEmpty && !b.helpID.isEmpty && !b.helpEN.isEmpty, "\(mode): \(b.label)")
            for k in b.keys {
                #expect(!seen.contains(k), "\(mode): \(k) is bound twice")
                seen.insert(k)
                if mode.takesText, case .char = k { Issue.record("\(mode): \(k) would shadow typing") }
            }
        }
        #expect(mode.keys.contains { $0.keys.contains(.function(1)) }, "\(mode): F1 shows the keys")
    }

    @Test func everyCommandOfEveryModeHasAKey() {
        func covered<C: CaseIterable & Hashable>(_ table: KeyTable<C>, _ all: C.AllCases) -> Bool {
            Set(table.bindings.map(\.command)) == Set(all)
        }
        #expect(covered(KeyMap.table, Command.allCases))
        #expect(covered(ComposerCommand.table, ComposerCommand.allCases))
        #expect(covered(ReadingCommand.table, ReadingCommand.allCases))
        #expect(covered(PickerCommand.table, PickerCommand.allCases))
        #expect(covered(VerifyFormCommand.table, VerifyFormCommand.allCases))
        #expect(covered(OutboxCommand.table, OutboxCommand.allCases))
        #expect(covered(ConfirmCommand.table, ConfirmCommand.allCases))
        #expect(covered(PromptCommand.table, PromptCommand.allCases))
        #expect(covered(OverlayCommand.table, OverlayCommand.allCases))
    }

    /// (A box to read is its own help: F1 closes it, as Esc and Enter do.)
    @Test(arguments: InputMode.allCases.filter { $0 != .normal && $0 != .overlay })
    func theHintLineAndHelpOfEachModeComeFromItsTable(mode: InputMode) {
        var s = Self.screen(in: mode)
        #expect(s.inputMode == mode)
        let screen = View.render(s).text
        #expect(screen.contains(mode.hintLine(.id)), "\(mode): the screen shows the table's hints")
        for b in mode.keys where b.hint { #expect(screen.contains(b.hintText(.id)), "\(mode): \(b.label) hinted") }

        #expect(Update.update(&s, .key(.function(1))).isEmpty)
        #expect(s.keyHelp == mode)
        let help = View.render(s).text
        #expect(help.contains("Tombol — " + mode.name(.id)))
        for b in mode.keys { #expect(help.contains(b.help(.id)), "\(mode): help lists \(b.label)") }

        // Enter closes the help and does nothing else: the mode is as it was.
        #expect(Update.update(&s, .key(.enter)).isEmpty)
        #expect(s.keyHelp == nil && s.inputMode == mode)
    }

    @Test func helpSpeaksEnglishWithLangEn() {
        var s = state(width: 200, height: 60, language: .en)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .key(.function(1)))
        let help = View.render(s).text
        #expect(help.contains("Keys — Composer") && help.contains("delete a word"))
    }

    /// Each action key of the normal mode, on a report where the rules allow it, starts the action:
    /// a composer, a picker, a prompt, a form or a confirmation opens.
    @Test func everyOfferedActionKeyStartsItsAction() {
        let admin = User(id: "u-a", name: "Admin", role: .admin, unitId: nil)
        func queued(_ status: ReportStatus) -> Report {
            var r = detail()
            r.status = status
            r.unitId = nil
            return r
        }
        let cases: [(User, Report)] = [(liaison, detail()), (admin, queued(.verified)), (admin, queued(.submitted))]
        var started = 0
        for (user, report) in cases {
            var base = AppState(user: user, profile: "p", workflow: workflow, language: .id, width: 120, height: 40, now: now)
            _ = Update.update(&base, .loaded(rows: [row(report.id, report.title, due: nil, status: report.status)], total: 1))
            _ = Update.update(&base, .loadedDetail(report))
            for b in View.offered(base) where b.command.actionType != nil {
                var s = base
                _ = Update.update(&s, .key(b.keys[0]))
                let opened = s.composer != nil || s.mode != .normal
                #expect(opened, "\(user.role) \(report.status): \(b.label) opened nothing (\(s.message ?? "-"))")
                started += 1
            }
        }
        #expect(started >= 8, "the three cases offer most actions")
    }
}

/// `docs/keys.md` is written from the tables, so the reference cannot drift from the keys.
@Suite struct KeysDocumentTests {
    static func document() -> String {
        var out = """
            # Keys of the terminal UI

            Generated from the key tables in `Sources/LaporTUI` by `KeysDocumentTests`
            (`LAPOR_RECORD=1 swift test --filter KeysDocumentTests` writes it anew). In every mode
            F1 (and `?` where `?` is not typed text) shows these keys on screen.

            """
        for mode in InputMode.allCases {
            out += "\n## \(mode.name(.en)) — \(mode.name(.id))\n\n"
            if mode.takesText { out += "Keys not listed are typed as text.\n\n" }
            out += "| Key | Bahasa Indonesia | English |\n| --- | --- | --- |\n"
            for b in mode.keys {
                out += "| `\(b.label.replacingOccurrences(of: "|", with: "\\|"))` | \(b.helpID) | \(b.helpEN) |\n"
            }
        }
        return out
    }

    @Test func theKeyReferenceIsTheTables() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        let expected = Self.document()
        if ProcessInfo.processInfo.environment["LAPOR_RECORD"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "docs/keys.md is out of date: LAPOR_RECORD=1 swift test --filter KeysDocumentTests")
    }
}

import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// The composer: writing a follow-up, a request for information, a return or a hold, with the
/// report's detail beside it.

extension Update {
    // MARK: The composer

    /// The editor's width and height inside the composer pane.
    static func composerSize(_ state: AppState) -> (width: Int, height: Int) {
        let r = Layout(width: state.width, height: state.height, composing: true).list
        return (max(1, r.width - 2), max(1, r.height - 2))
    }

    static func composerKey(_ key: Key, _ composer: Composer, _ state: inout AppState) -> [Effect] {
        var c = composer
        let (width, height) = composerSize(state)
        guard let command = ComposerCommand.table.command(for: key) else {
            // Not a key of the table: typing.
            switch key {
            case .char(let ch):
                if !c.editor.insert(String(ch)) { state.message = state.text.textLimitReached }
            case .paste(let s):
                if !c.editor.insert(s) { state.message = state.text.textLimitReached }
            default: return []
            }
            state.composer = followCursor(c, state)
            return []
        }
        switch command {
        case .close:
            state.composer = nil
            state.focus = .list
            state.message = c.editor.isBlank ? nil : state.text.draftKept
            return c.loaded ? [.saveDraft(c.pending.draftKey, c.editor.isBlank ? "" : c.editor.text)] : []
        case .readDetail:
            state.focus = .detail
            return []
        case .send:
            guard !c.editor.isBlank else {
                state.message = state.text.fieldProblem("text", .empty)
                return []
            }
            if state.fromExport {
                // Nothing goes to a server from an export's profile: the text stays as the draft.
                guard c.loaded else {
                    state.message = state.text.stillLoading
                    return []
                }
                state.composer = nil
                state.focus = .list
                state.message = state.text.offlineDraftSaved
                return [.saveDraft(c.pending.draftKey, c.editor.text)]
            }
            var pending = c.pending
            pending.text = c.editor.text
            c.pending = pending
            state.composer = c
            confirm(pending, &state)
            return []
        case .externalEditor:
            return [.externalEditor(c.editor.text)]
        case .quit:
            // Quitting from the composer: the runtime saves the draft on the way out.
            state.quit = true
            return []
        case .template:
            guard !state.templates.isEmpty else {
                state.message = state.text.noTemplates
                return []
            }
            state.mode = .picker(
                Picker(purpose: .template, title: state.text.pickTemplate, options: state.templates.map { .init(id: $0.name, label: $0.name) }))
            return []
        case .keyHelp:
            state.keyHelp = .composer
            return []
        case .newline: c.editor.insert("\n")
        case .backspace: c.editor.backspace()
        case .delete: c.editor.delete()
        case .deleteWord: c.editor.deleteWordBackward()
        case .left: c.editor.left()
        case .right: c.editor.right()
        case .wordLeft: c.editor.wordLeft()
        case .wordRight: c.editor.wordRight()
        case .up: c.editor.up(width: width)
        case .down: c.editor.down(width: width)
        case .lineStart: c.editor.lineStart(width: width)
        case .lineEnd: c.editor.lineEnd(width: width)
        case .pageUp: c.editor.vertical(-(height - 1), width: width)
        case .pageDown: c.editor.vertical(height - 1, width: width)
        }
        state.composer = followCursor(c, state)
        return []
    }

    /// Beside an open composer, reading the detail: scroll it; Tab or Esc go back to writing.
    static func readingKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch ReadingCommand.table.command(for: key) {
        case .write: state.focus = .composer
        case .down: return scrollDetail(&state, by: 1)
        case .up: return scrollDetail(&state, by: -1)
        case .pageDown: return scrollDetail(&state, by: 10)
        case .pageUp: return scrollDetail(&state, by: -10)
        case .keyHelp: state.keyHelp = .reading
        case nil: state.message = state.text.composerOpen
        }
        return []
    }

    /// Scrolls the composer so that the cursor's line shows.
    static func followCursor(_ composer: Composer, _ state: AppState) -> Composer {
        var c = composer
        let (width, height) = composerSize(state)
        let line = c.editor.position(width: width).line
        if line < c.scroll { c.scroll = line }
        if line >= c.scroll + height { c.scroll = line - height + 1 }
        return c
    }
}

/// The composer's keys. Any other key types.
enum ComposerCommand: CaseIterable, Sendable {
    case send, close, template, externalEditor, readDetail, keyHelp, quit
    case newline, backspace, delete, deleteWord, left, right, wordLeft, wordRight, up, down, lineStart, lineEnd, pageUp, pageDown

    static let table = KeyTable<ComposerCommand>([
        KeyBinding(.send, [.ctrl("s")], "Ctrl-S", "kirim", "send", hint: true),
        KeyBinding(.close, [.escape], "Esc", "tutup (draf disimpan)", "close (draft kept)", hint: true),
        KeyBinding(.template, [.ctrl("t")], "Ctrl-T", "templat", "template", hint: true),
        KeyBinding(.externalEditor, [.ctrl("e")], "Ctrl-E", "editor", "editor", hint: true),
        KeyBinding(.readDetail, [.tab, .backTab], "Tab", "baca rincian", "read the detail", hint: true),
        KeyBinding(.keyHelp, [.function(1)], "F1", "bantuan", "help", hint: true),
        KeyBinding(.quit, [.ctrl("c")], "Ctrl-C", "keluar (draf disimpan)", "quit (draft kept)"),
        KeyBinding(.newline, [.enter], "Enter", "baris baru", "new line"),
        KeyBinding(.backspace, [.backspace], "Backspace", "hapus ke kiri", "delete to the left"),
        KeyBinding(.delete, [.delete], "Del", "hapus ke kanan", "delete to the right"),
        KeyBinding(.deleteWord, [.ctrl("w")], "Ctrl-W", "hapus satu kata", "delete a word"),
        KeyBinding(.left, [.left], "←", "kiri", "left"),
        KeyBinding(.right, [.right], "→", "kanan", "right"),
        KeyBinding(.wordLeft, [.wordLeft], "Ctrl-←", "satu kata ke kiri", "a word left"),
        KeyBinding(.wordRight, [.wordRight], "Ctrl-→", "satu kata ke kanan", "a word right"),
        KeyBinding(.up, [.up], "↑", "baris sebelumnya", "previous line"),
        KeyBinding(.down, [.down], "↓", "baris berikutnya", "next line"),
        KeyBinding(.lineStart, [.home, .ctrl("a")], "Home", "awal baris", "start of the line"),
        KeyBinding(.lineEnd, [.end], "End", "akhir baris", "end of the line"),
        KeyBinding(.pageUp, [.pageUp], "PgUp", "halaman sebelumnya", "previous page"),
        KeyBinding(.pageDown, [.pageDown], "PgDn", "halaman berikutnya", "next page"),
    ])
}

/// The keys while the composer is open and the detail beside it has the focus.
enum ReadingCommand: CaseIterable, Sendable {
    case write, down, up, pageDown, pageUp, keyHelp

    static let table = KeyTable<ReadingCommand>([
        KeyBinding(.write, [.tab, .backTab, .escape], "Tab/Esc", "kembali menulis", "back to writing", hint: true),
        KeyBinding(.down, [.down, .char("j")], "j/↓", "gulir turun", "scroll down", hint: true),
        KeyBinding(.up, [.up, .char("k")], "k/↑", "gulir naik", "scroll up", hint: true),
        KeyBinding(.pageDown, [.pageDown], "PgDn", "halaman berikutnya", "next page"),
        KeyBinding(.pageUp, [.pageUp], "PgUp", "halaman sebelumnya", "previous page"),
        KeyBinding(.keyHelp, [.function(1), .char("?")], "F1/?", "bantuan", "help", hint: true),
    ])
}

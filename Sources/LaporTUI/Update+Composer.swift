import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Acting: from an action key, through the composer, a picker or a form, to a confirmation and
/// the outbox. Every rule (who may, from which status, which payload) is asked of `Workflow`.

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
        switch key {
        case .escape:
            state.composer = nil
            state.focus = .list
            state.message = c.editor.isBlank ? nil : state.text.draftKept
            return c.loaded ? [.saveDraft(c.pending.draftKey, c.editor.isBlank ? "" : c.editor.text)] : []
        case .tab, .backTab:
            state.focus = .detail
            return []
        case .ctrl("s"):
            guard !c.editor.isBlank else {
                state.message = state.text.fieldProblem("text", .empty)
                return []
            }
            var pending = c.pending
            pending.text = c.editor.text
            c.pending = pending
            state.composer = c
            confirm(.queue(pending), &state)
            return []
        case .ctrl("e"):
            return [.externalEditor(c.editor.text)]
        case .ctrl("c"):
            // Quitting from the composer: the runtime saves the draft on the way out.
            state.quit = true
            return []
        case .ctrl("t"):
            guard !state.templates.isEmpty else {
                state.message = state.text.noTemplates
                return []
            }
            state.mode = .picker(
                Picker(purpose: .template, title: state.text.pickTemplate, options: state.templates.map { .init(id: $0.name, label: $0.name) }))
            return []
        case .char(let ch):
            if !c.editor.insert(String(ch)) { state.message = state.text.textLimitReached }
        case .paste(let s):
            if !c.editor.insert(s) { state.message = state.text.textLimitReached }
        case .enter: c.editor.insert("\n")
        case .backspace: c.editor.backspace()
        case .delete: c.editor.delete()
        case .ctrl("w"): c.editor.deleteWordBackward()
        case .left: c.editor.left()
        case .right: c.editor.right()
        case .wordLeft: c.editor.wordLeft()
        case .wordRight: c.editor.wordRight()
        case .up: c.editor.up(width: width)
        case .down: c.editor.down(width: width)
        case .home, .ctrl("a"): c.editor.lineStart(width: width)
        case .end: c.editor.lineEnd(width: width)
        case .pageUp: c.editor.vertical(-(height - 1), width: width)
        case .pageDown: c.editor.vertical(height - 1, width: width)
        default: return []
        }
        state.composer = followCursor(c, state)
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

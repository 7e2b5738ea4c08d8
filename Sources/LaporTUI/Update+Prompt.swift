import LaporApp
import LaporDomain
import LaporStore
import Terminal

/// The one-line prompts on the hint line: search (`/`), filter (`f`) and a number to open (`g`).
extension Update {
    static func searchKey(_ key: Key, _ typed: String, _ state: inout AppState) -> [Effect] {
        prompt(key, typed, &state, limit: 200, editing: AppState.Mode.searching) { text, state in
            state.search = text.isEmpty ? nil : text
            listChanged(&state)
            return [.reload]
        }
    }

    static func filterKey(_ key: Key, _ typed: String, _ state: inout AppState) -> [Effect] {
        prompt(key, typed, &state, limit: 300, editing: AppState.Mode.filtering) { text, state in
            let text = text.split(separator: " ").joined(separator: " ")
            switch FilterParser.parse(text, units: state.workflow.units, categories: state.workflow.categories) {
            case .success(let filter):
                state.extraFilter = filter
                state.filterText = text.isEmpty ? nil : text
                listChanged(&state)
                return [.reload]
            case .failure(let problem):
                // The prompt stays, with what was typed: words typed again go into it, not to the list.
                state.message = state.text.badFilter(problem.word, allowed: problem.allowed)
                return nil
            }
        }
    }

    /// `g`: a tracking number, opened from the whole store whatever the view.
    static func goToKey(_ key: Key, _ typed: String, _ state: inout AppState) -> [Effect] {
        if case .char(let c) = key, !c.isASCII || !c.isNumber { return [] }
        return prompt(key, typed, &state, limit: 20, editing: AppState.Mode.goingTo) { text, state in
            guard !text.isEmpty else { return [] }
            // Keys typed after Enter act on this report once it is open, not on the list's.
            hold(text, from: nil, &state)
            return [.openReport(text)]
        }
    }

    /// `V`: a name for the view on screen; the same name again replaces it.
    static func nameViewKey(_ key: Key, _ typed: String, _ state: inout AppState) -> [Effect] {
        prompt(key, typed, &state, limit: 40, editing: AppState.Mode.namingView) { text, state in
            let name = text.trimmingCharacters(in: .whitespaces)
            guard SavedView.isValidName(name) else {
                state.message = state.text.badViewName(name)
                return nil
            }
            state.activeSaved = name
            state.message = state.text.viewSaved(name)
            return [.saveView(SavedView(name: name, base: state.view, filter: state.filterText, search: state.search, sort: state.sort))]
        }
    }

    /// Opens a saved view: its base view with its filter words (parsed against today's units),
    /// search and order.
    static func openSaved(_ saved: SavedView, _ state: inout AppState) -> [Effect] {
        var extra = InboxFilter()
        if let words = saved.filter {
            switch FilterParser.parse(words, units: state.workflow.units, categories: state.workflow.categories) {
            case .success(let parsed): extra = parsed
            case .failure(let problem):
                state.message = state.text.badFilter(problem.word, allowed: problem.allowed)
                return []
            }
        }
        state.view = saved.base
        state.extraFilter = extra
        state.filterText = saved.filter
        state.search = saved.search
        state.sort = saved.sort
        state.activeSaved = saved.name
        listChanged(&state)
        state.focus = .list
        return [.reload]
    }

    /// A one-line prompt on the hint line: type, erase, Enter submits (a submission refused keeps
    /// the prompt open, its reason shown), Esc abandons.
    static func prompt(
        _ key: Key, _ typed: String, _ state: inout AppState, limit: Int, editing: (String) -> AppState.Mode,
        submit: (String, inout AppState) -> [Effect]?
    ) -> [Effect] {
        // A prompt keeps the keys until it is closed on purpose: Enter that is taken, or Esc.
        state.message = nil
        switch PromptCommand.table.command(for: key) {
        case .submit:
            state.mode = .normal
            guard let effects = submit(typed, &state) else {
                state.mode = editing(typed)
                return []
            }
            return effects
        case .cancel:
            state.mode = .normal
            return []
        case .erase:
            state.mode = editing(String(typed.dropLast()))
            return []
        case .keyHelp:
            state.keyHelp = .prompt
            return []
        case nil:
            switch key {
            case .char(let c) where typed.count < limit:
                state.mode = editing(typed + String(c))
            case .paste(let s):
                state.mode = editing(typed + Sanitizer.line(s).prefix(max(0, limit - typed.count)))
            default: break
            }
            return []
        }
    }
}

/// The keys of a one-line prompt (search, filter, the original of a duplicate). Any other key types.
enum PromptCommand: CaseIterable, Sendable {
    case submit, cancel, erase, keyHelp

    static let table = KeyTable<PromptCommand>([
        KeyBinding(.submit, [.enter], "Enter", "lanjut", "continue", hint: true),
        KeyBinding(.cancel, [.escape], "Esc", "batal", "cancel", hint: true),
        KeyBinding(.erase, [.backspace], "Backspace", "hapus huruf terakhir", "erase the last letter"),
        KeyBinding(.keyHelp, [.function(1)], "F1", "bantuan", "help"),
    ])
}

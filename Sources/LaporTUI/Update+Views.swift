import LaporDomain
import LaporStore
import Terminal

/// Choosing the list's view (`t`, `[`, `]`) and what a change of list does to the selection.
extension Update {
    /// The list now holds other reports (a search, a filter, another view): the selection starts
    /// at the top and the detail follows it, so that the report shown is the one selected.
    static func listChanged(_ state: inout AppState) {
        state.selected = 0
        state.top = 0
        state.detailPinned = false
    }

    /// The views to choose from: the role's built-in ones, then the user's saved ones with
    /// their counts. An option's id: `view:<name>` or `saved:<name>`.
    static func viewChoices(_ state: AppState) -> [Picker.Option] {
        state.views.map { Picker.Option(id: "view:" + $0.rawValue, label: state.text.viewName($0)) }
            + state.savedViews.map { v in
                Picker.Option(
                    id: "saved:" + v.name, label: Sanitizer.line(v.name) + (state.savedCounts[v.name].map { " (\($0))" } ?? ""),
                    keywords: state.text.savedViewWord)
            }
    }

    static func currentViewChoice(_ state: AppState) -> String {
        state.activeSaved.map { "saved:" + $0 } ?? "view:" + state.view.rawValue
    }

    /// Opens a view chosen by its option id.
    static func chooseView(_ id: String, _ state: inout AppState) -> [Effect] {
        if id.hasPrefix("saved:") {
            let name = String(id.dropFirst(6))
            guard let saved = state.savedViews.first(where: { $0.name == name }) else {
                state.message = state.text.noSavedView
                return []
            }
            return openSaved(saved, &state)
        }
        guard let view = state.views.first(where: { "view:" + $0.rawValue == id }) else { return [] }
        if state.activeSaved != nil {
            // Leaving a saved view leaves its filter, search and order with it.
            state.activeSaved = nil
            state.filterText = nil
            state.extraFilter = InboxFilter()
            state.search = nil
            state.sort = nil
        }
        state.view = view
        listChanged(&state)
        state.focus = .list
        return [.reload]
    }

    static func scrollDetail(_ state: inout AppState, by delta: Int) -> [Effect] {
        state.detailScroll = max(0, state.detailScroll + delta)
        return []
    }

    static func clampScroll(_ state: inout AppState) {
        // Leaving the visible rows scrolls by half a page, not one line: over SSH a one-line scroll
        // repaints the whole list pane on every key, a half-page jump once in half a page.
        let visible = state.listRows
        if state.selected < state.top { state.top = state.selected - visible / 2 }
        if state.selected >= state.top + visible { state.top = state.selected - visible / 2 }
        state.top = max(0, min(state.top, max(0, state.total - visible)))
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard state.total > 0 else { return [] }
        let next = min(max(0, state.selected + delta), state.total - 1)
        guard next != state.selected else { return [] }
        state.selected = next
        state.detailPinned = false
        clampScroll(&state)
        // Outside the loaded window: load the window around the new position first.
        let end = min(state.total, state.top + state.listRows)
        if state.top < state.rowsOffset || end > state.rowsOffset + state.rows.count { return [.reload] }
        return selectionEffects(state)
    }
}

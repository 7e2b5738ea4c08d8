import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Acting: from an action key, through the composer, a picker or a form, to a confirmation and
/// the outbox. Every rule (who may, from which status, which payload) is asked of `Workflow`.

extension Update {
    static func outboxKey(_ key: Key, _ browser: OutboxBrowser, _ state: inout AppState) -> [Effect] {
        var b = browser
        let text = state.text
        switch key {
        case .escape, .char("q"), .char("o"):
            state.mode = .normal
            return []
        case .down, .char("j"): b.selected = min(b.selected + 1, max(0, b.items.count - 1))
        case .up, .char("k"): b.selected = max(0, b.selected - 1)
        case .enter, .char("e"):
            guard let item = b.current else { return [] }
            guard item.state == .conflict || item.state == .failed else {
                state.message = text.notRetryable(item.id, text.outboxState(item.state))
                return []
            }
            guard item.request.text != nil else {
                state.message = text.noTextToEdit
                return []
            }
            var pending = PendingAction(type: item.type, reportIds: [item.reportId])
            pending.payload = item.request
            pending.retryOf = item.id
            var composer = Composer(pending: pending, text: item.request.text ?? "")
            composer.loaded = true
            state.composer = composer
            state.focus = .composer
            state.mode = .normal
            return []
        case .char("r"):
            guard let item = b.current, item.state == .conflict || item.state == .failed else {
                state.message = b.current.map { text.notRetryable($0.id, text.outboxState($0.state)) }
                return []
            }
            confirm(.requeue(item.id), &state)
            return []
        case .char("x"):
            guard let item = b.current, item.state != .sent, item.state != .discarded else {
                state.message = b.current.map { text.notRetryable($0.id, text.outboxState($0.state)) }
                return []
            }
            confirm(.discard(item.id), &state)
            return []
        default:
            return []
        }
        state.mode = .outbox(b)
        return []
    }
}

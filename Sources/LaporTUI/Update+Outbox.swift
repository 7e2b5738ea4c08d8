import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// The outbox browser: what is waiting, sent, refused; edit, queue again or discard.

extension Update {
    static func outboxKey(_ key: Key, _ browser: OutboxBrowser, _ state: inout AppState) -> [Effect] {
        var b = browser
        let text = state.text
        switch OutboxCommand.table.command(for: key) {
        case .close:
            state.mode = .normal
            return []
        case .down: b.selected = min(b.selected + 1, max(0, b.items.count - 1))
        case .up: b.selected = max(0, b.selected - 1)
        case .edit:
            guard let item = b.current else { return [] }
            guard item.state.isRetryable else {
                state.message = text.notChangeable(item.type, reportId: item.reportId, state: text.outboxState(item.state))
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
        case .requeue:
            // The rules are asked again on the stored report when it is queued (`ActionDesk.retry`).
            confirmItem(b.current, allowed: \.isRetryable, then: Confirmed.requeue, line: text.confirmRequeue, &state)
            return []
        case .discard:
            confirmItem(b.current, allowed: \.isDiscardable, then: Confirmed.discard, line: text.confirmDiscard, &state)
            return []
        case .keyHelp:
            state.keyHelp = .outbox
            return []
        case nil:
            return []
        }
        state.mode = .outbox(b)
        return []
    }
}

extension Update {
    /// "Are you sure?" for an outbox item, naming its action and report, when its state allows
    /// it; else why not.
    static func confirmItem(
        _ item: OutboxItem?, allowed: (OutboxItem.State) -> Bool, then: (String) -> Confirmed,
        line: (ActionType, String) -> String, _ state: inout AppState
    ) {
        let text = state.text
        guard let item else { return }
        guard allowed(item.state) else {
            state.message = text.notChangeable(item.type, reportId: item.reportId, state: text.outboxState(item.state))
            return
        }
        state.mode = .confirm(
            Confirmation(then: then(item.id), lines: [line(item.type, item.reportId), "", confirmKeysLine(state)], reportId: item.reportId))
    }
}

/// The outbox browser's keys.
enum OutboxCommand: CaseIterable, Sendable {
    case down, up, edit, requeue, discard, close, keyHelp

    static let table = KeyTable<OutboxCommand>([
        KeyBinding(.down, [.down, .char("j")], "j/↓", "berikutnya", "next"),
        KeyBinding(.up, [.up, .char("k")], "k/↑", "sebelumnya", "previous"),
        KeyBinding(.edit, [.enter, .char("e")], "Enter/e", "sunting dan kirim ulang", "edit and queue again", hint: true),
        KeyBinding(.requeue, [.char("r")], "r", "kirim ulang apa adanya", "queue again as is", hint: true),
        KeyBinding(.discard, [.char("x")], "x", "batalkan", "discard", hint: true),
        KeyBinding(.close, [.escape, .char("q"), .char("o")], "Esc", "tutup", "close", hint: true),
        KeyBinding(.keyHelp, [.function(1), .char("?")], "F1/?", "bantuan", "help", hint: true),
    ])
}

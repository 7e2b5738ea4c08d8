import LaporDomain
import Terminal

/// Keys that wait for their report, and boxes that hold the keys until closed (issue 25): what
/// the officer types acts on the report meant, never on whatever happens to be selected.
extension Update {
    /// Keys held until report `id` was there (`AppState.awaiting`) act now, in order.
    static func release(_ id: String, _ state: inout AppState) -> [Effect] {
        guard state.awaiting == id else { return [] }
        state.awaiting = nil
        state.awaitingSince = nil
        let keys = state.heldKeys
        state.heldKeys = []
        return keys.flatMap { handle($0, &state) }
    }

    /// Holds the keys from `key` on until report `id` is loaded.
    static func hold(_ id: String, from key: Key?, _ state: inout AppState) {
        state.awaiting = id
        state.awaitingSince = state.now
        state.heldKeys = key.map { [$0] } ?? []
    }

    /// A line to read, in a box that holds the keys until it is closed on purpose (Esc, Enter):
    /// a refusal never hands the rest of a typed word to the list.
    static func notice(_ line: String, _ state: inout AppState) -> [Effect] {
        state.mode = .notice([line, "", state.text.overlayCloses])
        return []
    }
}

import Foundation
import LaporDomain
import LaporStore

/// Typing reaches the store at most half a second late (the loop also saves whenever it waits
/// for a key), so a kill or a dropped SSH link loses less than a second of it.
struct Autosave {
    var saved: (key: DraftKey, text: String)?
    var last = Date.distantPast
    static let interval = 0.5

    mutating func tick(_ composer: Composer?, store: CaseStore, at now: Timestamp, force: Bool = false) {
        guard let composer, composer.loaded else { return }
        let key = composer.pending.draftKey
        let text = composer.editor.isBlank ? "" : composer.editor.text
        if let saved, saved.key == key, saved.text == text { return }
        if saved == nil && text.isEmpty { return }
        guard force || Date().timeIntervalSince(last) >= Self.interval || saved?.key != key else { return }
        try? store.saveDraft(key, text: text, at: now)
        saved = (key, text)
        last = Date()
    }

    mutating func flush(_ composer: Composer?, store: CaseStore, at now: Timestamp) { tick(composer, store: store, at: now, force: true) }
}

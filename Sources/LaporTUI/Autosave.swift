import Foundation
import LaporDomain
import LaporStore

/// Typing reaches the store at most half a second late (the loop also saves whenever it waits
/// for a key), so a kill or a dropped SSH link loses less than a second of it.
struct Autosave {
    var saved: (key: DraftKey, text: String)?
    var last = Date.distantPast
    static let interval = 0.5

    /// Saves the composer's text through `save` when it changed and is due.
    mutating func tick(_ composer: Composer?, at now: Timestamp, force: Bool = false, save: (DraftKey, String, Timestamp) -> Void) {
        guard let composer, composer.loaded else { return }
        let key = composer.pending.draftKey
        let text = composer.editor.isBlank ? "" : composer.editor.text
        if let saved, saved.key == key, saved.text == text { return }
        if saved == nil && text.isEmpty { return }
        guard force || Date().timeIntervalSince(last) >= Self.interval || saved?.key != key else { return }
        save(key, text, now)
        saved = (key, text)
        last = Date()
    }

    mutating func flush(_ composer: Composer?, at now: Timestamp, save: (DraftKey, String, Timestamp) -> Void) {
        tick(composer, at: now, force: true, save: save)
    }
}

import Foundation
import LaporDomain
import LaporStore
import Terminal

/// The composer pane: a text for a follow-up, an information request, a return or a hold.
public struct Composer: Equatable, Sendable {
    public var pending: PendingAction
    public var editor: Editor
    /// The first wrapped line shown.
    public var scroll = 0
    /// True once the stored draft (if any) has been read: autosave waits for it, so that an
    /// empty editor never overwrites a draft that is still loading.
    public var loaded = false

    public init(pending: PendingAction, text: String = "") {
        self.pending = pending
        editor = Editor(text)
    }
}

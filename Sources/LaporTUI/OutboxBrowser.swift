import Foundation
import LaporDomain
import LaporStore
import Terminal

/// The outbox overlay: every item, newest first, and the selected one in full.
public struct OutboxBrowser: Equatable, Sendable {
    public var items: [OutboxItem]
    public var selected = 0

    public init(items: [OutboxItem]) { self.items = items }

    public var current: OutboxItem? { items.indices.contains(selected) ? items[selected] : nil }
}

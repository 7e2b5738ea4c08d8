import Foundation
import LaporDomain
import LaporStore
import Terminal

/// What a confirmation carries out.
public enum Confirmed: Equatable, Sendable {
    case queue(PendingAction)
    /// Queue a conflicted or failed outbox item again, unchanged.
    case requeue(String)
    /// Give an outbox item up.
    case discard(String)
}

public struct Confirmation: Equatable, Sendable {
    public var then: Confirmed
    public var lines: [String]
}

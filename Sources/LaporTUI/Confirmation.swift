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
    /// Put a report's draft on the terminal's clipboard (an offline profile's `y`).
    case copy(reportId: String, text: String)
}

public struct Confirmation: Equatable, Sendable {
    public var then: Confirmed
    public var lines: [String]
    /// Texts shown highlighted wherever the lines hold them (personal data found in the text).
    public var highlights: [String] = []
    /// Whether y must be pressed twice (the text holds personal data on a report that hides its
    /// reporter: issue 16).
    public var asksAgain = false

    /// The report an outbox item's confirmation is about (its item id is not the tracking id).
    public var reportId: String?

    /// The tracking ids the confirmation acts on, for its heading (issue 25: shown prominently,
    /// so that y is pressed on the report meant).
    public var subjects: [String] {
        switch then {
        case .queue(let pending): return pending.reportIds
        case .copy(let id, _): return [id]
        case .requeue, .discard: return reportId.map { [$0] } ?? []
        }
    }

    /// Whether y puts a draft on the clipboard rather than something in the outbox.
    public var isCopy: Bool {
        if case .copy = then { return true }
        return false
    }
}

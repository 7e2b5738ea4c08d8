import Foundation
import LaporDomain
import LaporStore
import Terminal

/// What the outbox said to a queuing: per report, queued or refused and why.
public struct QueueResult: Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case refusal(Refusal)
        case notInStore
        /// The same action already waits in the outbox (that item's id).
        case alreadyQueued(String)
        case failed(String)
    }

    public struct Refused: Equatable, Sendable {
        public var reportId: String
        public var problem: Problem
    }

    public var pending: PendingAction
    public var queued: [String] = []
    public var refused: [Refused] = []

    public init(pending: PendingAction) { self.pending = pending }
}

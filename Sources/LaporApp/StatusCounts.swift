import LaporDomain
import LaporStore

/// The status bar's figures: what the rulebook's instants say at `now`, counted by the store.
public struct StatusCounts: Equatable, Sendable {
    public var overdue = 0
    public var dueToday = 0
    public var dueSoon = 0
    /// Queued, in conflict or failed: what still needs the user or a sync.
    public var outbox = 0
    public var lastSync: Timestamp?

    public init() {}

    /// Counts from the store's decided columns (the same ones the views read).
    public static func of(_ store: CaseStore, at now: Timestamp) throws -> StatusCounts {
        var counts = StatusCounts()
        counts.overdue = try store.count(ReportView.overdue.filter(at: now))
        counts.dueToday = try store.count(.dueToday(at: now))
        counts.dueSoon = try store.count(ReportView.dueSoon.filter(at: now))
        let outbox = try store.outboxCounts()
        counts.outbox = (outbox[.queued] ?? 0) + (outbox[.conflict] ?? 0) + (outbox[.failed] ?? 0)
        counts.lastSync = try store.lastSync()
        return counts
    }
}

import LaporDomain

/// The named lists of each role: what the TUI's number keys and `lapor list --view` show.
public enum ReportView: String, CaseIterable, Sendable {
    /// Liaison: reports waiting for the unit's follow-up (dispatched, replied), by deadline.
    case inbox
    /// Liaison: waiting for the reporter (information requested, followed up).
    case waiting
    /// Liaison: closed and archived.
    case done
    /// Admin: the verification queue (submitted, held), by verification deadline.
    case queue
    /// Admin: verified, ready to dispatch.
    case ready
    /// Supervisor: open reports past their deadline.
    case overdue
    /// Supervisor: in the policy's "due soon" band, not yet overdue, on a clock people owe.
    case dueSoon = "due-soon"
    /// Every role: in the escalation warning or escalated (v1.1 item 6), oldest first.
    case escalating
    /// Supervisor: escalated (the 61st calendar day since submission has begun).
    case escalated
    /// Everything in the store.
    case all
    /// Reports read from an export whose status label lapor does not know (`ReportStatus.unknown`).
    case unknown

    /// The views a role works with, in key order (1, 2, 3…), then `all`.
    public static func views(for role: Role) -> [ReportView] {
        switch role {
        case .liaison: [.inbox, .waiting, .done, .escalating, .all]
        case .admin: [.queue, .ready, .overdue, .escalating, .all]
        case .supervisor: [.overdue, .dueSoon, .escalating, .escalated, .all]
        }
    }

    /// The filter of this view at `now`: plain comparisons with the instants the rulebook wrote
    /// for each report (`DeadlineRules.instants(for:)`), so that every surface agrees.
    public func filter(at now: Timestamp) -> InboxFilter {
        let open: Set<ReportStatus> = Set(ReportStatus.allCases.filter { !$0.isFinal })
        switch self {
        case .inbox: return InboxFilter(statuses: [.dispatched, .replied])
        case .waiting: return InboxFilter(statuses: [.infoRequested, .followedUp])
        case .done: return InboxFilter(statuses: [.closed, .archived])
        case .queue: return InboxFilter(statuses: [.submitted, .held])
        case .ready: return InboxFilter(statuses: [.verified])
        case .overdue: return InboxFilter(statuses: open, dueBefore: now.adding(seconds: -1))
        // People's deadlines only: a followed-up report's auto-close is the system's clock.
        case .dueSoon: return InboxFilter(statuses: DeadlineRules.owedStatuses, dueSoonAt: now)
        case .escalating: return InboxFilter(statuses: open, warnedAt: now)
        case .escalated: return InboxFilter(statuses: open, escalatedAt: now)
        case .all: return InboxFilter()
        case .unknown: return InboxFilter(statuses: [.unknown])
        }
    }

    /// The order a view is read in.
    public var defaultSort: InboxSort {
        switch self {
        case .done, .all, .unknown: .id
        // The reports that cross day 61 soonest first.
        case .escalated, .escalating: .escalation
        case .overdue: .unit
        default: .due
        }
    }
}

extension InboxFilter {
    /// True when the filter holds a search and nothing else (the "all" view's search).
    var onlySearch: Bool {
        var other = self
        other.search = nil
        return other == InboxFilter()
    }

    /// A view's filter narrowed by the words of `f` (statuses intersect; the rest are `extra`'s).
    public func narrowed(by extra: InboxFilter) -> InboxFilter {
        var f = self
        if let s = extra.statuses { f.statuses = f.statuses.map { $0.intersection(s) } ?? s }
        f.kinds = extra.kinds
        f.channels = extra.channels
        f.categoryIds = extra.categoryIds
        f.unitIds = extra.unitIds
        f.privacies = extra.privacies
        return f
    }

    /// Open reports due today (in each report's own zone) at `now`: the status bar's count.
    public static func dueToday(at now: Timestamp) -> InboxFilter {
        InboxFilter(statuses: Set(ReportStatus.allCases.filter { !$0.isFinal }), dueTodayAt: now)
    }
}

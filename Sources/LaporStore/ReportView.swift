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
    /// Supervisor: due within two working days, not yet overdue.
    case dueSoon = "due-soon"
    /// Supervisor: open and older than the escalation limit (60 calendar days).
    case escalated
    /// Everything in the store.
    case all

    /// The views a role works with, in key order (1, 2, 3…), then `all`.
    public static func views(for role: Role) -> [ReportView] {
        switch role {
        case .liaison: [.inbox, .waiting, .done, .all]
        case .admin: [.queue, .ready, .overdue, .all]
        case .supervisor: [.overdue, .dueSoon, .escalated, .all]
        }
    }

    /// The filter of this view at `now`.
    public func filter(at now: Timestamp, calendar: WorkingCalendar, policy: SlaPolicy) -> InboxFilter {
        let open: Set<ReportStatus> = Set(ReportStatus.allCases.filter { !$0.isFinal })
        switch self {
        case .inbox: return InboxFilter(statuses: [.dispatched, .replied])
        case .waiting: return InboxFilter(statuses: [.infoRequested, .followedUp])
        case .done: return InboxFilter(statuses: [.closed, .archived])
        case .queue: return InboxFilter(statuses: [.submitted, .held])
        case .ready: return InboxFilter(statuses: [.verified])
        case .overdue: return InboxFilter(statuses: open, dueBefore: now.adding(seconds: -1))
        case .dueSoon:
            let limit = (try? calendar.due(after: now, workingDays: 2, in: .wib).at) ?? now.adding(seconds: 2 * 86_400)
            return InboxFilter(statuses: open, dueBefore: limit, dueAfter: now.adding(seconds: -1))
        case .escalated:
            let today = now.in(.wib).localDate
            let cutoff = Timestamp.startOfDay(today.adding(days: -policy.escalationCalendarDays), in: .wib)
            return InboxFilter(statuses: open, submittedBefore: cutoff)
        case .all: return InboxFilter()
        }
    }

    /// The order a view is read in.
    public var defaultSort: InboxSort {
        switch self {
        case .done, .all: .id
        case .escalated: .age
        case .overdue: .unit
        default: .due
        }
    }
}

/// Which clock runs in each status and from which event (contract: the `due_at` column).
public struct DeadlineRules: Sendable {
    public enum Clock: String, Hashable, Sendable {
        /// The admin verifies: submitted + `verify_working_days`.
        case verification
        /// The unit follows up: dispatch or reporter reply + `followup_working_days`.
        case followUp
        /// The system closes a followed-up report: follow-up + `autoclose_working_days`.
        case autoClose
        /// The system archives a held report or an unanswered request: + `info_wait_working_days`.
        case systemArchive
    }

    public let policy: SlaPolicy
    public let calendar: WorkingCalendar
    public let units: UnitTree

    public init(policy: SlaPolicy, calendar: WorkingCalendar, units: UnitTree) {
        self.policy = policy
        self.calendar = calendar.with(skipsCutiBersama: policy.skipCutiBersama)
        self.units = units
    }

    /// The clock of a status; nil for closed and archived reports.
    public static func clock(for status: ReportStatus) -> Clock? {
        switch status {
        case .submitted, .verified: .verification
        case .dispatched, .replied: .followUp
        case .followedUp: .autoClose
        case .held, .infoRequested: .systemArchive
        case .closed, .archived: nil
        }
    }

    /// How many working days a clock runs under the policy.
    public func workingDays(for clock: Clock) -> Int {
        switch clock {
        case .verification: policy.verifyWorkingDays
        case .followUp: policy.followupWorkingDays
        case .autoClose: policy.autocloseWorkingDays
        case .systemArchive: policy.infoWaitWorkingDays
        }
    }

    /// The running deadline of a report, in its unit's zone (WIB for the national queue).
    ///
    /// The anchor: submission for verification (a hold and a reply do not restart it); the
    /// latest dispatch for the follow-up (forwarding never moves it, a return and a new dispatch
    /// start a new one); the latest reporter reply while `replied`; the latest follow-up for the
    /// auto-close; the latest hold or information request for the system archive.
    public func due(for report: Report) -> Deadline? {
        guard let clock = Self.clock(for: report.status) else { return nil }
        let zone = units.zone(of: report.unitId)
        let days = workingDays(for: clock)
        let anchor: Timestamp
        func latest(_ type: TimelineEvent.EventType) -> Timestamp {
            report.timeline.last { $0.type == type }?.at ?? report.updatedAt
        }
        switch (clock, report.status) {
        case (.verification, _): anchor = report.submittedAt
        case (.followUp, .replied): anchor = latest(.reporterReply)
        case (.followUp, _): anchor = latest(.dispatched)
        case (.autoClose, _): anchor = latest(.followup)
        case (.systemArchive, .held): anchor = latest(.held)
        case (.systemArchive, _): anchor = latest(.infoRequested)
        }
        return try? calendar.due(after: anchor, workingDays: days, in: zone)
    }

    /// Escalation: an unfinished report more than `escalation_calendar_days` calendar days old
    /// (counted between local dates in the report's zone) may be taken over by the Ombudsman.
    public func isEscalated(_ report: Report, at now: Timestamp) -> Bool {
        guard !report.status.isFinal else { return false }
        let zone = units.zone(of: report.unitId)
        let age = now.in(zone).localDate.dayNumber - report.submittedAt.in(zone).localDate.dayNumber
        return age > policy.escalationCalendarDays
    }
}

/// Who sees which reports (contract: visibility rules).
public enum Visibility {
    /// The national admin sees everything; an agency admin the reports routed to the agency's
    /// subtree; liaisons and supervisors the reports in their unit subtree once dispatched.
    public static func canSee(status: ReportStatus, unitId: String?, withUnit: Bool, user: User, units: UnitTree) -> Bool {
        switch user.role {
        case .admin:
            guard let root = user.unitId else { return true }
            return unitId.map { units.isInSubtree($0, of: root) } ?? false
        case .liaison, .supervisor:
            guard withUnit, let root = user.unitId, let unitId else { return false }
            return units.isInSubtree(unitId, of: root)
        }
    }
}

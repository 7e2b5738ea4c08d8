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
        case .closed, .archived, .unknown: nil
        }
    }

    /// Whether people owe the clock's deadline (the admin's verification, the unit's follow-up),
    /// not the system (auto-close, archive after a wait): what "due soon" counts (issue 25).
    public static func owedByPeople(_ clock: Clock) -> Bool { clock == .verification || clock == .followUp }

    /// The statuses whose running clock people owe (`owedByPeople`).
    public static let owedStatuses: Set<ReportStatus> = Set(
        ReportStatus.allCases.filter { status in clock(for: status).map(owedByPeople) ?? false })

    /// How many working days a clock runs under the policy, for a report of `kind`.
    public func workingDays(for clock: Clock, kind: ReportKind = .pengaduan) -> Int {
        switch clock {
        case .verification: policy.verifyWorkingDays
        case .followUp: policy.followupWorkingDays(for: kind)
        case .autoClose: policy.autocloseWorkingDays
        case .systemArchive: policy.infoWaitWorkingDays
        }
    }

    /// The running deadline of a report, in its unit's zone (WIB for the national queue).
    ///
    /// The anchor: submission for verification (a hold and a reply do not restart it); for the
    /// follow-up, the first dispatch into the report's current agency (v1.1 item 4: forwarding
    /// inside the agency, or a return and a new dispatch to the same agency, never moves it; a
    /// dispatch into another agency starts it afresh); the latest reporter reply while
    /// `replied`; the latest follow-up for the auto-close; the latest hold or information request
    /// for the system archive.
    ///
    /// A report read from a spreadsheet export has no timeline (`Report.isFromExport`): its
    /// verification clock runs from submission as always; a dispatched one's follow-up deadline
    /// is *estimated* — the verification deadline (the latest the dispatch could have come), plus
    /// the follow-up period, marked `isEstimated`; the other clocks' events are not in the
    /// export, so those reports have no deadline rather than a guessed one.
    public func due(for report: Report) -> Deadline? {
        guard let clock = Self.clock(for: report.status) else { return nil }
        let zone = units.zone(of: report.unitId)
        let days = workingDays(for: clock, kind: report.kind)
        if report.isFromExport {
            switch clock {
            case .verification: return try? calendar.due(after: report.submittedAt, workingDays: days, in: zone)
            case .followUp where report.status == .dispatched:
                guard let verified = try? calendar.due(after: report.submittedAt, workingDays: workingDays(for: .verification), in: zone),
                    var due = try? calendar.due(after: verified.at, workingDays: days, in: zone)
                else { return nil }
                due.isEstimated = true
                due.missingYears = Array(Set(due.missingYears + verified.missingYears)).sorted()
                due.provisionalYears = Array(Set(due.provisionalYears + verified.provisionalYears)).sorted()
                return due
            default: return nil
            }
        }
        let anchor: Timestamp
        func latest(_ type: TimelineEvent.EventType) -> Timestamp {
            report.timeline.last { $0.type == type }?.at ?? report.updatedAt
        }
        switch (clock, report.status) {
        case (.verification, _): anchor = report.submittedAt
        case (.followUp, .replied): anchor = latest(.reporterReply)
        case (.followUp, _): anchor = agencyDispatch(of: report) ?? latest(.dispatched)
        case (.autoClose, _): anchor = latest(.followup)
        case (.systemArchive, .held): anchor = latest(.held)
        case (.systemArchive, _): anchor = latest(.infoRequested)
        }
        return try? calendar.due(after: anchor, workingDays: days, in: zone)
    }

    /// The first dispatch into the report's current agency since it last came from another one.
    func agencyDispatch(of report: Report) -> Timestamp? {
        guard let current = report.unitId.flatMap({ units.agency(of: $0)?.id }) else { return nil }
        var anchor: Timestamp?
        for event in report.timeline where event.type == .dispatched {
            let agency = event.unitId.flatMap { units.agency(of: $0)?.id }
            if agency == current {
                if anchor == nil { anchor = event.at }
            } else {
                anchor = nil
            }
        }
        return anchor
    }

    /// Every instant the rules decide for a report: the deadline and whether it is provisional,
    /// when it becomes due soon and due today, when the escalation warning starts and when the
    /// report escalates. The server puts them on the wire; the store keeps them as columns; every
    /// list, count, detail and marker reads them.
    public func instants(for report: Report) -> DecidedInstants {
        var out = DecidedInstants()
        if let due = due(for: report) { out = instants(of: due) }
        if !report.status.isFinal, report.status != .unknown {
            let zone = units.zone(of: report.unitId)
            let day = report.submittedAt.in(zone).localDate
            out.escalatesAt = Timestamp.startOfDay(day.adding(days: policy.escalationCalendarDays + 1), in: zone)
            out.escalationWarningAt = Timestamp.startOfDay(
                day.adding(days: policy.escalationCalendarDays + 1 - policy.escalationWarningDays), in: zone)
        }
        return out
    }

    /// The instants that follow from a deadline alone (due today, due soon, provisional).
    public func instants(of due: Deadline) -> DecidedInstants {
        var out = instants(dueAt: due.at, in: due.zone)
        out.dueProvisional = due.isProvisional || due.isEstimated
        out.dueEstimated = due.isEstimated
        out.provisionalYears = (due.missingYears + due.provisionalYears).sorted()
        return out
    }

    /// The due-today and due-soon instants of a deadline at `dueAt` in `zone`.
    public func instants(dueAt: Timestamp, in zone: IndonesianTimeZone) -> DecidedInstants {
        var out = DecidedInstants()
        out.dueAt = dueAt
        let day = dueAt.in(zone).localDate
        out.dueTodayFrom = Timestamp.startOfDay(day, in: zone)
        out.dueSoonFrom = dueSoonFrom(day, in: zone, dueAt: dueAt)
        return out
    }

    /// The instant from which at most `due_soon_working_days` working days are left: the end of
    /// the working day that many working days before the deadline's day.
    func dueSoonFrom(_ dueDay: LocalDate, in zone: IndonesianTimeZone, dueAt: Timestamp) -> Timestamp {
        var day = dueDay
        var left = policy.dueSoonWorkingDays
        guard left > 0 else { return dueAt }
        // Walk back over working days (a few, bounded by the supported range).
        while left > 0 {
            day = day.adding(days: -1)
            if calendar.isWorkingDay(day) { left -= 1 }
            if day.year < WorkingCalendar.supportedYears.lowerBound { break }
        }
        return Timestamp.startOfDay(day.adding(days: 1), in: zone)
    }
}

/// What the rules decided for one report (contract v1.1 item 6), and the questions every
/// surface asks of it at an instant. Nil instants: no running clock, or closed/archived.
public struct DecidedInstants: Hashable, Sendable {
    public var dueAt: Timestamp?
    /// The deadline may still move: it counts days of a year whose holiday decree is provisional
    /// or missing, or it is estimated (`dueEstimated`; never on the wire, whose reports are never
    /// read from an export).
    public var dueProvisional = false
    /// The deadline is estimated: a report read from an export, whose dispatch date the export
    /// does not carry (`due(for:)`).
    public var dueEstimated = false
    /// Those years.
    public var provisionalYears: [Int] = []
    /// 00:00:00 of the deadline's day, in the report's zone.
    public var dueTodayFrom: Timestamp?
    /// From here at most `due_soon_working_days` working days are left.
    public var dueSoonFrom: Timestamp?
    /// `escalation_warning_days` before `escalatesAt`.
    public var escalationWarningAt: Timestamp?
    /// 00:00:00 of calendar day D+61 in the report's zone (D: the local day of submission).
    public var escalatesAt: Timestamp?

    public init() {}

    public func isOverdue(at now: Timestamp) -> Bool { dueAt.map { now > $0 } ?? false }
    public func isDueToday(at now: Timestamp) -> Bool {
        guard let dueAt, let from = dueTodayFrom else { return false }
        return now >= from && now <= dueAt
    }
    public func isDueSoon(at now: Timestamp) -> Bool {
        guard let dueAt, let from = dueSoonFrom else { return false }
        return now >= from && now <= dueAt
    }
    public func isEscalated(at now: Timestamp) -> Bool { escalatesAt.map { now >= $0 } ?? false }
    /// In the warning period, not yet escalated.
    public func isEscalating(at now: Timestamp) -> Bool {
        guard let warning = escalationWarningAt, let escalates = escalatesAt else { return false }
        return now >= warning && now < escalates
    }
    /// From the warning on, escalated or not: the `⚑` of lists and the "Menjelang Eskalasi" view.
    public func isFlaggedForEscalation(at now: Timestamp) -> Bool { escalationWarningAt.map { now >= $0 } ?? false }

    /// Calendar days until the day it escalates, in the report's zone (1 on the eve), nil when
    /// not in the warning period.
    public func daysToEscalation(at now: Timestamp) -> Int? {
        guard isEscalating(at: now), let escalates = escalatesAt else { return nil }
        let today = Timestamp(epochSeconds: now.epochSeconds, offsetSeconds: escalates.offsetSeconds).localDate
        return escalates.localDate.dayNumber - today.dayNumber
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

/// The LAPOR! state machine: the one place that decides whether an action is allowed and what
/// it does to a report. The reference server applies it; the client asks it before queuing.
public struct Workflow: Sendable {
    public let units: UnitTree
    public let policy: SlaPolicy
    public let calendar: WorkingCalendar
    /// Known categories, to check a `verify` correction; nil skips that check.
    public let categories: CategoryTree?

    public init(units: UnitTree, policy: SlaPolicy = .standard, calendar: WorkingCalendar, categories: CategoryTree? = nil) {
        self.units = units
        self.policy = policy
        self.calendar = calendar.with(skipsCutiBersama: policy.skipCutiBersama)
        self.categories = categories
    }

    /// Whether `user` may see `report` at all.
    public func canSee(_ report: Report, user: User) -> Bool {
        Visibility.canSee(status: report.status, unitId: report.unitId, withUnit: report.isWithUnit, user: user, units: units)
    }

    /// Checks an action against role, scope, status and payload, in that order.
    public func check(_ request: ActionRequest, by user: User, on report: Report) -> Refusal? {
        let rule = ActionRule.rule(for: request.type)
        if user.role == .supervisor { return .readOnlyRole }
        guard rule.roles.contains(user.role) else { return .roleNotAllowed(request.type, user.role) }
        guard inScope(report, user: user) else { return .outsideScope(reportUnitId: report.unitId) }
        guard rule.from.contains(report.status) else { return .statusNotAllowed(request.type, report.status) }
        return PayloadRules(units: units, categories: categories).check(request, by: user, on: report)
    }

    /// Contract v1.1 item 5: the original a duplicate names must exist and be the user's to see;
    /// a report the user may not see is answered as if it did not exist. `original` is the
    /// report looked up by `request.duplicateOf` (nil when there is none).
    public func checkOriginal(of request: ActionRequest, _ original: Report?, by user: User) -> Refusal? {
        guard request.type == .archive, request.reason == .duplicate, let id = request.duplicateOf else { return nil }
        guard let original, canSee(original, user: user) else { return .invalid(field: "duplicate_of", problem: .noSuchReport(id)) }
        return nil
    }

    /// Everything `check` asks, then the original of a duplicate, looked up with `lookup`.
    public func check(_ request: ActionRequest, by user: User, on report: Report, lookup: (String) -> Report?) -> Refusal? {
        if let refusal = check(request, by: user, on: report) { return refusal }
        return checkOriginal(of: request, request.duplicateOf.flatMap(lookup), by: user)
    }

    /// The actions `user` could take on `report` now (ignoring payload), for menus and help.
    public func availableActions(for report: Report, user: User) -> [ActionType] {
        guard user.role != .supervisor, inScope(report, user: user) else { return [] }
        return ActionRule.actions(for: user.role).filter { ActionRule.rule(for: $0).from.contains(report.status) }
    }

    /// Whether the report lies where `user` may act: an admin's agency subtree (everything for
    /// the national admin), a liaison's unit subtree.
    public func inScope(_ report: Report, user: User) -> Bool {
        switch user.role {
        case .admin:
            guard let root = user.unitId else { return true }
            guard let unit = report.unitId else { return false }
            return units.isInSubtree(unit, of: root)
        case .liaison, .supervisor:
            guard let root = user.unitId, let unit = report.unitId, report.isWithUnit else { return false }
            return units.isInSubtree(unit, of: root)
        }
    }

    /// Applies an allowed action: the new report with its status, label, unit, deadline,
    /// timeline event and version. Event ids follow `TimelineEvent.id(for:index:)`.
    public func apply(_ request: ActionRequest, by user: User, to report: Report, at now: Timestamp) -> Result<Report, Refusal> {
        if let refusal = check(request, by: user, on: report) { return .failure(refusal) }
        let rule = ActionRule.rule(for: request.type)
        var next = report
        var eventUnit: String? = nil
        switch request.type {
        case .verify:
            if let kind = request.kind { next.kind = kind }
            if let category = request.categoryId { next.categoryId = category }
            if let privacy = request.privacy { next.privacy = privacy }
            if let title = request.title { next.title = TextRules.normalised(title).trimmingWhitespace }
        case .archive:
            next.archiveReason = request.reason
            next.duplicateOf = request.reason == .duplicate ? request.duplicateOf : nil
        case .dispatch, .forward:
            next.unitId = request.unitId
            eventUnit = request.unitId
        case .return:
            next.unitId = nil
        case .hold, .followup, .requestInfo, .close:
            break
        }
        if let to = rule.to { next.status = to }
        let event = TimelineEvent(
            id: TimelineEvent.id(for: report, index: report.timeline.count + 1), type: rule.event, at: now, actor: user.actor,
            text: request.text.map { TextRules.normalised($0).trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 },
            unitId: eventUnit)
        next.timeline.append(event)
        return .success(settle(next, at: now))
    }

    /// A citizen's answer (`POST /reports/{id}/replies`): a reply turns `followed_up` and
    /// `info_requested` into `replied` and `held` into `submitted`; a rating (1 to 5) is kept
    /// once the report has a follow-up. Nil when the report takes no reply in its state.
    public func reporterReply(to report: Report, text: String?, rating: Int?, at now: Timestamp) -> Report? {
        var next = report
        let trimmed = text.map { TextRules.normalised($0).trimmingWhitespace } ?? ""
        var changed = false
        if !trimmed.isEmpty {
            switch report.status {
            case .followedUp, .infoRequested: next.status = .replied
            case .held: next.status = .submitted
            case .replied, .dispatched: break
            default: return nil
            }
            next.timeline.append(
                TimelineEvent(id: TimelineEvent.id(for: next, index: next.timeline.count + 1), type: .reporterReply, at: now, text: trimmed))
            changed = true
        }
        if let rating {
            guard (1...5).contains(rating), report.timeline.contains(where: { $0.type == .followup }) else { return nil }
            next.rating = rating
            next.timeline.append(
                TimelineEvent(id: TimelineEvent.id(for: next, index: next.timeline.count + 1), type: .rated, at: now, text: String(rating)))
            changed = true
        }
        return changed ? settle(next, at: now) : nil
    }

    /// What the system clock does to a report at `now`: closes a `followed_up` report past its
    /// deadline, archives a `held` or `info_requested` one as `no_reply`. Nil when nothing is due.
    public func systemTransition(of report: Report, at now: Timestamp) -> Report? {
        let eventId = TimelineEvent.id(for: report, index: report.timeline.count + 1)
        guard let due = report.dueAt, now > due else { return nil }
        var next = report
        switch report.status {
        case .followedUp:
            next.status = .closed
            next.timeline.append(TimelineEvent(id: eventId, type: .closed, at: now, system: true))
        case .held, .infoRequested:
            next.status = .archived
            next.archiveReason = .noReply
            next.timeline.append(TimelineEvent(id: eventId, type: .archived, at: now, system: true))
        default:
            return nil
        }
        return settle(next, at: now)
    }

    /// Recomputes what follows from the status and timeline: label, deadline, version, time.
    func settle(_ report: Report, at now: Timestamp) -> Report {
        var next = report
        next.version = report.version + 1
        next.updatedAt = now
        return decided(next)
    }

    /// The report with the instants the rules decide (deadline, provisional, escalation) and
    /// its status label, as the server sends it.
    public func decided(_ report: Report) -> Report {
        var next = report
        next.apply(rules.instants(for: next))
        next.statusLabel = label(for: next)
        return next
    }

    /// The deadline rules under this workflow's policy, calendar and units.
    public var rules: DeadlineRules { DeadlineRules(policy: policy, calendar: calendar, units: units) }

    /// The contract's `status_label` for a report.
    public func label(for report: Report) -> String {
        let finalEvent = report.status.isFinal ? report.timeline.last { $0.type.rawValue == report.status.rawValue } : nil
        return report.status.label(
            unitName: report.unitId.flatMap { units[$0]?.name },
            holdReason: report.status == .held ? report.timeline.last { $0.type == .held }?.text : nil,
            bySystem: finalEvent?.system ?? false)
    }
}

extension Report {
    /// A report read from the admin area's spreadsheet export: the export carries no timeline,
    /// and a report of the contract always has one (its `submitted` event at least).
    public var isFromExport: Bool { timeline.isEmpty }

    /// True from dispatch on, until a return sends it back to the admins: the report is in a
    /// unit's hands, so that unit's liaisons and supervisors see it.
    public var isWithUnit: Bool {
        if status.isIntake { return false }
        guard status == .archived else { return true }
        let lastDispatch = timeline.lastIndex { $0.type == .dispatched }
        let lastReturn = timeline.lastIndex { $0.type == .returned }
        // A report read from an export carries no timeline: a unit named is the unit it is with.
        guard let lastDispatch else { return isFromExport && unitId != nil }
        return lastReturn.map { $0 < lastDispatch } ?? true
    }
}

/// Who may take an action, from which statuses, and where it leads: the contract's action table.
public struct ActionRule: Hashable, Sendable {
    public let type: ActionType
    public let roles: Set<Role>
    public let from: Set<ReportStatus>
    /// The status after the action; nil when it stays (forward).
    public let to: ReportStatus?
    /// The timeline event the action appends.
    public let event: TimelineEvent.EventType

    public static func rule(for type: ActionType) -> ActionRule {
        switch type {
        case .verify: ActionRule(type, [.admin], [.submitted, .held], .verified, .verified)
        case .hold: ActionRule(type, [.admin], [.submitted], .held, .held)
        case .archive: ActionRule(type, [.admin], [.submitted, .held, .verified], .archived, .archived)
        // v1.1 item 3: an admin also re-routes a dispatched report (scope checked in the payload rules).
        case .dispatch: ActionRule(type, [.admin], [.submitted, .verified, .dispatched, .replied], .dispatched, .dispatched)
        case .forward: ActionRule(type, [.liaison, .admin], [.dispatched, .replied], nil, .forwarded)
        case .return: ActionRule(type, [.liaison], [.dispatched, .replied], .verified, .returned)
        case .followup: ActionRule(type, [.liaison], [.dispatched, .replied, .infoRequested, .followedUp], .followedUp, .followup)
        case .requestInfo: ActionRule(type, [.liaison], [.dispatched, .replied], .infoRequested, .infoRequested)
        case .close: ActionRule(type, [.admin], [.followedUp, .replied, .infoRequested], .closed, .closed)
        }
    }

    private init(_ type: ActionType, _ roles: Set<Role>, _ from: Set<ReportStatus>, _ to: ReportStatus?, _ event: TimelineEvent.EventType) {
        self.type = type
        self.roles = roles
        self.from = from
        self.to = to
        self.event = event
    }

    /// Whether the action carries a text the user writes (hold, return, follow-up, request for
    /// information): required by the payload rules, written in the composer.
    public var carriesText: Bool { [.hold, .return, .followup, .requestInfo].contains(type) }

    /// On a profile read from an export nothing is sent (there is no server): an action that
    /// carries a text is written as a draft, to copy into LAPOR!'s web; the others are not
    /// available there. The TUI and `lapor act` both ask this.
    public var draftsOffline: Bool { carriesText }

    /// The actions a role may ever take, in the contract's order.
    public static func actions(for role: Role) -> [ActionType] {
        ActionType.allCases.filter { rule(for: $0).roles.contains(role) }
    }
}

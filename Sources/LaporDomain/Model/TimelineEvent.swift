/// One entry of a report's history (contract: `timeline[]`).
public struct TimelineEvent: Codable, Hashable, Sendable, Identifiable {
    public enum EventType: String, Codable, CaseIterable, Sendable {
        case submitted, verified, held, dispatched, forwarded, returned, followup
        case infoRequested = "info_requested"
        case reporterReply = "reporter_reply"
        case closed, archived, reopened, rated
    }

    public var id: String
    public var type: EventType
    public var at: Timestamp
    /// Nil for the reporter and for the system.
    public var actor: Actor?
    /// True when the system clock acted.
    public var system: Bool
    public var text: String?
    /// The unit a dispatch or forward sent the report to.
    public var unitId: String?

    public init(id: String, type: EventType, at: Timestamp, actor: Actor? = nil, system: Bool = false, text: String? = nil, unitId: String? = nil) {
        self.id = id
        self.type = type
        self.at = at
        self.actor = actor
        self.system = system
        self.text = text
        self.unitId = unitId
    }

    /// The id of a report's n-th event (1-based): `e-9165816-3`. Unique across reports, and
    /// never reused because a timeline only grows.
    public static func id(for report: Report, index: Int) -> String { "e-\(report.id)-\(index)" }

    public struct Actor: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var role: Role

        public init(id: String, name: String, role: Role) {
            self.id = id
            self.name = name
            self.role = role
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, at, actor, system, text
        case unitId = "unit_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(EventType.self, forKey: .type)
        at = try c.decode(Timestamp.self, forKey: .at)
        actor = try c.decodeIfPresent(Actor.self, forKey: .actor)
        system = try c.decodeIfPresent(Bool.self, forKey: .system) ?? false
        text = try c.decodeIfPresent(String.self, forKey: .text)
        unitId = try c.decodeIfPresent(String.self, forKey: .unitId)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        if system { try c.encode(true, forKey: .system) }
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(unitId, forKey: .unitId)
    }
}

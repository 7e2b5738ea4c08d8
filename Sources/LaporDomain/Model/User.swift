/// What a user may do (contract: `role`).
public enum Role: String, Codable, CaseIterable, Sendable {
    /// Verifies and dispatches; no unit = the national admin, else the admin of an agency's subtree.
    case admin
    /// Pejabat penghubung: answers for one unit and its sub-units.
    case liaison
    /// Reads one unit's subtree; never acts.
    case supervisor
}

/// `GET /me`.
public struct User: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: Role
    /// Nil only for the national admin.
    public var unitId: String?

    public init(id: String, name: String, role: Role, unitId: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.unitId = unitId
    }

    public var isNationalAdmin: Bool { role == .admin && unitId == nil }

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case unitId = "unit_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(unitId, forKey: .unitId)
    }

    /// The actor record this user leaves on a timeline.
    public var actor: TimelineEvent.Actor { .init(id: id, name: name, role: role) }
}

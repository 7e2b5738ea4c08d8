/// A ministry, agency or regional government (instansi), or one of its units (OPD, dinas).
public struct Unit: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var parentId: String?
    /// IANA identifier: `Asia/Jakarta`, `Asia/Makassar` or `Asia/Jayapura`.
    public var timezone: String

    public init(id: String, name: String, parentId: String? = nil, timezone: String = IndonesianTimeZone.wib.identifier) {
        self.id = id
        self.name = name
        self.parentId = parentId
        self.timezone = timezone
    }

    /// The unit's zone; an unknown identifier falls back to WIB (and `UnitTree` refuses it).
    public var zone: IndonesianTimeZone { IndonesianTimeZone.forUnit(timezone: timezone) }

    enum CodingKeys: String, CodingKey {
        case id, name, timezone
        case parentId = "parent_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(timezone, forKey: .timezone)
    }
}

/// The unit tree, checked once: unique ids, known parents, no cycles, known time zones.
/// Subtree questions are answered from precomputed ancestor chains.
public struct UnitTree: Sendable {
    public let units: [Unit]
    private let byId: [String: Unit]
    private let children: [String: [String]]
    private let ancestors: [String: [String]]

    public init(_ units: [Unit]) throws(UnitTreeError) {
        var byId: [String: Unit] = [:]
        for unit in units {
            guard byId[unit.id] == nil else { throw .duplicateId(unit.id) }
            guard IndonesianTimeZone(name: unit.timezone) != nil else { throw .unknownTimezone(unit.id, unit.timezone) }
            byId[unit.id] = unit
        }
        var children: [String: [String]] = [:]
        var ancestors: [String: [String]] = [:]
        for unit in units {
            if let parent = unit.parentId {
                guard byId[parent] != nil else { throw .unknownParent(unit.id, parent) }
                children[parent, default: []].append(unit.id)
            }
            var chain: [String] = []
            var seen: Set<String> = [unit.id]
            var next = unit.parentId
            while let p = next {
                guard seen.insert(p).inserted else { throw .cycle(unit.id) }
                chain.append(p)
                next = byId[p]?.parentId
            }
            ancestors[unit.id] = chain
        }
        self.units = units
        self.byId = byId
        self.children = children
        self.ancestors = ancestors
    }

    public subscript(id: String) -> Unit? { byId[id] }

    public func contains(_ id: String) -> Bool { byId[id] != nil }

    /// True when `id` is `root` or below it.
    public func isInSubtree(_ id: String, of root: String) -> Bool {
        id == root || (ancestors[id]?.contains(root) ?? false)
    }

    /// `root` and every unit below it, depth first.
    public func subtree(of root: String) -> [Unit] {
        guard let unit = byId[root] else { return [] }
        var out = [unit]
        for child in children[root] ?? [] { out += subtree(of: child) }
        return out
    }

    public func children(of id: String) -> [Unit] { (children[id] ?? []).compactMap { byId[$0] } }

    public var roots: [Unit] { units.filter { $0.parentId == nil } }

    /// The top of the unit's tree: its instansi.
    public func agency(of id: String) -> Unit? {
        guard let unit = byId[id] else { return nil }
        return ancestors[id]?.last.flatMap { byId[$0] } ?? unit
    }

    /// Parents first: `Pemerintah Provinsi DKI Jakarta › Dinas Pekerjaan Umum`.
    public func path(of id: String) -> [Unit] {
        guard let unit = byId[id] else { return [] }
        return (ancestors[id] ?? []).reversed().compactMap { byId[$0] } + [unit]
    }

    /// The zone a report's clock runs in: its unit's, or WIB for the national queue.
    public func zone(of unitId: String?) -> IndonesianTimeZone {
        unitId.flatMap { byId[$0] }?.zone ?? .wib
    }
}

public enum UnitTreeError: Error, Equatable, Sendable {
    case duplicateId(String)
    case unknownParent(String, String)
    case cycle(String)
    case unknownTimezone(String, String)
}

/// A report category: data from the server, never an enum (the tree changes over time).
public struct Category: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var parentId: String?

    public init(id: String, name: String, parentId: String? = nil) {
        self.id = id
        self.name = name
        self.parentId = parentId
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case parentId = "parent_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(parentId, forKey: .parentId)
    }
}

/// The category tree with lookups by id and full paths.
public struct CategoryTree: Sendable {
    public let categories: [Category]
    private let byId: [String: Category]

    /// Unknown parents are kept as roots: a category list is data and may arrive partly.
    public init(_ categories: [Category]) {
        self.categories = categories
        var byId: [String: Category] = [:]
        for category in categories where byId[category.id] == nil { byId[category.id] = category }
        self.byId = byId
    }

    public subscript(id: String) -> Category? { byId[id] }

    public func children(of id: String?) -> [Category] { categories.filter { $0.parentId == id } }

    /// `PEKERJAAN UMUM DAN PENATAAN RUANG › JALAN BERLUBANG`; stops at a cycle or a gap.
    public func path(of id: String) -> [Category] {
        var out: [Category] = []
        var seen: Set<String> = []
        var next: String? = id
        while let current = next, let category = byId[current], seen.insert(current).inserted {
            out.insert(category, at: 0)
            next = category.parentId
        }
        return out
    }

    /// True when `id` is `root` or below it.
    public func isInSubtree(_ id: String, of root: String) -> Bool { path(of: id).contains { $0.id == root } }
}

import LaporDomain
import LaporStore

/// Reads what a user types after `f`: `field=value[,value]` words, all of which must hold.
/// Fields: status, kind, channel, category, unit, privacy. Units and categories take their subtrees.
public enum FilterParser {
    public struct Problem: Error, Equatable {
        public var word: String
        public var allowed: [String]
    }

    public static let fields = ["status", "kind", "channel", "category", "unit", "privacy"]

    /// The values a field takes, for the prompt's help: the fixed ones listed, units and
    /// categories by example (they come from the reference data).
    public static func allowed(_ field: String, units: UnitTree, categories: CategoryTree?) -> [String] {
        switch field {
        case "status": ReportStatus.allCases.map(\.rawValue)
        case "kind": ReportKind.allCases.map(\.rawValue)
        case "channel": Channel.allCases.map(\.rawValue)
        case "privacy": Privacy.allCases.map(\.rawValue)
        case "unit": units.roots.map(\.id)
        default: (categories?.categories ?? []).filter { $0.parentId == nil }.map(\.id)
        }
    }

    public static func parse(_ text: String, units: UnitTree, categories: CategoryTree?) -> Result<InboxFilter, Problem> {
        var filter = InboxFilter()
        for word in text.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, fields.contains(parts[0]), !parts[1].isEmpty else {
                return .failure(Problem(word: String(word), allowed: fields.map { "\($0)=…" }))
            }
            let values = parts[1].split(separator: ",").map(String.init)
            // The values as a set of `T`, written to `field`; the allowed ones when one is not.
            func set<T: RawRepresentable & CaseIterable & Hashable>(_ field: WritableKeyPath<InboxFilter, Set<T>?>) -> Problem?
            where T.RawValue == String {
                var out = Set<T>()
                for v in values {
                    guard let e = T(rawValue: v) else { return Problem(word: String(word), allowed: T.allCases.map(\.rawValue)) }
                    out.insert(e)
                }
                filter[keyPath: field] = out
                return nil
            }
            switch parts[0] {
            case "status":
                if let problem = set(\.statuses) { return .failure(problem) }
            case "kind":
                if let problem = set(\.kinds) { return .failure(problem) }
            case "channel":
                if let problem = set(\.channels) { return .failure(problem) }
            case "privacy":
                if let problem = set(\.privacies) { return .failure(problem) }
            case "unit":
                var ids = Set<String>()
                for v in values {
                    guard units.contains(v) else { return .failure(Problem(word: String(word), allowed: units.units.map(\.id))) }
                    ids.formUnion(units.subtree(of: v).map(\.id))
                }
                filter.unitIds = ids
            default:
                let all = categories?.categories ?? []
                var ids = Set<String>()
                for v in values {
                    guard categories?[v] != nil else {
                        return .failure(Problem(word: String(word), allowed: all.filter { $0.parentId == nil }.map(\.id)))
                    }
                    ids.formUnion(all.filter { categories?.isInSubtree($0.id, of: v) == true }.map(\.id))
                }
                filter.categoryIds = ids
            }
        }
        return .success(filter)
    }
}

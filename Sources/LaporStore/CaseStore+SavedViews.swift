import Foundation
import GRDB
import LaporDomain

/// A view a user saved under a name: a built-in view with the filter words, search and order
/// that were on screen. The filter is kept as typed (`kind=aspirasi unit=dki-dpu`) and parsed
/// when used, so that a unit renamed or removed is reported then, not lost.
public struct SavedView: Sendable, Equatable {
    public var name: String
    public var base: ReportView
    public var filter: String?
    public var search: String?
    public var sort: InboxSort?

    public init(name: String, base: ReportView, filter: String? = nil, search: String? = nil, sort: InboxSort? = nil) {
        self.name = name
        self.base = base
        self.filter = filter
        self.search = search
        self.sort = sort
    }

    /// A name is 1 to 40 characters, no control characters, and not a built-in view's.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40 && name == name.trimmingCharacters(in: .whitespaces)
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control } && ReportView(rawValue: name) == nil
    }
}

extension CaseStore {
    /// Saves (or replaces) a named view; new names go after the others.
    public func saveView(_ view: SavedView) throws {
        try writer.write { db in
            let position =
                try Int.fetchOne(db, sql: "SELECT position FROM saved_view WHERE name = ?", arguments: [view.name])
                ?? (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM saved_view") ?? 1)
            try db.execute(
                sql: """
                    INSERT INTO saved_view (name, base, filter, search, sort, position) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET base = excluded.base, filter = excluded.filter, search = excluded.search,
                        sort = excluded.sort
                    """,
                arguments: [view.name, view.base.rawValue, view.filter, view.search, view.sort?.rawValue, position])
        }
    }

    /// The saved views in the order they were first saved. A row this version cannot read (an
    /// unknown base view) is left out, not fatal.
    public func savedViews() throws -> [SavedView] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM saved_view ORDER BY position").compactMap { row in
                guard let base = ReportView(rawValue: try row.decode(forColumn: "base")) else { return nil }
                return SavedView(
                    name: try row.decode(forColumn: "name"), base: base, filter: try row.decode(forColumn: "filter"),
                    search: try row.decode(forColumn: "search"),
                    sort: (try row.decode(forColumn: "sort") as String?).flatMap(InboxSort.init(rawValue:)))
            }
        }
    }

    /// Forgets a saved view; false when there was none of that name.
    @discardableResult
    public func deleteView(_ name: String) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM saved_view WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }
}

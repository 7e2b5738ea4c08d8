import Foundation
import GRDB
import LaporDomain

/// A page of the change feed, already as the JSON items the contract sends.
struct ChangePage {
    /// Each item: a report's stored JSON, or a `{"id": …, "removed": true}` tombstone.
    var items: [String]
    var cursor: Int64
    var more: Bool
}

extension CentralStore {
    /// What `user` sees changed after `cursor` (0: everything they may see), at most `limit`
    /// reports, in change order. A report that left their sight since the cursor comes as a
    /// tombstone; one they never saw does not come at all.
    /// Visibility as SQL over the stored columns, mirroring `Visibility.canSee`: what `user`
    /// sees now, what they saw before a change, and the `:subtree` argument both use.
    static func visibility(for user: User, units: UnitTree) throws -> (now: String, before: String, subtree: String) {
        let subtree = user.unitId.map { root in units.subtree(of: root).map(\.id) } ?? []
        let subtreeJSON = String(decoding: try JSONEncoder().encode(subtree), as: UTF8.self)
        switch user.role {
        case .admin where user.unitId == nil:
            return ("1", "0", subtreeJSON)  // the national admin never loses sight of a report
        case .admin:
            return ("unit_id IN (SELECT value FROM json_each(:subtree))", "c.prev_unit_id IN (SELECT value FROM json_each(:subtree))", subtreeJSON)
        case .liaison, .supervisor:
            return (
                "with_unit = 1 AND unit_id IN (SELECT value FROM json_each(:subtree))",
                "c.prev_with_unit = 1 AND c.prev_unit_id IN (SELECT value FROM json_each(:subtree))", subtreeJSON
            )
        }
    }

    /// How many reports `user` sees: the size of a pull from the start (the `total` hint).
    func visibleCount(for user: User, units: UnitTree) async throws -> Int {
        let visibility = try Self.visibility(for: user, units: units)
        return try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM report WHERE COALESCE((\(visibility.now)), 0)", arguments: ["subtree": visibility.subtree]) ?? 0
        }
    }

    /// A page's items hold at most this many bytes of JSON (contract v1.2 item 1); a report larger
    /// than that comes alone.
    static let pageBytes = 4 * 1_024 * 1_024

    func changes(for user: User, after cursor: Int64, limit: Int, units: UnitTree, maxBytes: Int = pageBytes) async throws -> ChangePage {
        let visibility = try Self.visibility(for: user, units: units)
        let (visibleNow, visibleBefore, subtreeJSON) = (visibility.now, visibility.before, visibility.subtree)
        let tombstones =
            cursor > 0
            ? "OR EXISTS (SELECT 1 FROM change c WHERE c.report_id = report.id AND c.seq > :cursor AND \(visibleBefore))" : ""
        // `unit_id IN (…)` is NULL for a report with no unit (returned, or in the national
        // queue): COALESCE makes "not visible" of it instead of a NULL the reader must guess at.
        let sql = """
            SELECT id, seq, COALESCE((\(visibleNow)), 0) AS visible, shown_json, reporter_json, reporter_at FROM report
            WHERE seq > :cursor AND (COALESCE((\(visibleNow)), 0) \(tombstones))
            ORDER BY seq LIMIT :limit
            """
        let admin = user.role == .admin
        return try await writer.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: ["cursor": cursor, "limit": limit + 1, "subtree": subtreeJSON])
            var items: [String] = []
            var last = cursor
            var more = false
            var bytes = 0
            while let row = try rows.next() {
                if items.count == limit {
                    more = true
                    break
                }
                let item: String
                if try row.decode(Bool.self, forColumn: "visible") {
                    // Admins see the reporter; every other role the report as stored.
                    let stored = try StoredJSON(row)
                    item = admin ? stored.whole : stored.shown
                } else {
                    item = #"{"id":\#(try ContractJSON.encode(try row.decode(String.self, forColumn: "id"))),"removed":true}"#
                }
                // Cut by bytes too: the next page starts at this item (never an empty page).
                if !items.isEmpty, bytes + item.utf8.count + 1 > maxBytes {
                    more = true
                    break
                }
                bytes += item.utf8.count + 1
                last = try row.decode(forColumn: "seq")
                items.append(item)
            }
            return ChangePage(items: items, cursor: last, more: more)
        }
    }
}

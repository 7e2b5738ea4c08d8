import Foundation
import GRDB
import LaporDomain

/// Which reports a view shows. Every set is "any of"; nil means no filter. Unit and category
/// sets are already expanded to their subtrees by the caller (the domain knows the trees).
public struct InboxFilter: Sendable, Equatable {
    public var statuses: Set<ReportStatus>?
    public var kinds: Set<ReportKind>?
    public var channels: Set<Channel>?
    public var categoryIds: Set<String>?
    public var unitIds: Set<String>?
    public var privacies: Set<Privacy>?
    /// Only reports with a running clock due before this instant (inclusive).
    public var dueBefore: Timestamp?
    /// Only reports due after this instant (not yet overdue at it).
    public var dueAfter: Timestamp?
    /// Only reports submitted before this instant.
    public var submittedBefore: Timestamp?
    /// Only reports whose decided instant has come by this instant: in the "due soon" band,
    /// due today, in the escalation warning, escalated (columns written from the rulebook).
    public var dueSoonAt: Timestamp?
    public var dueTodayAt: Timestamp?
    public var warnedAt: Timestamp?
    public var escalatedAt: Timestamp?
    /// Full-text words (title, body, timeline), each a prefix; all must match.
    public var search: String?

    public init(
        statuses: Set<ReportStatus>? = nil, kinds: Set<ReportKind>? = nil, channels: Set<Channel>? = nil, categoryIds: Set<String>? = nil,
        unitIds: Set<String>? = nil, privacies: Set<Privacy>? = nil, dueBefore: Timestamp? = nil, dueAfter: Timestamp? = nil,
        submittedBefore: Timestamp? = nil, dueSoonAt: Timestamp? = nil, dueTodayAt: Timestamp? = nil, warnedAt: Timestamp? = nil,
        escalatedAt: Timestamp? = nil, search: String? = nil
    ) {
        self.dueSoonAt = dueSoonAt
        self.dueTodayAt = dueTodayAt
        self.warnedAt = warnedAt
        self.escalatedAt = escalatedAt
        self.statuses = statuses
        self.kinds = kinds
        self.channels = channels
        self.categoryIds = categoryIds
        self.unitIds = unitIds
        self.privacies = privacies
        self.dueBefore = dueBefore
        self.dueAfter = dueAfter
        self.submittedBefore = submittedBefore
        self.search = search
    }
}

/// How a view is ordered.
public enum InboxSort: String, Sendable, CaseIterable {
    /// The nearest deadline first; reports without a clock last.
    case due
    /// The oldest submission first.
    case age
    /// By tracking ID.
    case id
    /// By unit, then the nearest deadline: overdue lists read per unit.
    case unit
    /// The nearest escalation (day 61) first: the escalation views.
    case escalation
}

/// One line of a list: what the inbox shows without decoding a whole report.
public struct InboxRow: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var status: ReportStatus
    public var statusLabel: String
    public var unitId: String?
    public var kind: ReportKind
    public var channel: Channel
    public var privacy: Privacy
    public var categoryId: String?
    public var submittedAt: Timestamp
    public var updatedAt: Timestamp
    public var dueAt: Timestamp?
    public var seen: Bool
    /// What the rulebook decided for the report, as stored (v1.1 item 6): the list's markers
    /// ask it, as the views and counts ask the same columns.
    public var instants = DecidedInstants()

    public init(
        id: String, title: String, status: ReportStatus, statusLabel: String, unitId: String?, kind: ReportKind, channel: Channel, privacy: Privacy,
        categoryId: String?, submittedAt: Timestamp, updatedAt: Timestamp, dueAt: Timestamp?, seen: Bool
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.statusLabel = statusLabel
        self.unitId = unitId
        self.kind = kind
        self.channel = channel
        self.privacy = privacy
        self.categoryId = categoryId
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
        self.dueAt = dueAt
        self.instants.dueAt = dueAt
        self.seen = seen
    }
}

/// One unit's open reports that need a supervisor's eye: overdue (with the oldest deadline
/// missed), in the due-soon band, in the escalation warning or escalated.
public struct OverdueGroup: Sendable, Equatable {
    public var unitId: String?
    /// Overdue reports.
    public var count: Int
    /// The deadline of the longest-overdue report.
    public var oldestDue: Timestamp
    public var dueSoon: Int
    public var escalating: Int

    public init(unitId: String?, count: Int, oldestDue: Timestamp, dueSoon: Int = 0, escalating: Int = 0) {
        self.unitId = unitId
        self.count = count
        self.oldestDue = oldestDue
        self.dueSoon = dueSoon
        self.escalating = escalating
    }
}

extension CaseStore {
    /// One page of a view.
    public func page(_ filter: InboxFilter, sort: InboxSort = .due, limit: Int = 100, offset: Int = 0) throws -> [InboxRow] {
        let (where_, arguments) = Self.whereClause(filter)
        let order = Self.orderBy(sort)
        return try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, status, status_label, unit_id, kind, channel, privacy, category_id, submitted_at, updated_at, due_at, seen,
                        due_provisional, due_today_from, due_soon_from, escalation_warning_at, escalates_at
                    FROM report WHERE \(where_) ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [limit, offset]
            ).map(Self.inboxRow)
        }
    }

    static func orderBy(_ sort: InboxSort) -> String {
        switch sort {
        case .due: "due_sort, id"
        case .age: "submitted_at, id"
        case .id: "id"
        case .unit: "unit_id IS NULL, unit_id, due_sort, id"
        case .escalation: "escalates_at IS NULL, escalates_at, id"
        }
    }

    /// The JSON of a view's reports as the server sent it, in the view's order, handed to `body`
    /// one at a time as it is read: `lapor list --format json|ndjson` streams in constant memory.
    public func forEachJSON(
        _ filter: InboxFilter, sort: InboxSort = .due, limit: Int, offset: Int = 0, _ body: (String) throws -> Void
    ) throws {
        let (where_, arguments) = Self.whereClause(filter)
        try writer.read { db in
            let rows = try String.fetchCursor(
                db, sql: "SELECT json FROM report WHERE \(where_) ORDER BY \(Self.orderBy(sort)) LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset])
            while let json = try rows.next() { try body(json) }
        }
    }

    /// The query plan of `count(filter)`, for the tests that keep counts on indexes alone.
    func countPlan(_ filter: InboxFilter) throws -> String {
        let (where_, arguments) = Self.whereClause(filter)
        return try writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM report WHERE \(where_)", arguments: arguments)
                .map { (try? $0.decode(String.self, forColumn: "detail")) ?? "" }.joined(separator: "\n")
        }
    }

    /// How many reports a view holds.
    public func count(_ filter: InboxFilter) throws -> Int {
        if let text = filter.search, Self.trackingPrefix(text) == nil, let match = Self.ftsQuery(text), filter.onlySearch {
            // Words alone: the full-text index knows how many (4 ms instead of 45 for "jalan").
            return try writer.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_fts WHERE report_fts MATCH ?", arguments: [match]) ?? 0
            }
        }
        let (where_, arguments) = Self.whereClause(filter)
        return try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report WHERE \(where_)", arguments: arguments) ?? 0 }
    }

    /// The units with open reports past their deadline at `now`, the most first, each with its
    /// due-soon and escalating counts: the supervisor's table. The same decided instants as the
    /// views (`ReportView.overdue`, `.dueSoon`, `.escalating`), in one pass.
    public func overdueByUnit(at now: Timestamp, units: Set<String>? = nil) throws -> [OverdueGroup] {
        let open = Set(ReportStatus.allCases.filter { !$0.isFinal })
        let (where_, arguments) = Self.whereClause(InboxFilter(statuses: open, unitIds: units))
        let late = now.adding(seconds: -1).epochSeconds
        let at = now.epochSeconds
        return try writer.read { db in
            // The due-soon column counts what the due-soon view holds: clocks people owe.
            let owed = DeadlineRules.owedStatuses.map(\.rawValue).sorted()
            let sql = Self.unitTableSQL(where_, owedStatuses: owed.count)
            let values: [any DatabaseValueConvertible] = [late, late] + owed + [at, at, at]
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values) + arguments).map {
                OverdueGroup(
                    unitId: try $0.decode(forColumn: "unit_id"), count: try $0.decode(forColumn: "n"),
                    oldestDue: Timestamp(epochSeconds: try $0.decode(forColumn: "oldest")),
                    dueSoon: try $0.decode(Int?.self, forColumn: "soon") ?? 0, escalating: try $0.decode(Int?.self, forColumn: "esc") ?? 0)
            }
        }
    }

    /// The supervisor's table in one pass over the covering index of v7 (no report row read).
    /// Named, because on 300,000 reports the planner's statistics led it to the status index and
    /// a row read each: 515 ms instead of 116.
    static func unitTableSQL(_ condition: String, owedStatuses: Int) -> String {
        let owed = Array(repeating: "?", count: max(1, owedStatuses)).joined(separator: ",")
        return """
            SELECT unit_id,
                SUM(due_at <= ?) AS n, MIN(CASE WHEN due_at <= ? THEN due_at END) AS oldest,
                SUM(status IN (\(owed)) AND due_soon_from <= ? AND due_at >= ?) AS soon, SUM(escalation_warning_at <= ?) AS esc
            FROM report INDEXED BY report_by_unit_status WHERE \(condition) GROUP BY unit_id HAVING n > 0 ORDER BY n DESC, unit_id
            """
    }

    /// The query plan of the supervisor's table (tests).
    func unitTablePlan(at now: Timestamp) throws -> String {
        let open = Set(ReportStatus.allCases.filter { !$0.isFinal })
        let (where_, arguments) = Self.whereClause(InboxFilter(statuses: open))
        let at = now.epochSeconds
        return try writer.read { db in
            let owed = DeadlineRules.owedStatuses.map(\.rawValue).sorted()
            let values: [any DatabaseValueConvertible] = [at, at] + owed + [at, at, at]
            return try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + Self.unitTableSQL(where_, owedStatuses: owed.count),
                arguments: StatementArguments(values) + arguments
            )
            .map { (try? $0.decode(String.self, forColumn: "detail")) ?? "" }.joined(separator: "\n")
        }
    }

    /// Full-text search, best matches first; a tracking number (or its first digits) first finds
    /// the reports with that id.
    public func search(_ text: String, limit: Int = 100) throws -> [InboxRow] {
        guard let match = Self.ftsQuery(text) else { return [] }
        return try writer.read { db in
            var byId: [InboxRow] = []
            if let id = Self.trackingPrefix(text) {
                byId = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, title, status, status_label, unit_id, kind, channel, privacy, category_id, submitted_at, updated_at, due_at, seen,
                            due_provisional, due_today_from, due_soon_from, escalation_warning_at, escalates_at
                        FROM report WHERE id >= ? AND id < ? ORDER BY id LIMIT ?
                        """,
                    arguments: [id, id + ":", limit]
                ).map(Self.inboxRow)
            }
            let found = Set(byId.map(\.id))
            let byText = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.title, r.status, r.status_label, r.unit_id, r.kind, r.channel, r.privacy, r.category_id,
                        r.submitted_at, r.updated_at, r.due_at, r.seen, r.due_provisional, r.due_today_from, r.due_soon_from,
                        r.escalation_warning_at, r.escalates_at
                    FROM report_fts f JOIN report r ON r.rowid = f.rowid
                    WHERE report_fts MATCH ? ORDER BY bm25(report_fts, 5.0, 1.0, 1.0), r.id LIMIT ?
                    """,
                arguments: [match, limit]
            ).map(Self.inboxRow)
            return Array((byId + byText.filter { !found.contains($0.id) }).prefix(limit))
        }
    }

    /// The digits of a search that is a tracking number or its start (at least 3 digits, spaces
    /// around allowed); nil for anything else.
    public static func trackingPrefix(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, trimmed.count <= 20, trimmed.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return nil }
        return trimmed
    }

    /// User text as an FTS5 query that cannot be a syntax error or smuggle operators: every run
    /// of letters and digits becomes a quoted prefix term, all required. Nil when there is none.
    public static func ftsQuery(_ text: String) -> String? {
        var terms: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                terms.append(current)
                current = ""
            }
        }
        if !current.isEmpty { terms.append(current) }
        guard !terms.isEmpty else { return nil }
        return terms.prefix(16).map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " AND ")
    }

    static func whereClause(_ f: InboxFilter) -> (String, StatementArguments) {
        var parts = ["1"]
        var args: StatementArguments = []
        func set(_ column: String, _ values: [String]?) {
            guard let values else { return }
            parts.append("\(column) IN (SELECT value FROM json_each(?))")
            args += [String(decoding: (try? JSONEncoder().encode(values.sorted())) ?? Data("[]".utf8), as: UTF8.self)]
        }
        set("status", f.statuses.map { $0.map(\.rawValue) })
        set("kind", f.kinds.map { $0.map(\.rawValue) })
        set("channel", f.channels.map { $0.map(\.rawValue) })
        set("category_id", f.categoryIds.map(Array.init))
        set("unit_id", f.unitIds.map(Array.init))
        set("privacy", f.privacies.map { $0.map(\.rawValue) })
        if let t = f.dueBefore {
            parts.append("due_at <= ?")
            args += [t.epochSeconds]
        }
        if let t = f.dueAfter {
            parts.append("due_at > ?")
            args += [t.epochSeconds]
        }
        if let t = f.submittedBefore {
            parts.append("submitted_at < ?")
            args += [t.epochSeconds]
        }
        // A decided instant has come (and, for a deadline band, the deadline has not passed).
        func reached(_ column: String, _ t: Timestamp?, untilDue: Bool = false) {
            guard let t else { return }
            parts.append("\(column) <= ?" + (untilDue ? " AND due_at >= ?" : ""))
            args += untilDue ? [t.epochSeconds, t.epochSeconds] : [t.epochSeconds]
        }
        reached("due_soon_from", f.dueSoonAt, untilDue: true)
        reached("due_today_from", f.dueTodayAt, untilDue: true)
        reached("escalation_warning_at", f.warnedAt)
        reached("escalates_at", f.escalatedAt)
        if let text = f.search {
            // A tracking number (or its first digits) finds the report by id, and also wherever
            // the text quotes it; words go through the full-text index.
            let fts = ftsQuery(text)
            let id = trackingPrefix(text)
            switch (id, fts) {
            case (let id?, let match?):
                parts.append("((id >= ? AND id < ?) OR +rowid IN (SELECT rowid FROM report_fts WHERE report_fts MATCH ?))")
                args += [id, id + ":", match]
            case (nil, let match?):
                // `+rowid`: the matches are checked against the view's index (status, deadline
                // order), not looked up row by row (on 100,000 reports "jalan" in the inbox:
                // count 58 → 30 ms, first page 57 → 24 ms).
                parts.append("+rowid IN (SELECT rowid FROM report_fts WHERE report_fts MATCH ?)")
                args += [match]
            case (_, nil):
                parts.append("0")
            }
        }
        return (parts.joined(separator: " AND "), args)
    }

    static func inboxRow(_ row: Row) throws -> InboxRow {
        func instant(_ column: String) throws -> Timestamp? { (try row.decode(Int64?.self, forColumn: column)).map { Timestamp(epochSeconds: $0) } }
        var out = InboxRow(
            id: try row.decode(forColumn: "id"), title: try row.decode(forColumn: "title"),
            status: ReportStatus(rawValue: try row.decode(forColumn: "status")) ?? .submitted, statusLabel: try row.decode(forColumn: "status_label"),
            unitId: try row.decode(forColumn: "unit_id"), kind: ReportKind(rawValue: try row.decode(forColumn: "kind")) ?? .pengaduan,
            channel: Channel(rawValue: try row.decode(forColumn: "channel")) ?? .other,
            privacy: Privacy(rawValue: try row.decode(forColumn: "privacy")) ?? .rahasia, categoryId: try row.decode(forColumn: "category_id"),
            submittedAt: Timestamp(epochSeconds: try row.decode(forColumn: "submitted_at")),
            updatedAt: Timestamp(epochSeconds: try row.decode(forColumn: "updated_at")), dueAt: try instant("due_at"),
            seen: try row.decode(forColumn: "seen"))
        out.instants.dueAt = out.dueAt
        out.instants.dueProvisional = try row.decode(Bool?.self, forColumn: "due_provisional") ?? false
        out.instants.dueTodayFrom = try instant("due_today_from")
        out.instants.dueSoonFrom = try instant("due_soon_from")
        out.instants.escalationWarningAt = try instant("escalation_warning_at")
        out.instants.escalatesAt = try instant("escalates_at")
        return out
    }
}

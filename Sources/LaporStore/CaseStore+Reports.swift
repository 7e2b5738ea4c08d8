import Foundation
import GRDB
import LaporDomain

/// One item of the change feed, as the store applies it.
public enum FeedItem: Sendable {
    /// A report, with the JSON text the server sent when there is one (stored as it came).
    case report(Report, json: String? = nil)
    case removed(String)
}

/// A feed item the client could not take (over the size limit, or not a report it can read):
/// skipped, written to the audit log, named in the sync summary. One bad item never stops the
/// rest of a sync.
public struct SkippedItem: Codable, Sendable, Equatable {
    /// The report's tracking ID when the item shows one.
    public var reportId: String?
    /// Why, in English (for the audit log and `--json`).
    public var reason: String

    public init(reportId: String?, reason: String) {
        self.reportId = reportId
        self.reason = reason
    }
}

/// What one applied page did.
public struct PageResult: Sendable, Equatable {
    public var stored = 0
    public var removed = 0
}

extension CaseStore {
    /// Applies one page of the change feed and its cursor in one transaction: a crash leaves
    /// either the whole page or none of it, and the next pull resumes from the last whole page.
    /// A tombstone deletes the report but never a draft for it: the draft is marked instead.
    public func apply(page items: [FeedItem], skipped: [SkippedItem] = [], cursor: String, at now: Timestamp) async throws -> PageResult {
        try await writer.write { db in
            var result = PageResult()
            let rules = try Self.rules(in: db)
            let userId = try Self.userId(in: db)
            for item in skipped {
                try Self.audit("skipped", user: nil, report: item.reportId, detail: item.reason, at: now, in: db)
            }
            for item in items {
                switch item {
                case .report(let report, let json):
                    try Self.upsert(report, json: json, rules: rules, userId: userId, receivedAt: now.epochSeconds, in: db)
                    result.stored += 1
                case .removed(let id):
                    if try Self.delete(id, leftUnitAt: now.epochSeconds, in: db) { result.removed += 1 }
                }
            }
            try Self.setSetting("cursor", cursor, in: db)
            return result
        }
    }

    /// Stores the server's current copy of one report (an action's answer, a conflict body).
    public func store(_ report: Report, at now: Timestamp) async throws {
        try await writer.write { db in
            try Self.upsert(report, rules: try Self.rules(in: db), userId: try Self.userId(in: db), receivedAt: now.epochSeconds, in: db)
        }
    }

    /// The id of the user the store syncs for (nil before the first login).
    static func userId(in db: Database) throws -> String? {
        guard let json = try Self.setting("user", in: db) else { return nil }
        return (try? JSONDecoder().decode(User.self, from: Data(json.utf8)))?.id
    }

    /// Stores a report with the instants `rules` decide for it (the rulebook, not the wire:
    /// both come from the same function and the server's calendar and policy).
    static func upsert(
        _ report: Report, json given: String? = nil, rules: DeadlineRules, userId: String?, receivedAt: Int64, in db: Database
    ) throws {
        let json = try given ?? String(decoding: JSONEncoder().encode(report), as: UTF8.self)
        let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM report WHERE id = ?"), arguments: [report.id])
        let clock = DeadlineRules.clock(for: report.status)?.rawValue
        let instants = rules.instants(for: report)
        let values: StatementArguments = [
            report.version, report.status.rawValue, clock, report.unitId, report.kind.rawValue, report.channel.rawValue,
            report.categoryId, report.privacy.rawValue, report.title, report.statusLabel, report.submittedAt.epochSeconds,
            report.updatedAt.epochSeconds, instants.dueAt?.epochSeconds, json,
        ]
        let rowid: Int64
        if let existing {
            try db.cachedStatement(
                sql: """
                    UPDATE report SET version = ?, status = ?, clock = ?, unit_id = ?, kind = ?, channel = ?, category_id = ?,
                        privacy = ?, title = ?, status_label = ?, submitted_at = ?, updated_at = ?, due_at = ?, json = ?,
                        due_sort = COALESCE(?13, 9223372036854775807),
                        seen = CASE WHEN version = ? OR ? THEN seen ELSE 0 END
                    WHERE rowid = ?
                    """
            ).execute(arguments: values + [report.version, report.lastChange(isBy: userId), existing])
            rowid = existing
            try Self.writeInstants(instants, rowid: rowid, in: db)
            try db.cachedStatement(sql: "DELETE FROM timeline_event WHERE report_id = ?").execute(arguments: [report.id])
            try db.cachedStatement(sql: "DELETE FROM attachment WHERE report_id = ?").execute(arguments: [report.id])
            try db.cachedStatement(sql: "DELETE FROM report_fts WHERE rowid = ?").execute(arguments: [rowid])
        } else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO report (version, status, clock, unit_id, kind, channel, category_id, privacy, title, status_label,
                        submitted_at, updated_at, due_at, json, id, received_at, due_sort)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?13, 9223372036854775807))
                    """
            ).execute(arguments: values + [report.id, receivedAt])
            rowid = db.lastInsertedRowID
            try Self.writeInstants(instants, rowid: rowid, in: db)
        }
        let event = try db.cachedStatement(
            sql: """
                INSERT INTO timeline_event (report_id, position, id, type, at, actor_id, actor_name, actor_role, system, text, unit_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (i, e) in report.timeline.enumerated() {
            try event.execute(arguments: [
                report.id, i, e.id, e.type.rawValue, e.at.epochSeconds, e.actor?.id, e.actor?.name, e.actor?.role.rawValue, e.system,
                e.text, e.unitId,
            ])
        }
        let attachment = try db.cachedStatement(
            sql: "INSERT INTO attachment (report_id, position, id, name, mime, size) VALUES (?, ?, ?, ?, ?, ?)")
        for (i, a) in report.attachments.enumerated() {
            try attachment.execute(arguments: [report.id, i, a.id, a.name, a.mime, a.size])
        }
        let timelineText = report.timeline.compactMap(\.text).joined(separator: "\n")
        try db.cachedStatement(sql: "INSERT INTO report_fts (rowid, title, body, timeline) VALUES (?, ?, ?, ?)").execute(
            arguments: [rowid, report.title, report.body, timelineText])
    }

    static func writeInstants(_ i: DecidedInstants, rowid: Int64, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE report SET due_at = ?, due_sort = COALESCE(?, 9223372036854775807), due_provisional = ?, due_today_from = ?,
                    due_soon_from = ?, escalation_warning_at = ?, escalates_at = ?
                WHERE rowid = ?
                """
        ).execute(arguments: [
            i.dueAt?.epochSeconds, i.dueAt?.epochSeconds, i.dueProvisional, i.dueTodayFrom?.epochSeconds, i.dueSoonFrom?.epochSeconds,
            i.escalationWarningAt?.epochSeconds, i.escalatesAt?.epochSeconds, rowid,
        ])
    }

    /// The rules of the stored reference data (the built-in calendar and the standard policy
    /// before the first sync).
    static func rules(in db: Database) throws -> DeadlineRules {
        // Building a calendar classifies a century of days: build it once per stored reference
        // (keyed by the fingerprint `save(_:)` writes), not once per page or per action answer.
        let key = try setting("rules_fingerprint", in: db) ?? ""
        if let cached = RulesCache.shared.rules(for: key) { return cached }
        guard let reference = try reference(in: db) else {
            return DeadlineRules(policy: .standard, calendar: .builtin(), units: ReferenceData.emptyUnits)
        }
        let rules = reference.rules
        if !key.isEmpty { RulesCache.shared.store(rules, for: key) }
        return rules
    }

    /// Decides every stored report's instants again with `rules` (after new holidays or a new
    /// policy arrive), in the caller's transaction. Returns how many rows changed.
    static func recomputeInstants(rules: DeadlineRules, in db: Database) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, json, due_at, due_soon_from, escalates_at, due_provisional FROM report")
        var pending: [(Int64, DecidedInstants)] = []
        let decoder = JSONDecoder()
        while let row = try rows.next() {
            let json: String = try row.decode(forColumn: "json")
            guard let report = try? decoder.decode(Report.self, from: Data(json.utf8)) else { continue }
            let instants = rules.instants(for: report)
            let before: (Int64?, Int64?, Int64?, Bool) = (
                try row.decode(forColumn: "due_at"), try row.decode(forColumn: "due_soon_from"), try row.decode(forColumn: "escalates_at"),
                try row.decode(forColumn: "due_provisional")
            )
            if before != (
                instants.dueAt?.epochSeconds, instants.dueSoonFrom?.epochSeconds, instants.escalatesAt?.epochSeconds, instants.dueProvisional
            ) {
                pending.append((try row.decode(forColumn: "rowid"), instants))
            }
        }
        for (rowid, instants) in pending { try writeInstants(instants, rowid: rowid, in: db) }
        return pending.count
    }

    /// Deletes a report that left the user's sight; drafts for it stay, marked.
    static func delete(_ id: String, leftUnitAt: Int64, in db: Database) throws -> Bool {
        guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM report WHERE id = ?"), arguments: [id]) else {
            return false
        }
        try db.cachedStatement(sql: "DELETE FROM report_fts WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM report WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM timeline_event WHERE report_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM attachment WHERE report_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "UPDATE draft SET left_unit_at = ? WHERE report_id = ? AND left_unit_at IS NULL").execute(
            arguments: [leftUnitAt, id])
        return true
    }

    /// One report with its timeline, as last synced.
    public func report(_ id: String) throws -> Report? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM report WHERE id = ?", arguments: [id]).map {
                try JSONDecoder().decode(Report.self, from: Data($0.utf8))
            }
        }
    }

    public func reportCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") ?? 0 }
    }

    /// Every stored report id (tests and tools).
    public func reportIds() throws -> Set<String> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM report")) }
    }

    /// Refreshes the query planner's statistics (after a large pull), so that filtered counts and
    /// pages pick the right index.
    public func analyze() async throws {
        try await writer.write { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE report") }
    }

    /// Marks a report as looked at (the TUI's "new since the last look").
    public func markSeen(_ id: String) throws {
        try writer.write { db in try db.execute(sql: "UPDATE report SET seen = 1 WHERE id = ?", arguments: [id]) }
    }
}

/// The rules of the last reference data seen, by fingerprint (one process may open several
/// stores; a different fingerprint simply replaces the entry).
final class RulesCache: @unchecked Sendable {
    static let shared = RulesCache()
    private let lock = NSLock()
    private var entry: (key: String, rules: DeadlineRules)?

    func rules(for key: String) -> DeadlineRules? { lock.withLock { entry?.key == key && !key.isEmpty ? entry?.rules : nil } }
    func store(_ rules: DeadlineRules, for key: String) { lock.withLock { entry = (key, rules) } }
}

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
            for item in skipped {
                try Self.audit("skipped", user: nil, report: item.reportId, detail: item.reason, at: now, in: db)
            }
            for item in items {
                switch item {
                case .report(let report, let json):
                    try Self.upsert(report, json: json, receivedAt: now.epochSeconds, in: db)
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
        try await writer.write { db in try Self.upsert(report, receivedAt: now.epochSeconds, in: db) }
    }

    static func upsert(_ report: Report, json given: String? = nil, receivedAt: Int64, in db: Database) throws {
        let json = try given ?? String(decoding: JSONEncoder().encode(report), as: UTF8.self)
        let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM report WHERE id = ?"), arguments: [report.id])
        let clock = DeadlineRules.clock(for: report.status)?.rawValue
        let values: StatementArguments = [
            report.version, report.status.rawValue, clock, report.unitId, report.kind.rawValue, report.channel.rawValue,
            report.categoryId, report.privacy.rawValue, report.title, report.statusLabel, report.submittedAt.epochSeconds,
            report.updatedAt.epochSeconds, report.dueAt?.epochSeconds, json,
        ]
        let rowid: Int64
        if let existing {
            try db.cachedStatement(
                sql: """
                    UPDATE report SET version = ?, status = ?, clock = ?, unit_id = ?, kind = ?, channel = ?, category_id = ?,
                        privacy = ?, title = ?, status_label = ?, submitted_at = ?, updated_at = ?, due_at = ?, json = ?,
                        due_sort = COALESCE(?13, 9223372036854775807),
                        seen = CASE WHEN version = ? THEN seen ELSE 0 END
                    WHERE rowid = ?
                    """
            ).execute(arguments: values + [report.version, existing])
            rowid = existing
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

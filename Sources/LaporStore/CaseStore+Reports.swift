import Foundation
import GRDB
import LaporDomain

/// One item of the change feed, as the store applies it.
public enum FeedItem: Sendable {
    /// A report, with the JSON text the server sent when there is one (stored as it came).
    /// `similar`: its duplicate-suggestion features when the reader made them (off the writer's
    /// thread: a pull's writer is its slower half).
    case report(Report, json: String? = nil, similar: Similarity.Features? = nil)
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
    /// Reports whose deadline or escalation instant, as the server sent it, differs from what the
    /// client's rules decide: the server's rules (decrees, policy, units) have changed.
    public var disagreed = 0

    public init(stored: Int = 0, removed: Int = 0, disagreed: Int = 0) {
        self.stored = stored
        self.removed = removed
        self.disagreed = disagreed
    }
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
                case .report(let report, let json, let similar):
                    if try !Self.upsert(report, json: json, similar: similar, rules: rules, userId: userId, receivedAt: now.epochSeconds, in: db) {
                        result.disagreed += 1
                    }
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
            _ = try Self.upsert(report, rules: try Self.rules(in: db), userId: try Self.userId(in: db), receivedAt: now.epochSeconds, in: db)
        }
    }

    /// The id of the user the store syncs for (nil before the first login).
    static func userId(in db: Database) throws -> String? {
        guard let json = try Self.setting("user", in: db) else { return nil }
        return (try? JSONDecoder().decode(User.self, from: Data(json.utf8)))?.id
    }

    /// Stores a report with the instants `rules` decide for it (the rulebook, not the wire:
    /// both come from the same function and the server's calendar and policy). The JSON is kept
    /// as it came, the only copy of its texts beside the full-text index. Returns false when the
    /// server's own `due_at` (or `escalates_at`, when it sent one) differs from the rules' answer.
    @discardableResult
    static func upsert(
        _ report: Report, json given: String? = nil, similar: Similarity.Features? = nil, instants: DecidedInstants? = nil,
        rules: DeadlineRules, userId: String?, receivedAt: Int64, known: Bool = true, fileSimilarLater: Bool = false, in db: Database
    ) throws -> Bool {
        let json = try given ?? report.importedJSON ?? String(decoding: JSONEncoder().encode(report), as: UTF8.self)
        var existing: Int64?
        if known {
            let find = try RawStatement("SELECT rowid FROM report WHERE id = ?", in: db)
            find.bind(1, report.id)
            existing = try find.int64()
        }
        let i = instants ?? rules.instants(for: report)
        let write: RawStatement
        if let existing {
            try unindex(rowid: existing, in: db)
            write = try RawStatement(
                """
                UPDATE report SET version = ?1, status = ?2, unit_id = ?3, kind = ?4, channel = ?5, category_id = ?6,
                    privacy = ?7, title = ?8, status_label = ?9, submitted_at = ?10, updated_at = ?11, json = ?12,
                    due_at = ?13, due_sort = COALESCE(?13, 9223372036854775807), due_provisional = ?14, due_today_from = ?15,
                    due_soon_from = ?16, escalation_warning_at = ?17, escalates_at = ?18,
                    seen = CASE WHEN version = ?1 OR ?19 THEN seen ELSE 0 END
                WHERE rowid = ?20
                """, in: db)
            write.bind(19, report.lastChange(isBy: userId))
            write.bind(20, existing)
        } else {
            write = try RawStatement(
                """
                INSERT INTO report (version, status, unit_id, kind, channel, category_id, privacy, title, status_label,
                    submitted_at, updated_at, json, due_at, due_sort, due_provisional, due_today_from, due_soon_from,
                    escalation_warning_at, escalates_at, id, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, COALESCE(?13, 9223372036854775807), ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20)
                """, in: db)
            write.bind(19, report.id)
            write.bind(20, receivedAt)
        }
        write.bind(1, report.version)
        write.bind(2, report.status.rawValue)
        write.bind(3, report.unitId)
        write.bind(4, report.kind.rawValue)
        write.bind(5, report.channel.rawValue)
        write.bind(6, report.categoryId)
        write.bind(7, report.privacy.rawValue)
        write.bind(8, report.title)
        write.bind(9, report.statusLabel)
        write.bind(10, report.submittedAt.epochSeconds)
        write.bind(11, report.updatedAt.epochSeconds)
        write.bind(12, json)
        write.bind(13, i.dueAt?.epochSeconds)
        write.bind(14, i.dueProvisional)
        write.bind(15, i.dueTodayFrom?.epochSeconds)
        write.bind(16, i.dueSoonFrom?.epochSeconds)
        write.bind(17, i.escalationWarningAt?.epochSeconds)
        write.bind(18, i.escalatesAt?.epochSeconds)
        try write.run()
        let rowid = existing ?? db.lastInsertedRowID
        // The texts as the `report_text` view reads them from the JSON (which `unindex` and a
        // rebuild use), taken from the decoded report because reading them back through the view
        // made a full pull 60% slower. FTS5's integrity check in the tests holds the two equal.
        let index = try RawStatement("INSERT INTO report_fts (rowid, title, body, timeline) VALUES (?, ?, ?, ?)", in: db)
        index.bind(1, rowid)
        index.bind(2, report.title)
        index.bind(3, report.body)
        index.bind(4, timelineText(of: report))
        try index.run()
        if fileSimilarLater {
            try RawStatement("INSERT OR IGNORE INTO similar_pending (rowid) VALUES (?)", in: db).bindingRun(rowid)
        } else {
            try fileSimilar(similar ?? Similarity.features(of: report), rowid: rowid, in: db)
            if known { try RawStatement("DELETE FROM similar_pending WHERE rowid = ?", in: db).bindingRun(rowid) }
        }
        return report.dueAt?.epochSeconds == i.dueAt?.epochSeconds
            && (report.escalatesAt == nil || report.escalatesAt?.epochSeconds == i.escalatesAt?.epochSeconds)
    }

    /// The timeline's texts as the index holds them: the first 1,000 events' texts, one per line
    /// (the `report_text` view's definition, in Swift).
    static func timelineText(of report: Report) -> String {
        report.timeline.prefix(1000).compactMap(\.text).joined(separator: "\n")
    }

    /// Takes a stored row out of the full-text index: FTS5 needs the texts it indexed, which the
    /// row still holds (call before the row changes or goes).
    static func unindex(rowid: Int64, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO report_fts (report_fts, rowid, title, body, timeline)
                SELECT 'delete', rowid, title, body, timeline FROM report_text WHERE rowid = ?
                """
        ).execute(arguments: [rowid])
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
        try unindex(rowid: rowid, in: db)
        try unfileSimilar(rowid: rowid, in: db)
        try db.cachedStatement(sql: "DELETE FROM similar_pending WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM report WHERE rowid = ?").execute(arguments: [rowid])
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

    /// A report's JSON as the server sent it.
    public func storedJSON(_ id: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT json FROM report WHERE id = ?", arguments: [id]) }
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
        try writer.write { db in try db.execute(sql: "UPDATE report SET seen = 1 WHERE id = ? AND seen = 0", arguments: [id]) }
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

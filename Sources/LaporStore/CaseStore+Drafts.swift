import Foundation
import GRDB
import LaporDomain

/// A draft is one per report and kind (a follow-up, an information request, a return reason…).
public struct DraftKey: Hashable, Sendable {
    public var reportId: String
    public var kind: String

    public init(reportId: String, kind: String) {
        self.reportId = reportId
        self.kind = kind
    }
}

public struct Draft: Sendable, Equatable {
    public var key: DraftKey
    public var text: String
    public var updatedAt: Timestamp
    /// Set when the report left the user's units while the draft was open: the text stays.
    public var leftUnitAt: Timestamp?
}

/// One line of the local audit log.
public struct AuditEntry: Sendable, Equatable {
    public var at: Timestamp
    public var userId: String?
    public var event: String
    public var reportId: String?
    public var detail: String?
}

extension CaseStore {
    /// Autosaves a draft (an empty text deletes it).
    public func saveDraft(_ key: DraftKey, text: String, at now: Timestamp) throws {
        try writer.write { db in
            if text.isEmpty {
                try db.execute(sql: "DELETE FROM draft WHERE report_id = ? AND kind = ?", arguments: [key.reportId, key.kind])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO draft (report_id, kind, text, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(report_id, kind) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
                        """,
                    arguments: [key.reportId, key.kind, text, now.epochSeconds])
            }
        }
    }

    public func draft(_ key: DraftKey) throws -> Draft? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE report_id = ? AND kind = ?", arguments: [key.reportId, key.kind]).map(Self.draft)
        }
    }

    public func drafts() throws -> [Draft] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM draft ORDER BY updated_at DESC").map(Self.draft) }
    }

    static func draft(_ row: Row) throws -> Draft {
        Draft(
            key: DraftKey(reportId: try row.decode(forColumn: "report_id"), kind: try row.decode(forColumn: "kind")),
            text: try row.decode(forColumn: "text"),
            updatedAt: Timestamp(epochSeconds: try row.decode(forColumn: "updated_at")),
            leftUnitAt: (try row.decode(forColumn: "left_unit_at") as Int64?).map { Timestamp(epochSeconds: $0) })
    }

    // MARK: Audit

    static func audit(_ event: String, user: String?, report: String?, detail: String?, at now: Timestamp, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO audit (at, user_id, event, report_id, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [now.epochSeconds, user, event, report, detail])
    }

    /// Records what a user did from this machine.
    public func audit(_ event: String, user: String?, report: String? = nil, detail: String? = nil, at now: Timestamp) async throws {
        try await writer.write { db in try Self.audit(event, user: user, report: report, detail: detail, at: now, in: db) }
    }

    /// The newest entries first.
    public func auditLog(limit: Int = 100) throws -> [AuditEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(
                    at: Timestamp(epochSeconds: try $0.decode(forColumn: "at")), userId: try $0.decode(forColumn: "user_id"),
                    event: try $0.decode(forColumn: "event"), reportId: try $0.decode(forColumn: "report_id"),
                    detail: try $0.decode(forColumn: "detail"))
            }
        }
    }
}

import Foundation
import GRDB
import LaporDomain

/// A change would grow a report's JSON past `TextLimits.maxReportJSONBytes`: refused with
/// 413 `too_large`, nothing written.
struct ReportFull: Error {
    var reportId: String
}

extension CentralStore {
    /// One stored report with the columns the server filters on.
    struct StoredReport {
        var report: Report
        var seq: Int64
    }

    /// Writes a report (new or changed) and appends its change to the feed, in the caller's
    /// transaction. `previous` is the report before the change, nil for a new one.
    static func save(_ report: Report, previous: Report?, at now: Timestamp, in db: Database) throws {
        let full = try ContractJSON.encode(report)
        guard TextLimits.reportFits(bytes: full.utf8.count) else { throw ReportFull(reportId: report.id) }
        try db.execute(
            sql: "INSERT INTO change (report_id, prev_unit_id, prev_with_unit, at) VALUES (?, ?, ?, ?)",
            arguments: [report.id, previous?.unitId, previous?.isWithUnit ?? false, now.epochSeconds])
        let seq = db.lastInsertedRowID
        let masked = report.privacy.hidesReporter ? try ContractJSON.encode(report.masked(for: .liaison)) : nil
        try db.execute(
            sql: """
                INSERT INTO report (id, seq, status, unit_id, with_unit, due_at, version, full_json, masked_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, status = excluded.status, unit_id = excluded.unit_id,
                    with_unit = excluded.with_unit, due_at = excluded.due_at, version = excluded.version,
                    full_json = excluded.full_json, masked_json = excluded.masked_json
                """,
            arguments: [
                report.id, seq, report.status.rawValue, report.unitId, report.isWithUnit, report.dueAt?.epochSeconds,
                report.version, full, masked,
            ])
    }

    static func load(_ id: String, in db: Database) throws -> Report? {
        guard let json = try String.fetchOne(db, sql: "SELECT full_json FROM report WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return try ContractJSON.decode(Report.self, from: json)
    }

    /// A report as `user` may see it, or nil when it does not exist or is out of their sight.
    func report(_ id: String, for user: User, workflow: Workflow) async throws -> Report? {
        try await writer.read { db in
            guard let report = try Self.load(id, in: db), workflow.canSee(report, user: user) else { return nil }
            return report.masked(for: user.role)
        }
    }

    /// The next tracking ID: seven digits, counting up from 9,100,000.
    static func nextTrackingID(in db: Database) throws -> String {
        let current = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_tracking_id'") ?? 9_099_999
        let next = current + 1
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('last_tracking_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [String(next)])
        return String(next)
    }

    /// Stores a new citizen report with a fresh tracking ID and the hash of its reporter key.
    func submit(_ make: @escaping @Sendable (String) -> Report, keyHash: String, at now: Timestamp) async throws -> Report {
        try await writer.write { db in
            let report = make(try Self.nextTrackingID(in: db))
            try Self.save(report, previous: nil, at: now, in: db)
            try db.execute(sql: "INSERT INTO reporter_key (report_id, key_hash) VALUES (?, ?)", arguments: [report.id, keyHash])
            return report
        }
    }

    /// Whether `keyHash` is the hash of the reporter key of report `id` (false for a report that
    /// does not exist or has no key: the caller cannot tell the two apart).
    func reporterKeyMatches(_ id: String, keyHash: String) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM reporter_key WHERE report_id = ? AND key_hash = ?", arguments: [id, keyHash]) ?? false
        }
    }

    /// Applies a change to one report inside one transaction: `change` gets the current report
    /// and returns the new one (or nil for no change, or throws to refuse).
    func update(_ id: String, at now: Timestamp, _ change: @escaping @Sendable (Report, Database) throws -> Report?) async throws -> Report? {
        try await writer.write { db in
            guard let current = try Self.load(id, in: db) else { return nil }
            guard let next = try change(current, db) else { return current }
            try Self.save(next, previous: current, at: now, in: db)
            return next
        }
    }

    /// Decides the instants and labels of every open report again when `fingerprint` (of the
    /// decrees and the policy) differs from the one of the last run; each report that changes is
    /// saved as a new version, so that the change feed carries it. Returns how many changed.
    func redecide(workflow: Workflow, fingerprint: String, at now: Timestamp) async throws -> Int {
        try await writer.write { db in
            let known = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules_fingerprint'")
            guard known != fingerprint else { return 0 }
            var changed = 0
            // Also on the first start of a database made before v1.1 (no fingerprint yet).
            let ids = try String.fetchAll(db, sql: "SELECT id FROM report WHERE status NOT IN ('closed', 'archived') ORDER BY seq")
            for id in ids {
                guard let report = try Self.load(id, in: db) else { continue }
                var next = workflow.decided(report)
                guard next != report else { continue }
                next.version += 1
                next.updatedAt = now
                try Self.save(next, previous: report, at: now, in: db)
                changed += 1
            }
            try Self.setRulesFingerprint(fingerprint, in: db)
            return changed
        }
    }

    /// Records the rules the stored reports were decided with.
    func setRulesFingerprint(_ fingerprint: String) async throws {
        try await writer.write { db in try Self.setRulesFingerprint(fingerprint, in: db) }
    }

    static func setRulesFingerprint(_ fingerprint: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('rules_fingerprint', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [fingerprint])
    }

    /// Runs the system clock once: every report whose system deadline has passed is closed or
    /// archived. Returns how many changed.
    public func runSystemClock(workflow: Workflow, at now: Timestamp) async throws -> Int {
        try await writer.write { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM report WHERE status IN ('followed_up', 'held', 'info_requested') AND due_at < ?
                    ORDER BY due_at
                    """,
                arguments: [now.epochSeconds])
            var changed = 0
            for id in ids {
                guard let report = try Self.load(id, in: db) else { continue }
                guard let next = workflow.systemTransition(of: report, at: now) else { continue }
                try Self.save(next, previous: report, at: now, in: db)
                changed += 1
            }
            return changed
        }
    }
}

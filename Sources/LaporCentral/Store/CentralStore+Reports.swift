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
        let stored = try StoredJSON(report)
        guard TextLimits.reportFits(bytes: stored.wholeBytes) else { throw ReportFull(reportId: report.id) }
        try db.execute(
            sql: "INSERT INTO change (report_id, prev_unit_id, prev_with_unit, at) VALUES (?, ?, ?, ?)",
            arguments: [report.id, previous?.unitId, previous?.isWithUnit ?? false, now.epochSeconds])
        let seq = db.lastInsertedRowID
        try db.execute(
            sql: """
                INSERT INTO report (id, seq, status, unit_id, with_unit, due_at, version, shown_json, reporter_json, reporter_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, status = excluded.status, unit_id = excluded.unit_id,
                    with_unit = excluded.with_unit, due_at = excluded.due_at, version = excluded.version,
                    shown_json = excluded.shown_json, reporter_json = excluded.reporter_json, reporter_at = excluded.reporter_at
                """,
            arguments: [
                report.id, seq, report.status.rawValue, report.unitId, report.isWithUnit, report.dueAt?.epochSeconds,
                report.version, stored.shown, stored.reporter, stored.reporterAt,
            ])
    }

    static func load(_ id: String, in db: Database) throws -> Report? {
        guard let row = try Row.fetchOne(db, sql: "SELECT shown_json, reporter_json, reporter_at FROM report WHERE id = ?", arguments: [id])
        else {
            return nil
        }
        return try ContractJSON.decode(Report.self, from: try StoredJSON(row).whole)
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

/// A report as stored: its JSON as every role may see it, and for a report that hides its
/// reporter the reporter's JSON apart with the byte offset of the `null` it replaces. One copy
/// of the report, not a full and a masked one (issue 26: an anonim report of 2 MiB was 4 MiB).
struct StoredJSON {
    var shown: String
    var reporter: String?
    /// Where the reporter goes in `shown`; `wholeInReporter` when `reporter` holds the whole
    /// report instead (the `null` was not found: two copies, as before, never a leak).
    var reporterAt: Int?
    static let wholeInReporter = -1

    init(_ report: Report) throws {
        guard report.privacy.hidesReporter, let person = report.reporter else {
            shown = try ContractJSON.encode(report)
            return
        }
        shown = try ContractJSON.encode(report.masked(for: .liaison))
        if let at = Self.topLevelNull(of: "reporter", in: Array(shown.utf8)) {
            reporter = try ContractJSON.encode(person)
            reporterAt = at
        } else {
            reporter = try ContractJSON.encode(report)
            reporterAt = Self.wholeInReporter
        }
    }

    init(_ row: Row) throws {
        shown = try row.decode(forColumn: "shown_json")
        reporter = try row.decode(forColumn: "reporter_json")
        reporterAt = try row.decode(forColumn: "reporter_at")
    }

    /// The report with its reporter: for the rules and for admins.
    var whole: String {
        guard let reporter, let at = reporterAt else { return shown }
        if at == Self.wholeInReporter { return reporter }
        var bytes = Array(shown.utf8)
        guard at >= 0, at + 4 <= bytes.count, bytes[at..<(at + 4)].elementsEqual("null".utf8) else { return shown }
        bytes.replaceSubrange(at..<(at + 4), with: reporter.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    var wholeBytes: Int {
        guard let reporter else { return shown.utf8.count }
        return reporterAt == Self.wholeInReporter ? reporter.utf8.count : shown.utf8.count + reporter.utf8.count - 4
    }

    /// The offset of the `null` that is the value of top-level `key` in a compact JSON object
    /// (as `JSONEncoder` writes it, keys in any order), found by walking the structure: a key
    /// inside a string or a nested object is never taken for it.
    static func topLevelNull(of key: String, in bytes: [UInt8]) -> Int? {
        let quoted = Array("\"\(key)\":null".utf8)
        var depth = 0
        var i = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == 0x5C {
                    i += 2
                    continue
                }
                if b == 0x22 { inString = false }
                i += 1
                continue
            }
            switch b {
            case 0x22:
                // A key of the top-level object starts right after `{` or `,` at depth 1.
                if depth == 1, i > 0, bytes[i - 1] == 0x7B || bytes[i - 1] == 0x2C, i + quoted.count <= bytes.count,
                    bytes[i..<(i + quoted.count)].elementsEqual(quoted)
                {
                    return i + quoted.count - 4
                }
                inString = true
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
            i += 1
        }
        return nil
    }
}

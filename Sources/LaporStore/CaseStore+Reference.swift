import Foundation
import GRDB
import LaporDomain

/// What `lapor login` and each sync keep of the server's reference data.
public struct ReferenceData: Sendable, Equatable {
    public var user: User
    public var units: [LaporDomain.Unit]
    public var categories: [LaporDomain.Category]
    public var calendarYears: [HolidayYear]
    public var policy: SlaPolicy
    /// The server's ETag of each reference route this was read from (by path, `/units`,
    /// `/calendar?year=2026`): the next read asks with `If-None-Match` (contract v1.1 item 7).
    public var tags: [String: String] = [:]

    public init(user: User, units: [LaporDomain.Unit], categories: [LaporDomain.Category], calendarYears: [HolidayYear], policy: SlaPolicy) {
        self.user = user
        self.units = units
        self.categories = categories
        self.calendarYears = calendarYears
        self.policy = policy
    }
}

extension ReferenceData {
    /// The rules as the server's reference data says: its units, policy and holiday decrees.
    /// With no decree at all (a server that has none), the built-in decrees stand in, and
    /// `usesBuiltinCalendar` says so. The one place a client builds its rules from reference data.
    public var rules: DeadlineRules {
        DeadlineRules(policy: policy, calendar: calendar, units: unitTree ?? Self.emptyUnits)
    }

    /// The workflow (state machine and rules) of this reference data; nil when the server's unit
    /// tree is not a tree.
    public var workflow: Workflow? {
        guard let tree = unitTree else { return nil }
        return Workflow(units: tree, policy: policy, calendar: calendar, categories: CategoryTree(categories))
    }

    /// True when the server sent no holiday decree and the built-in ones are used.
    public var usesBuiltinCalendar: Bool { calendarYears.isEmpty }

    var calendar: WorkingCalendar {
        calendarYears.isEmpty ? .builtin(skipsCutiBersama: policy.skipCutiBersama) : WorkingCalendar(years: calendarYears)
    }

    var unitTree: UnitTree? { try? UnitTree(units) }

    static let emptyUnits: UnitTree = {
        try! UnitTree([])  // invariant: an empty list is a valid tree
    }()

    /// Changes when anything the instants depend on changes (decrees, policy, units and zones).
    var rulesFingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let parts = [
            (try? encoder.encode(calendarYears)) ?? Data(), (try? encoder.encode(policy)) ?? Data(),
            (try? encoder.encode(units)) ?? Data(),
        ]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(parts.map(\.count).reduce(0, +))
    }
}

extension CaseStore {
    /// Replaces the reference data in one transaction.
    public func save(_ reference: ReferenceData) async throws {
        try await writer.write { db in
            let fingerprint = reference.rulesFingerprint
            let changed = try Self.setting("rules_fingerprint", in: db) != fingerprint
            try db.execute(sql: "DELETE FROM unit; DELETE FROM category; DELETE FROM calendar_year; DELETE FROM holiday")
            for (i, u) in reference.units.enumerated() {
                try db.execute(
                    sql: "INSERT INTO unit (position, id, name, parent_id, timezone) VALUES (?, ?, ?, ?, ?)",
                    arguments: [i, u.id, u.name, u.parentId, u.timezone])
            }
            for (i, c) in reference.categories.enumerated() {
                try db.execute(
                    sql: "INSERT INTO category (position, id, name, parent_id) VALUES (?, ?, ?, ?)", arguments: [i, c.id, c.name, c.parentId])
            }
            for year in reference.calendarYears {
                try db.execute(
                    sql: "INSERT INTO calendar_year (year, provisional, source) VALUES (?, ?, ?)",
                    arguments: [year.year, year.provisional, year.source])
                for h in year.holidays {
                    try db.execute(
                        sql: "INSERT INTO holiday (year, date, name, kind, source) VALUES (?, ?, ?, ?, ?)",
                        arguments: [year.year, h.date.iso, h.name, h.kind.rawValue, h.source])
                }
            }
            try Self.setSetting("user", String(decoding: try JSONEncoder().encode(reference.user), as: UTF8.self), in: db)
            try Self.setSetting("policy", String(decoding: try JSONEncoder().encode(reference.policy), as: UTF8.self), in: db)
            // The tags go with the data they were read with, in the same transaction.
            try Self.setSetting("reference_tags", String(decoding: try JSONEncoder().encode(reference.tags), as: UTF8.self), in: db)
            if changed {
                // New holidays, policy or units: every stored report's instants are decided again.
                _ = try Self.recomputeInstants(rules: reference.rules, in: db)
                try Self.setSetting("rules_fingerprint", fingerprint, in: db)
            }
        }
    }

    /// The reference data as last synced, nil before the first login.
    public func reference() throws -> ReferenceData? {
        try writer.read { db in try Self.reference(in: db) }
    }

    static func reference(in db: Database) throws -> ReferenceData? {
        do {
            guard let userJSON = try Self.setting("user", in: db), let policyJSON = try Self.setting("policy", in: db) else { return nil }
            let units = try Row.fetchAll(db, sql: "SELECT id, name, parent_id, timezone FROM unit ORDER BY position").map {
                LaporDomain.Unit(
                    id: try $0.decode(forColumn: "id"), name: try $0.decode(forColumn: "name"), parentId: try $0.decode(forColumn: "parent_id"),
                    timezone: try $0.decode(forColumn: "timezone"))
            }
            let categories = try Row.fetchAll(db, sql: "SELECT id, name, parent_id FROM category ORDER BY position").map {
                LaporDomain.Category(
                    id: try $0.decode(forColumn: "id"), name: try $0.decode(forColumn: "name"), parentId: try $0.decode(forColumn: "parent_id"))
            }
            var years: [HolidayYear] = []
            for row in try Row.fetchAll(db, sql: "SELECT year, provisional, source FROM calendar_year ORDER BY year") {
                let year: Int = try row.decode(forColumn: "year")
                let holidays = try Row.fetchAll(
                    db, sql: "SELECT date, name, kind, source FROM holiday WHERE year = ? ORDER BY date", arguments: [year]
                )
                .compactMap { h -> Holiday? in
                    let dateText: String = try h.decode(forColumn: "date")
                    guard let date = LocalDate(iso: dateText), let kind = Holiday.Kind(rawValue: try h.decode(forColumn: "kind")) else { return nil }
                    return Holiday(date: date, name: try h.decode(forColumn: "name"), kind: kind, source: try h.decode(forColumn: "source"))
                }
                years.append(
                    HolidayYear(
                        year: year, provisional: try row.decode(forColumn: "provisional"), source: try row.decode(forColumn: "source"),
                        holidays: holidays))
            }
            var reference = ReferenceData(
                user: try JSONDecoder().decode(User.self, from: Data(userJSON.utf8)), units: units, categories: categories,
                calendarYears: years, policy: try JSONDecoder().decode(SlaPolicy.self, from: Data(policyJSON.utf8)))
            // Unreadable tags are no tags: the next read is a whole one.
            reference.tags =
                try Self.setting("reference_tags", in: db).flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            return reference
        }
    }

    // MARK: Settings

    static func setSetting(_ key: String, _ value: String?, in db: Database) throws {
        if let value {
            try db.cachedStatement(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .execute(arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }

    static func setting(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    /// When the reference data was last read from the server (nil: never, or before v7's sync).
    public func referenceReadAt() throws -> Timestamp? {
        try writer.read { db in try Self.setting("reference_read_at", in: db).flatMap { Timestamp(rfc3339: $0) } }
    }

    public func setReferenceReadAt(_ at: Timestamp?) async throws {
        try await writer.write { db in try Self.setSetting("reference_read_at", at?.rfc3339, in: db) }
    }

    /// The change-feed cursor of the last whole page, nil before the first pull.
    public func cursor() throws -> String? { try writer.read { db in try Self.setting("cursor", in: db) } }

    /// Forgets the cursor and the reports (a login as another user starts afresh).
    public func resetReports() async throws {
        try await writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO report_fts (report_fts) VALUES ('delete-all'); DELETE FROM report; DELETE FROM similar; DELETE FROM similar_key; DELETE FROM similar_pending"
            )
            try Self.setSetting("cursor", nil, in: db)
        }
    }

    /// When the last sync finished (for "sinkron 3 menit lalu").
    public func lastSync() throws -> Timestamp? {
        try writer.read { db in try Self.setting("last_sync", in: db).flatMap { Timestamp(rfc3339: $0) } }
    }

    public func setLastSync(_ t: Timestamp) async throws {
        try await writer.write { db in try Self.setSetting("last_sync", t.rfc3339, in: db) }
    }
}

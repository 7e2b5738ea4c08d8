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

    public init(user: User, units: [LaporDomain.Unit], categories: [LaporDomain.Category], calendarYears: [HolidayYear], policy: SlaPolicy) {
        self.user = user
        self.units = units
        self.categories = categories
        self.calendarYears = calendarYears
        self.policy = policy
    }
}

extension CaseStore {
    /// Replaces the reference data in one transaction.
    public func save(_ reference: ReferenceData) async throws {
        try await writer.write { db in
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
        }
    }

    /// The reference data as last synced, nil before the first login.
    public func reference() throws -> ReferenceData? {
        try writer.read { db in
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
                    guard let date = LocalDate(iso: h["date"] as String), let kind = Holiday.Kind(rawValue: h["kind"]) else { return nil }
                    return Holiday(date: date, name: h["name"], kind: kind, source: h["source"])
                }
                years.append(
                    HolidayYear(
                        year: year, provisional: try row.decode(forColumn: "provisional"), source: try row.decode(forColumn: "source"),
                        holidays: holidays))
            }
            return ReferenceData(
                user: try JSONDecoder().decode(User.self, from: Data(userJSON.utf8)), units: units, categories: categories,
                calendarYears: years, policy: try JSONDecoder().decode(SlaPolicy.self, from: Data(policyJSON.utf8)))
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

    /// The change-feed cursor of the last whole page, nil before the first pull.
    public func cursor() throws -> String? { try writer.read { db in try Self.setting("cursor", in: db) } }

    /// Forgets the cursor and the reports (a login as another user starts afresh).
    public func resetReports() async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM report; DELETE FROM timeline_event; DELETE FROM attachment; DELETE FROM report_fts")
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

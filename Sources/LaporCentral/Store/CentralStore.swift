import Foundation
import GRDB
import LaporDomain

/// The reference server's own database: users, units, categories, reports with their change
/// sequence, and the idempotency record of every applied action.
///
/// Reports are kept as the JSON the contract sends (for `anonim` and `rahasia` reports without
/// the reporter, who is kept apart: `StoredJSON`), beside the columns that visibility, the change feed and
/// the system clock filter on; the feed then streams stored JSON without decoding it.
public struct CentralStore: Sendable {
    let writer: any DatabaseWriter
    /// How long an action id is remembered for replays (contract v1.2 item 2; `--idempotency-days`).
    public var idempotencyDays = 30

    /// Opens (creating if needed) the database at `path` in WAL mode.
    public init(path: String) throws {
        // Reporters' data lives here: the file (and the WAL files SQLite derives from it) is 0600.
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
        self.writer = pool
    }

    /// A private in-memory database, for tests.
    public static func inMemory() throws -> CentralStore {
        let queue = try DatabaseQueue()
        try migrator.migrate(queue)
        return CentralStore(writer: queue)
    }

    init(writer: any DatabaseWriter) { self.writer = writer }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE unit (
                        position INTEGER NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL,
                        parent_id TEXT, timezone TEXT NOT NULL);
                    CREATE TABLE category (
                        position INTEGER NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT);
                    CREATE TABLE user (
                        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT,
                        token_hash TEXT NOT NULL UNIQUE);
                    CREATE TABLE report (
                        id TEXT PRIMARY KEY,
                        seq INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        unit_id TEXT,
                        with_unit INTEGER NOT NULL,
                        due_at INTEGER,
                        version INTEGER NOT NULL,
                        full_json TEXT NOT NULL,
                        masked_json TEXT);
                    CREATE INDEX report_by_seq ON report(seq);
                    CREATE INDEX report_by_unit ON report(unit_id, seq);
                    CREATE INDEX report_by_clock ON report(status, due_at);
                    CREATE TABLE change (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        report_id TEXT NOT NULL,
                        prev_unit_id TEXT,
                        prev_with_unit INTEGER NOT NULL,
                        at INTEGER NOT NULL);
                    CREATE INDEX change_by_report ON change(report_id, seq);
                    CREATE TABLE action (
                        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, body_hash TEXT NOT NULL,
                        report_id TEXT NOT NULL, response TEXT NOT NULL, at INTEGER NOT NULL);
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        migrator.registerMigration("v2-reporter-keys") { db in
            // The hash of each citizen report's `reporter_key` (contract v1.1 item 9).
            try db.execute(sql: "CREATE TABLE reporter_key (report_id TEXT PRIMARY KEY, key_hash TEXT NOT NULL)")
        }
        migrator.registerMigration("v3-compact-idempotency") { db in
            // Per action only what a replay needs, not the whole answer (a report of up to 2 MiB):
            // a flood of follow-ups grew the database 15 times the text it accepted (issue 26).
            try db.execute(
                sql: """
                    CREATE TABLE action_record (
                        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, body_hash TEXT NOT NULL,
                        report_id TEXT NOT NULL, result TEXT NOT NULL, version INTEGER, at INTEGER NOT NULL);
                    INSERT INTO action_record (id, user_id, body_hash, report_id, result, version, at)
                        SELECT id, user_id, body_hash, report_id, 'applied',
                               CASE WHEN json_valid(response) THEN json_extract(response, '$.report.version') END, at
                        FROM action;
                    DROP TABLE action;
                    ALTER TABLE action_record RENAME TO action;
                    CREATE INDEX action_by_at ON action(at);
                    """)
        }
        migrator.registerMigration("v4-one-copy-of-a-report") { db in
            // A report that hides its reporter was stored twice (full and masked): now once, with
            // the reporter apart (`StoredJSON`).
            try db.execute(
                sql: """
                    ALTER TABLE report RENAME COLUMN full_json TO shown_json;
                    ALTER TABLE report ADD COLUMN reporter_json TEXT;
                    ALTER TABLE report ADD COLUMN reporter_at INTEGER;
                    """)
            let rows = try Row.fetchAll(db, sql: "SELECT id, shown_json FROM report WHERE masked_json IS NOT NULL")
            for row in rows {
                let id: String = try row.decode(forColumn: "id")
                // An unreadable row stays as it was: whole, with its reporter.
                guard let report = try? ContractJSON.decode(Report.self, from: try row.decode(forColumn: "shown_json")) else { continue }
                let stored = try StoredJSON(report)
                try db.execute(
                    sql: "UPDATE report SET shown_json = ?, reporter_json = ?, reporter_at = ? WHERE id = ?",
                    arguments: [stored.shown, stored.reporter, stored.reporterAt, id])
            }
            try db.execute(sql: "ALTER TABLE report DROP COLUMN masked_json")
        }
        return migrator
    }

    // MARK: Reference data

    /// Replaces units and categories (seeding only).
    public func saveReference(units: [LaporDomain.Unit], categories: [LaporDomain.Category]) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM unit; DELETE FROM category")
            for (i, u) in units.enumerated() {
                try db.execute(
                    sql: "INSERT INTO unit (position, id, name, parent_id, timezone) VALUES (?, ?, ?, ?, ?)",
                    arguments: [i, u.id, u.name, u.parentId, u.timezone])
            }
            for (i, c) in categories.enumerated() {
                try db.execute(
                    sql: "INSERT INTO category (position, id, name, parent_id) VALUES (?, ?, ?, ?)",
                    arguments: [i, c.id, c.name, c.parentId])
            }
        }
    }

    public func units() throws -> [LaporDomain.Unit] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, parent_id, timezone FROM unit ORDER BY position").map {
                LaporDomain.Unit(
                    id: try $0.decode(forColumn: "id"), name: try $0.decode(forColumn: "name"), parentId: try $0.decode(forColumn: "parent_id"),
                    timezone: try $0.decode(forColumn: "timezone"))
            }
        }
    }

    public func categories() throws -> [LaporDomain.Category] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, parent_id FROM category ORDER BY position").map {
                LaporDomain.Category(
                    id: try $0.decode(forColumn: "id"), name: try $0.decode(forColumn: "name"), parentId: try $0.decode(forColumn: "parent_id"))
            }
        }
    }

    // MARK: Users

    /// Adds a user with the hash of their token; the token itself is never stored.
    public func addUser(_ user: User, tokenHash: String) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO user (id, name, role, unit_id, token_hash) VALUES (?, ?, ?, ?, ?)",
                arguments: [user.id, user.name, user.role.rawValue, user.unitId, tokenHash])
        }
    }

    /// Every user by token hash.
    public func usersByTokenHash() throws -> [String: User] {
        try writer.read { db in
            var out: [String: User] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name, role, unit_id, token_hash FROM user") {
                guard let role = Role(rawValue: try row.decode(forColumn: "role")) else { continue }
                out[try row.decode(forColumn: "token_hash")] = User(
                    id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"), role: role,
                    unitId: try row.decode(forColumn: "unit_id"))
            }
            return out
        }
    }

    public func userCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
    }

    public func reportCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") ?? 0 }
    }
}

/// JSON as the server writes it: the contract's field names, compact.
enum ContractJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension CentralStore {
    /// Every report, in change order (tests and tools; the server streams the feed instead).
    public func allReports() throws -> [Report] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT shown_json, reporter_json, reporter_at FROM report ORDER BY seq").map {
                try ContractJSON.decode(Report.self, from: try StoredJSON($0).whole)
            }
        }
    }
}

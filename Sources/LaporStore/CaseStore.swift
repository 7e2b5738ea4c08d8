import Foundation
import GRDB
import LaporDomain

/// The officer's local case store: everything the screens read, the outbox of actions waiting
/// for the central endpoint, autosaved drafts, and a local audit log.
///
/// One `DatabasePool` (WAL) per file, so that a TUI and a `lapor sync --watch` process can use the
/// same store at once: reads never wait for writes and writes wait for each other (busy timeout).
public struct CaseStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the file lives, nil in memory.
    public let path: String?

    /// Opens or creates the store at `path`; the file is created with mode 0600. `upgrading` is
    /// called before the migrations of a store that holds reports already run (they can take
    /// seconds on a large store: the caller says so instead of seeming to hang).
    public init(path: String, upgrading: () -> Void = {}) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotCreate(path)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A 16 MB page cache, and the WAL checkpointed every 8,000 pages on the writer: a
            // pull of 100,000 reports 6.4 → 6.0 s (docs/performance.md).
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000")
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000") }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let upgrade = try pool.read { db in try !Self.migrator.hasCompletedMigrations(db) && db.tableExists("report") }
        if upgrade { upgrading() }
        try Self.migrator.migrate(pool)
        self.writer = pool
        self.path = path
    }

    /// A private in-memory store, for tests of queries.
    public static func inMemory() throws -> CaseStore {
        let queue = try DatabaseQueue()
        try migrator.migrate(queue)
        return CaseStore(writer: queue, path: nil)
    }

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// FTS5's own check of the full-text index against the texts it reads (nil when they agree,
    /// else SQLite's message). FTS5 takes the check as a write command, so it runs as one.
    public func ftsIntegrityCheck() throws -> String? {
        try writer.write { db in
            do {
                try db.execute(sql: "INSERT INTO report_fts (report_fts, rank) VALUES ('integrity-check', 1)")
                return nil
            } catch let error as DatabaseError {
                return error.message ?? "\(error)"
            }
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}

/// Failures of the store that a user can meet.
public enum StoreError: Error, Equatable, Sendable {
    case cannotCreate(String)
    case unknownReport(String)
    case unknownOutboxItem(String)
    case outboxItemNotRetryable(String, state: String)
}

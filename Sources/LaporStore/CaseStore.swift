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

    /// Opens or creates the store at `path`; the file is created with mode 0600.
    public init(path: String) throws {
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
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000")
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000") }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
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

import Foundation
import GRDB
import GRDBSQLite

/// A cached GRDB statement bound and stepped through the SQLite C API, for the one hot path that
/// runs per report in a pull: building `StatementArguments` (an existential box per value) cost
/// more than SQLite's own insert. Same connection, same transaction; a failed step throws GRDB's
/// `DatabaseError` with SQLite's message.
struct RawStatement {
    let statement: OpaquePointer
    let db: Database

    init(_ sql: String, in db: Database) throws {
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        self.db = db
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        _ = value.withUTF8 { utf8 in
            if let base = utf8.baseAddress, utf8.count > 0 {
                sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(utf8.count), Self.transient)
            } else {
                sqlite3_bind_text(statement, index, "", 0, nil)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(statement, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Data) {
        _ = value.withUnsafeBytes { bytes -> Int32 in
            if let base = bytes.baseAddress, bytes.count > 0 {
                return sqlite3_bind_blob(statement, index, base, Int32(bytes.count), Self.transient)
            }
            return sqlite3_bind_zeroblob(statement, index, 0)
        }
    }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(statement, index, value ? 1 : 0) }

    /// Runs a statement that returns no rows.
    func run() throws {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Binds one integer and runs.
    func bindingRun(_ value: Int64) throws {
        bind(1, value)
        try run()
    }

    /// The first column of the first row as an integer, nil without a row.
    func int64() throws -> Int64? {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        switch code {
        case SQLITE_ROW: return sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        default: throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        let sql = sqlite3_sql(statement).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}

import Foundation
import GRDB
import LaporDomain

/// What became of an action request.
enum ActionOutcome {
    /// Applied now: the response body to send (and to replay later).
    case applied(String)
    /// Applied before with the same body: the answer to send again, `replayed` with the report
    /// as it is now.
    case replayed(String)
    /// The same id was used for another body (or by another user).
    case mismatch
    /// The report does not exist or the caller may not see it.
    case notFound
    /// The rules refuse it; `report` is the current report as the caller may see it.
    case refused(Refusal, report: Report)
}

extension CentralStore {
    /// Applies an action exactly once, in one transaction: the idempotency record, the report,
    /// its timeline and its change are written together or not at all.
    func apply(_ request: ActionRequest, bodyHash: String, by user: User, workflow: Workflow, at now: Timestamp) async throws -> ActionOutcome {
        try await writer.write { db in
            // A record older than the window is a new action with the same id (contract v1.2 item 2).
            let since = now.epochSeconds - Int64(idempotencyDays) * 86_400
            if let row = try Row.fetchOne(
                db, sql: "SELECT user_id, body_hash, report_id FROM action WHERE id = ? AND at >= ?", arguments: [request.id, since])
            {
                guard try row.decode(forColumn: "user_id") as String == user.id, try row.decode(forColumn: "body_hash") as String == bodyHash else {
                    return .mismatch
                }
                // Only what a replay needs was kept: the report is read as it is now.
                guard let report = try Self.load(try row.decode(forColumn: "report_id"), in: db) else { return .notFound }
                return .replayed(
                    try ContractJSON.encode(ActionResponse(actionId: request.id, result: "replayed", report: report.masked(for: user.role))))
            }
            try db.execute(sql: "DELETE FROM action WHERE id = ?", arguments: [request.id])
            guard let report = try Self.load(request.reportId, in: db), workflow.canSee(report, user: user) else { return .notFound }
            // v1.1 item 5: a duplicate's original must exist and be the admin's to see.
            if workflow.check(request, by: user, on: report) == nil, let id = request.duplicateOf,
                let refusal = workflow.checkOriginal(of: request, try Self.load(id, in: db), by: user)
            {
                return .refused(refusal, report: report.masked(for: user.role))
            }
            switch workflow.apply(request, by: user, to: report, at: now) {
            case .failure(let refusal):
                return .refused(refusal, report: report.masked(for: user.role))
            case .success(let next):
                try Self.save(next, previous: report, at: now, in: db)
                let response = ActionResponse(actionId: request.id, result: "applied", report: next.masked(for: user.role))
                let body = try ContractJSON.encode(response)
                // What a replay needs, not the answer: a few dozen bytes an action (issue 26).
                try db.execute(
                    sql: "INSERT INTO action (id, user_id, body_hash, report_id, result, version, at) VALUES (?, ?, ?, ?, 'applied', ?, ?)",
                    arguments: [request.id, user.id, bodyHash, report.id, next.version, now.epochSeconds])
                return .applied(body)
            }
        }
    }
}

/// The body of a successful `POST /actions`.
struct ActionResponse: Codable {
    var actionId: String
    var result: String
    var report: Report

    enum CodingKeys: String, CodingKey {
        case actionId = "action_id"
        case result, report
    }
}

extension CentralStore {
    /// Forgets the idempotency records older than the window (the system clock's tick calls it);
    /// returns how many went.
    @discardableResult
    public func forgetOldActions(at now: Timestamp) async throws -> Int {
        let since = now.epochSeconds - Int64(idempotencyDays) * 86_400
        return try await writer.write { db in
            try db.execute(sql: "DELETE FROM action WHERE at < ?", arguments: [since])
            return db.changesCount
        }
    }

    /// Writes the WAL into the database file and truncates it (tests and the bench measure the
    /// file's size after it).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// How many idempotency records are kept (tests, the bench).
    public func actionRecordCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action") ?? 0 }
    }
}

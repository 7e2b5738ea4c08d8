import Foundation
import GRDB
import LaporDomain

/// An action waiting for, or answered by, the central endpoint.
public struct OutboxItem: Sendable, Equatable, Identifiable {
    public enum State: String, Sendable, CaseIterable {
        /// Waiting to be sent (or sent and not yet acknowledged: it goes again with the same key).
        case queued
        /// Acknowledged by the server.
        case sent
        /// The report moved on: the server's current report is kept beside the user's text.
        case conflict
        /// Refused as invalid; the server's words are kept.
        case failed
        /// Given up by the user (the text is kept).
        case discarded

        /// Sent again (as it was, or edited): what the server refused or answered with a conflict.
        /// The one answer the store, the CLI and the TUI all ask.
        public var isRetryable: Bool { self == .conflict || self == .failed }
        /// Given up: anything not yet settled by the server or by the user.
        public var isDiscardable: Bool { self == .queued || isRetryable }
    }

    public var seq: Int64
    public var id: String
    public var reportId: String
    public var request: ActionRequest
    public var state: State
    public var attempts: Int
    public var error: String?
    public var serverReport: Report?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var acknowledgedAt: Timestamp?

    public var type: ActionType { request.type }

    public init(
        seq: Int64, id: String, reportId: String, request: ActionRequest, state: State, attempts: Int = 0, error: String? = nil,
        serverReport: Report? = nil, createdAt: Timestamp, updatedAt: Timestamp, acknowledgedAt: Timestamp? = nil
    ) {
        self.seq = seq
        self.id = id
        self.reportId = reportId
        self.request = request
        self.state = state
        self.attempts = attempts
        self.error = error
        self.serverReport = serverReport
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.acknowledgedAt = acknowledgedAt
    }
}

extension CaseStore {
    /// Queues an action, in one transaction with clearing the draft it came from: the text is
    /// in the outbox before it leaves the draft, so nothing typed is lost.
    @discardableResult
    public func queue(_ request: ActionRequest, by user: User, at now: Timestamp, clearingDraft draft: DraftKey? = nil) throws -> OutboxItem {
        try writer.write { db in try Self.insertQueued(request, by: user, at: now, clearingDraft: draft, in: db) }
    }

    static func insertQueued(_ request: ActionRequest, by user: User, at now: Timestamp, clearingDraft draft: DraftKey?, in db: Database) throws
        -> OutboxItem
    {
        let json = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO outbox (id, report_id, type, request, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'queued', ?, ?)
                """,
            arguments: [request.id, request.reportId, request.type.rawValue, json, now.epochSeconds, now.epochSeconds])
        if let draft {
            try db.execute(sql: "DELETE FROM draft WHERE report_id = ? AND kind = ?", arguments: [draft.reportId, draft.kind])
        }
        try Self.audit("queued", user: user.id, report: request.reportId, detail: "\(request.type.rawValue) \(request.id)", at: now, in: db)
        guard let item = try Self.outboxItem(request.id, in: db) else { throw StoreError.unknownOutboxItem(request.id) }
        return item
    }

    static func requeue(_ item: OutboxItem, text: String?, by user: User, at now: Timestamp, in db: Database) throws -> String {
        guard item.state.isRetryable else { throw StoreError.outboxItemNotRetryable(item.id, state: item.state.rawValue) }
        var request = item.request
        if let text { request.text = text }
        // A changed request is a new action: it needs a new key, or the server would refuse the
        // old key with another body. An unchanged one keeps its key.
        let newId = request == item.request ? item.id : UUID().uuidString.lowercased()
        request.id = newId
        try db.execute(
            sql: "UPDATE outbox SET id = ?, request = ?, state = 'queued', error = NULL, server_report = NULL, updated_at = ? WHERE seq = ?",
            arguments: [newId, String(decoding: try JSONEncoder().encode(request), as: UTF8.self), now.epochSeconds, item.seq])
        try Self.audit("retried", user: user.id, report: item.reportId, detail: "\(item.id) → \(newId)", at: now, in: db)
        return newId
    }

    /// Reads the stored report, builds the action from it, asks the rules, and queues it with
    /// the draft cleared — one transaction, so the rules see the report the queue is written
    /// against. `check` is the caller's `Workflow.check`; the store itself decides nothing.
    public func queue(
        on reportId: String, by user: User, at now: Timestamp, clearingDraft draft: DraftKey?, make: (Report) -> ActionRequest,
        check: (ActionRequest, Report, _ lookup: (String) -> Report?) -> Refusal?
    ) throws -> Checked<OutboxItem> {
        try writer.write { db in
            guard let report = try Self.storedReport(reportId, in: db) else { return .notInStore }
            let request = make(report)
            // Another stored report, for the rules that name one (a duplicate's original).
            let lookup = { (id: String) in (try? Self.storedReport(id, in: db)) ?? nil }
            if let refusal = check(request, report, lookup) { return .refused(refusal) }
            // The same action on the same report, already waiting to be sent: once is enough
            // (a second `lapor act`, a key pressed twice). A changed text is edited in the outbox.
            if let waiting = try String.fetchOne(
                db, sql: "SELECT id FROM outbox WHERE report_id = ? AND type = ? AND state = 'queued' ORDER BY seq LIMIT 1",
                arguments: [report.id, request.type.rawValue])
            {
                return .alreadyQueued(waiting)
            }
            return .done(try Self.insertQueued(request, by: user, at: now, clearingDraft: draft, in: db))
        }
    }

    /// Puts a conflicted or failed item back in the queue (with a new text, if given) after
    /// asking the rules on the stored report — one transaction. An item whose report left the
    /// store goes back unchecked: the server will say.
    public func retry(
        _ id: String, text: String?, by user: User, at now: Timestamp, clearingDraft draft: DraftKey? = nil,
        check: (ActionRequest, Report, _ lookup: (String) -> Report?) -> Refusal?
    ) throws -> Checked<String> {
        try writer.write { db in
            guard let item = try Self.outboxItem(id, in: db) else { throw StoreError.unknownOutboxItem(id) }
            var request = item.request
            if let text { request.text = text }
            let lookup = { (id: String) in (try? Self.storedReport(id, in: db)) ?? nil }
            if let report = try Self.storedReport(item.reportId, in: db), let refusal = check(request, report, lookup) { return .refused(refusal) }
            let newId = try Self.requeue(item, text: text, by: user, at: now, in: db)
            if let draft {
                try db.execute(sql: "DELETE FROM draft WHERE report_id = ? AND kind = ?", arguments: [draft.reportId, draft.kind])
            }
            return .done(newId)
        }
    }

    static func storedReport(_ id: String, in db: Database) throws -> Report? {
        try String.fetchOne(db, sql: "SELECT json FROM report WHERE id = ?", arguments: [id]).map {
            try JSONDecoder().decode(Report.self, from: Data($0.utf8))
        }
    }

    /// Items to send, oldest first. Per report, nothing after an item in conflict or failed is
    /// sent: the user settles the first before the next can make sense.
    public func sendable() throws -> [OutboxItem] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox o WHERE state = 'queued' AND NOT EXISTS (
                        SELECT 1 FROM outbox b WHERE b.report_id = o.report_id AND b.seq < o.seq AND b.state IN ('conflict', 'failed'))
                    ORDER BY seq
                    """
            ).map(Self.outboxItem)
        }
    }

    /// The outbox, newest first, optionally of some states.
    public func outbox(states: Set<OutboxItem.State> = Set(OutboxItem.State.allCases)) throws -> [OutboxItem] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY seq DESC").map(Self.outboxItem).filter { states.contains($0.state) }
        }
    }

    /// The items of one report that have not settled (queued, in conflict, failed), oldest first:
    /// what the TUI shows on the report until the server has answered.
    public func unsettled(for reportId: String) throws -> [OutboxItem] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE report_id = ? AND state IN ('queued', 'conflict', 'failed') ORDER BY seq", arguments: [reportId]
            ).map(Self.outboxItem)
        }
    }

    /// The reports with an action waiting to be sent or settled.
    public func reportsWithUnsettledActions() throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT report_id FROM outbox WHERE state IN ('queued', 'conflict', 'failed')"))
        }
    }

    public func outboxItem(_ id: String) throws -> OutboxItem? { try writer.read { db in try Self.outboxItem(id, in: db) } }

    /// Counts per state, for the status bar.
    public func outboxCounts() throws -> [OutboxItem.State: Int] {
        try writer.read { db in
            var out: [OutboxItem.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                if let state = OutboxItem.State(rawValue: try row.decode(forColumn: "state")) { out[state] = try row.decode(forColumn: "n") }
            }
            return out
        }
    }

    /// The server acknowledged the action: it is done, and its answer is the report's new state.
    public func acknowledge(_ id: String, report: Report?, at now: Timestamp) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'sent', error = NULL, acknowledged_at = ?, updated_at = ? WHERE id = ?",
                arguments: [now.epochSeconds, now.epochSeconds, id])
            if let report {
                try Self.upsert(report, rules: try Self.rules(in: db), userId: try Self.userId(in: db), receivedAt: now.epochSeconds, in: db)
            }
            try Self.audit("acknowledged", user: nil, report: report?.id, detail: id, at: now, in: db)
        }
    }

    /// The report moved on: keep the user's text and the server's current report.
    public func markConflict(_ id: String, serverReport: Report?, message: String, at now: Timestamp) async throws {
        try await writer.write { db in
            let json = try serverReport.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            try db.execute(
                sql: "UPDATE outbox SET state = 'conflict', error = ?, server_report = ?, updated_at = ? WHERE id = ?",
                arguments: [message, json, now.epochSeconds, id])
            if let serverReport {
                try Self.upsert(serverReport, rules: try Self.rules(in: db), userId: try Self.userId(in: db), receivedAt: now.epochSeconds, in: db)
            }
            try Self.audit("conflict", user: nil, report: serverReport?.id, detail: "\(id): \(message)", at: now, in: db)
        }
    }

    /// The server refused the action as invalid: keep the text and its words.
    public func markFailed(_ id: String, message: String, at now: Timestamp) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'failed', error = ?, updated_at = ? WHERE id = ?", arguments: [message, now.epochSeconds, id])
            try Self.audit("failed", user: nil, report: nil, detail: "\(id): \(message)", at: now, in: db)
        }
    }

    /// A send that got no answer (network, 5xx, 429): counted, and the item stays queued.
    public func recordAttempt(_ id: String, error: String, at now: Timestamp) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET attempts = attempts + 1, error = ?, updated_at = ? WHERE id = ?",
                arguments: [error, now.epochSeconds, id])
        }
    }

    /// Puts a conflicted or failed item back in the queue, with a new text if given.
    public func retry(_ id: String, text: String? = nil, by user: User, at now: Timestamp) throws {
        try writer.write { db in
            guard let item = try Self.outboxItem(id, in: db) else { throw StoreError.unknownOutboxItem(id) }
            _ = try Self.requeue(item, text: text, by: user, at: now, in: db)
        }
    }

    /// Gives an item up; its text stays readable in the outbox.
    public func discard(_ id: String, by user: User, at now: Timestamp) throws {
        try writer.write { db in
            guard let item = try Self.outboxItem(id, in: db) else { throw StoreError.unknownOutboxItem(id) }
            guard item.state.isDiscardable else { throw StoreError.outboxItemNotRetryable(id, state: item.state.rawValue) }
            try db.execute(sql: "UPDATE outbox SET state = 'discarded', updated_at = ? WHERE seq = ?", arguments: [now.epochSeconds, item.seq])
            try Self.audit("discarded", user: user.id, report: item.reportId, detail: id, at: now, in: db)
        }
    }

    static func outboxItem(_ id: String, in db: Database) throws -> OutboxItem? {
        try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(outboxItem)
    }

    static func outboxItem(_ row: Row) throws -> OutboxItem {
        let decoder = JSONDecoder()
        return OutboxItem(
            seq: try row.decode(forColumn: "seq"), id: try row.decode(forColumn: "id"), reportId: try row.decode(forColumn: "report_id"),
            request: try decoder.decode(ActionRequest.self, from: Data((try row.decode(forColumn: "request") as String).utf8)),
            state: OutboxItem.State(rawValue: try row.decode(forColumn: "state")) ?? .failed, attempts: try row.decode(forColumn: "attempts"),
            error: try row.decode(forColumn: "error"),
            serverReport: try (try row.decode(forColumn: "server_report") as String?).map { try decoder.decode(Report.self, from: Data($0.utf8)) },
            createdAt: Timestamp(epochSeconds: try row.decode(forColumn: "created_at")),
            updatedAt: Timestamp(epochSeconds: try row.decode(forColumn: "updated_at")),
            acknowledgedAt: (try row.decode(forColumn: "acknowledged_at") as Int64?).map { Timestamp(epochSeconds: $0) })
    }
}

/// The outcome of a write that asked the rules first.
public enum Checked<Value: Sendable>: Sendable {
    case done(Value)
    case refused(Refusal)
    case notInStore
    /// The same action on the report is already waiting in the outbox (that item's id).
    case alreadyQueued(String)
}

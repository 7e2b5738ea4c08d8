import Foundation
import GRDB
import LaporDomain

/// One report read from an export, with its row as lapor keeps it.
public struct ImportedReport: Sendable {
    /// The report as the store keeps it: the reporter removed for a role that may not see it
    /// (`Report.masked(for:)`, as a sync would), the instants the rules decide, updated at the
    /// import's instant, version 1.
    public var report: Report
    /// The row's cells by column name as the JSON the store keeps, without what the role may not
    /// see (`AdminExport.visibleCells`: the reporter's name of an anonim or rahasia report for all
    /// but admins), so that no file lapor writes from them can hold it. Made at once: 50,000
    /// dictionaries held until the write were ~50 MB of an import's peak.
    public var cellsJSON: String
    /// `report` as JSON, made here so that callers can make many at once on every core (the
    /// encoding was 13% of a 50,000-row import); made again if the store gives a new version.
    public var reportJSON: String
    /// The instants the rules decide for `report` (the store's columns), made here too.
    public var instants: DecidedInstants
    public var sheetRow: Int

    public init(
        report read: Report, cells: [AdminExport.Column: String], sheetRow: Int, role: Role, rules: DeadlineRules?, at now: Timestamp
    ) throws {
        var report = read.masked(for: role)
        report.version = 1
        report.updatedAt = now
        // `list --format json` streams the stored JSON: it carries the deadline `show` gives.
        let instants = rules?.instants(for: report) ?? DecidedInstants()
        if rules != nil { report.apply(instants) }
        self.report = report
        self.instants = instants
        self.cellsJSON = Self.cellsJSON(of: read, cells: cells, role: role)
        self.reportJSON = try report.importedJSON ?? String(decoding: JSONEncoder().encode(report), as: UTF8.self)
        self.sheetRow = sheetRow
    }
}

extension ImportedReport {
    /// A row's cells as the store keeps them for `role` (`AdminExport.visibleCells`); an empty
    /// cell and a missing one are the same (a sheet stores neither the same way twice).
    public static func cellsJSON(of report: Report, cells: [AdminExport.Column: String], role: Role) -> String {
        CaseStore.cellsJSON(AdminExport.visibleCells(cells, of: report, to: role))
    }
}

/// One row of an import, as the store takes it.
public enum ImportItem: Sendable {
    /// A new or changed report.
    case report(ImportedReport)
    /// A row whose cells are as stored (`CaseStore.unchangedImportedRows`): only noted as in
    /// the latest export, its report not made again.
    case unchanged(id: String, sheetRow: Int)
}

/// What an import did to the store.
public struct ImportOutcome: Sendable, Equatable {
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    /// Reports imported before that the file no longer holds: kept, flagged.
    public var missing = 0

    public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, missing: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.missing = missing
    }
}

/// An imported report's row and whether the latest export still held it.
public struct ImportedRowInfo: Sendable, Equatable {
    public var sheetRow: Int
    public var cells: [String: String]
    public var inLatest: Bool
}

extension CaseStore {
    /// Imports reports read from an export, in one transaction: a report whose row is as stored
    /// is untouched; a changed row updates its report (a new version, so it shows as unread);
    /// drafts and marks are never touched; reports the file no longer holds stay, flagged
    /// "not in the latest export". The reporter is kept from a role that may not see it, as a
    /// sync would (`Report.masked(for:)`, when each `ImportedReport` was made for the role of
    /// `reference.user`).
    public func importReports(_ reports: [ImportedReport], reference: ReferenceData, at now: Timestamp) async throws -> ImportOutcome {
        let batches = ImportBatches([reports.map(ImportItem.report)])
        return try await importReports(reference: reference, at: now) { try batches.next() }
    }

    /// The same, with the reports handed over batch by batch inside the transaction (`next`
    /// returns nil when done): an import of 50,000 rows holds one batch of reports, not all.
    public func importReports(
        reference: ReferenceData, at now: Timestamp, next: @escaping @Sendable () throws -> [ImportItem]?
    ) async throws -> ImportOutcome {
        let roleChanged = try !keepsImportedRows(for: reference.user.role)
        try await save(reference)
        return try await writer.write { db in
            var outcome = ImportOutcome()
            // Into an empty store (a first import): no row to compare, no report to find.
            let empty = try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM report)") == 0
            let rules = try Self.rules(in: db)
            try db.execute(sql: "UPDATE imported_row SET in_latest = 0")
            while let batch = try next() {
                for item in batch {
                    switch item {
                    case .report(let report):
                        try Self.importOne(report, rules: rules, at: now, rewrite: roleChanged, empty: empty, outcome: &outcome, in: db)
                    case .unchanged(let id, let sheetRow):
                        outcome.unchanged += 1
                        try db.cachedStatement(sql: "UPDATE imported_row SET in_latest = 1, sheet_row = ? WHERE report_id = ?").execute(
                            arguments: [sheetRow, id])
                    }
                }
            }
            outcome.missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM imported_row WHERE in_latest = 0") ?? 0
            return outcome
        }
    }

    /// Whether an import for `role` keeps stored rows that did not change: not when the profile
    /// was imported for another role before (`--role`: every report is stored again, so that an
    /// admin gets the reporters a liaison's import left out).
    public func keepsImportedRows(for role: Role) throws -> Bool {
        try reference().map { $0.user.role == role } ?? true
    }

    /// The rows among `rows` (tracking ID, `ImportedReport.cellsJSON`) whose cells are as stored,
    /// read beside an import's open transaction, so that its readers make no report of them. Empty
    /// for a store that cannot be read beside a write (in memory, in the tests).
    public func unchangedImportedRows(_ rows: [(id: String, cellsJSON: String)]) throws -> Set<String> {
        guard writer is DatabasePool, !rows.isEmpty else { return [] }
        let wanted = Dictionary(rows.map { ($0.id, $0.cellsJSON) }, uniquingKeysWith: { a, _ in a })
        return try writer.read { db in
            var same = Set<String>()
            for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min(rows.count, $0 + 500)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let found = try Row.fetchCursor(
                    db, sql: "SELECT i.report_id, i.cells FROM imported_row i JOIN report r ON r.id = i.report_id WHERE i.report_id IN (\(marks))",
                    arguments: StatementArguments(chunk.map(\.id)))
                while let row = try found.next() {
                    let id: String = try row.decode(forColumn: "report_id")
                    if wanted[id] == (try row.decode(String.self, forColumn: "cells")) { same.insert(id) }
                }
            }
            return same
        }
    }

    static func importOne(
        _ item: ImportedReport, rules: DeadlineRules, at now: Timestamp, rewrite: Bool, empty: Bool = false, outcome: inout ImportOutcome,
        in db: Database
    ) throws {
        let cells = item.cellsJSON
        let stored =
            empty
            ? nil
            : try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT i.cells, r.version FROM imported_row i LEFT JOIN report r ON r.id = i.report_id WHERE i.report_id = ?"),
                arguments: [item.report.id])
        // Masked for the role when it was made (`ImportedReport.init`).
        var report = item.report
        var json: String? = item.reportJSON
        if let stored, let version: Int = try stored.decode(forColumn: "version") {
            let before: String = try stored.decode(forColumn: "cells")
            if !rewrite, try before == cells || isUnchanged(report, storedAs: version, in: db) {
                // The same row, or the same report in another shape (a file re-saved by a
                // spreadsheet program, an export lapor wrote): untouched but for its cells.
                outcome.unchanged += 1
                try db.cachedStatement(sql: "UPDATE imported_row SET in_latest = 1, cells = ?, sheet_row = ? WHERE report_id = ?").execute(
                    arguments: [cells, item.sheetRow, report.id])
                return
            }
            report.version = version + 1
            json = nil
            outcome.updated += 1
        } else if !empty, let version = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM report WHERE id = ?"), arguments: [report.id]) {
            report.version = version + 1
            json = nil
            outcome.updated += 1
        } else {
            outcome.new += 1
        }
        if report.updatedAt != now {
            report.updatedAt = now
            json = nil
        }
        // Duplicate features are filed afterwards (`fileSimilarPending`): on the store's one
        // writing thread they were a quarter of a 200,000-row import.
        try upsert(
            report, json: json, instants: item.instants, rules: rules, userId: nil, receivedAt: now.epochSeconds, known: !empty,
            fileSimilarLater: true, in: db)
        try db.cachedStatement(
            sql: """
                INSERT INTO imported_row (report_id, sheet_row, cells, in_latest, imported_at) VALUES (?, ?, ?, 1, ?)
                ON CONFLICT(report_id) DO UPDATE SET sheet_row = excluded.sheet_row, cells = excluded.cells, in_latest = 1,
                    imported_at = excluded.imported_at
                """
        ).execute(arguments: [report.id, item.sheetRow, cells, now.epochSeconds])
    }

    /// Every imported row without what the profile's role may not see, and its report's JSON
    /// with the instants the rules decide (migration v11). A row that does not read is left.
    static func reviseImportedRows(in db: Database) throws {
        guard let role = try reference(in: db)?.user.role else { return }
        let rules = try rules(in: db)
        let decoder = JSONDecoder()
        let rows = try Row.fetchAll(db, sql: "SELECT i.report_id, i.cells, r.json FROM imported_row i JOIN report r ON r.id = i.report_id")
        for row in rows {
            let id: String = try row.decode(forColumn: "report_id")
            let cellsText: String = try row.decode(forColumn: "cells")
            let json: String = try row.decode(forColumn: "json")
            guard var report = try? decoder.decode(Report.self, from: Data(json.utf8)),
                let cells = try? decoder.decode([String: String].self, from: Data(cellsText.utf8))
            else { continue }
            var columns: [AdminExport.Column: String] = [:]
            var others: [String: String] = [:]
            for (name, value) in cells {
                if let column = AdminExport.Column(rawValue: name) { columns[column] = value } else { others[name] = value }
            }
            let visible = AdminExport.visibleCells(columns, of: report, to: role)
            others.merge(visible.map { ($0.key.rawValue, $0.value) }) { $1 }
            report.apply(rules.instants(for: report))
            try db.execute(sql: "UPDATE imported_row SET cells = ? WHERE report_id = ?", arguments: [cellsJSON(others), id])
            try db.execute(
                sql: "UPDATE report SET json = ? WHERE id = ?", arguments: [String(decoding: try JSONEncoder().encode(report), as: UTF8.self), id])
        }
    }

    /// Whether the stored report is `report` but for its version and update time.
    static func isUnchanged(_ report: Report, storedAs version: Int, in db: Database) throws -> Bool {
        guard let json = try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM report WHERE id = ?"), arguments: [report.id]),
            var stored = try? JSONDecoder().decode(Report.self, from: Data(json.utf8))
        else { return false }
        stored.version = report.version
        stored.updatedAt = report.updatedAt
        return stored == report
    }

    /// A row's cells as a JSON object with sorted keys: the same cells give the same text, which
    /// is how a re-import finds a row unchanged. Written here, not by JSONEncoder: that was 15% of
    /// a 50,000-row import (perf); `ImportStoreTests` holds it to JSONDecoder's reading.
    static func cellsJSON(_ cells: [AdminExport.Column: String]) -> String {
        // Bytes into one buffer: appending Strings was a tenth of an import (perf, 200,000 rows).
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(2048)
        for (column, name) in zip(AdminExport.Column.byName, quotedNames) {
            guard let value = cells[column], !value.isEmpty else { continue }
            if out.count > 1 { out.append(0x2C) }
            out.append(contentsOf: name)
            JSONText.append(value, to: &out, encoderStyle: false)
        }
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    /// `"Column name":` of each column, in `Column.byName` order (the names need no escape).
    static let quotedNames = AdminExport.Column.byName.map { Array("\"\($0.rawValue)\":".utf8) }

    /// The same for cells by name (the columns lapor does not know too).
    static func cellsJSON(_ cells: [String: String]) -> String {
        var out = "{"
        for (i, key) in cells.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            appendJSONString(key, to: &out)
            out += ":"
            appendJSONString(cells[key] ?? "", to: &out)
        }
        return out + "}"
    }

    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        // Most cells need no escape: appended whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// The row an imported report was read from (nil for a synced report).
    public func importedRow(_ id: String) throws -> ImportedRowInfo? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sheet_row, cells, in_latest FROM imported_row WHERE report_id = ?", arguments: [id])
            else { return nil }
            let text: String = try row.decode(forColumn: "cells")
            let cells = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
            return ImportedRowInfo(sheetRow: try row.decode(forColumn: "sheet_row"), cells: cells, inLatest: try row.decode(forColumn: "in_latest"))
        }
    }

    /// Every imported report's cells by tracking ID (for `lapor export`, read before the reports:
    /// a store read cannot run inside another).
    public func importedCells() throws -> [String: [String: String]] {
        try writer.read { db in
            var out: [String: [String: String]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT report_id, cells FROM imported_row")
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let text: String = try row.decode(forColumn: "cells")
                // A row whose cells do not read is exported from its report's fields instead.
                guard let cells = try? decoder.decode([String: String].self, from: Data(text.utf8)) else { continue }
                out[try row.decode(forColumn: "report_id")] = cells
            }
            return out
        }
    }

    /// The ids of imported reports the latest export no longer held.
    public func importedMissing() throws -> Set<String> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT report_id FROM imported_row WHERE in_latest = 0")) }
    }
}

/// Batches handed out once each, in order.
final class ImportBatches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[ImportItem]]

    init(_ batches: [[ImportItem]]) { self.batches = batches.reversed() }

    func next() throws -> [ImportItem]? { lock.withLock { batches.popLast() } }
}

import Foundation
import GRDB
import LaporDomain

/// A suggestion with what the screens show of the candidate.
public struct SimilarReport: Sendable, Equatable {
    public var suggestion: Similarity.Suggestion
    public var title: String
    public var status: ReportStatus

    public init(suggestion: Similarity.Suggestion, title: String, status: ReportStatus) {
        self.suggestion = suggestion
        self.title = title
        self.status = status
    }
}

/// Reports that may be the same complaint (issue 16), from the store alone: works offline and on
/// imported reports. Each report's `Similarity.Features` are filed when it is written (`similar`,
/// keyed by the report's rowid) under the keys `Similarity.keys` gives (`similar_key`); a
/// suggestion looks the report's keys up, the most recent candidates of each first, and ranks
/// them with `Similarity.rank`.
extension CaseStore {
    /// Candidates read per key: a key shared by thousands of reports (a common complaint at a
    /// busy street) gives its most recent ones, which bounds a suggestion's time.
    static let candidatesPerKey = 40

    /// Files a report's features (in the caller's transaction); nothing is written when they are
    /// as filed (a status change).
    static func fileSimilar(_ features: Similarity.Features, rowid: Int64, in db: Database) throws {
        let digest = Similarity.digest(of: features)
        let stored = try RawStatement("SELECT digest FROM similar WHERE rowid = ?", in: db)
        stored.bind(1, rowid)
        if let before = try stored.int64() {
            if before == digest { return }
            try unfileSimilar(rowid: rowid, in: db)
        }
        let keys = Similarity.keys(of: features)
        let write = try RawStatement(
            "INSERT INTO similar (rowid, digest, words, place, contact_key, cited) VALUES (?, ?, ?, ?, ?, ?)", in: db)
        write.bind(1, rowid)
        write.bind(2, digest)
        write.bind(3, blob(features.words))
        write.bind(4, blob(features.placeWords))
        write.bind(5, features.contactKey)
        write.bind(6, features.cited.isEmpty ? nil : features.cited.joined(separator: " "))
        try write.run()
        let key = try RawStatement("INSERT OR IGNORE INTO similar_key (key, report) VALUES (?, ?)", in: db)
        for k in keys {
            key.bind(1, k)
            key.bind(2, rowid)
            try key.run()
        }
    }

    /// Takes a report's features out (before the report goes or its features change).
    static func unfileSimilar(rowid: Int64, in db: Database) throws {
        // The keys it was filed under, from the features as filed.
        let read = try db.cachedStatement(sql: "SELECT words, place, contact_key, cited FROM similar WHERE rowid = ?")
        if let row = try Row.fetchOne(read, arguments: [rowid]) {
            let delete = try db.cachedStatement(sql: "DELETE FROM similar_key WHERE key = ? AND report = ?")
            for key in Similarity.keys(of: try features(row, categoryId: nil)) { try delete.execute(arguments: [key, rowid]) }
        }
        try db.cachedStatement(sql: "DELETE FROM similar WHERE rowid = ?").execute(arguments: [rowid])
    }

    /// Files up to `limit` of the reports an import left to file (`similar_pending`), in one
    /// transaction, and says how many are left. Features come from each report's stored JSON; a
    /// report whose JSON does not read is left unfiled (and no longer pending), never fatal.
    @discardableResult
    public func fileSimilarPending(limit: Int = 500) throws -> Int {
        // Nothing pending (every store but a fresh import's): no write transaction at all.
        guard try similarPendingCount() > 0 else { return 0 }
        return try writer.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT p.rowid, r.json FROM similar_pending p LEFT JOIN report r ON r.rowid = p.rowid ORDER BY p.rowid LIMIT ?",
                arguments: [limit])
            let decoder = JSONDecoder()
            let done = try db.cachedStatement(sql: "DELETE FROM similar_pending WHERE rowid = ?")
            for row in rows {
                let rowid: Int64 = try row.decode(forColumn: "rowid")
                if let json: String = try row.decode(forColumn: "json"), let report = try? decoder.decode(Report.self, from: Data(json.utf8)) {
                    try Self.fileSimilar(Similarity.features(of: report), rowid: rowid, in: db)
                }
                try done.execute(arguments: [rowid])
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM similar_pending") ?? 0
        }
    }

    /// How many reports wait for `fileSimilarPending`.
    public func similarPendingCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM similar_pending") ?? 0 }
    }

    /// Up to `Similarity.limit` reports that may be the same complaint as `id`, best first; empty
    /// when the store does not have it. A report not filed yet (an import's, until
    /// `fileSimilarPending` reaches it) is looked up by the features of its stored JSON.
    public func similar(to id: String) throws -> [SimilarReport] {
        try writer.read { db in try Self.similar(to: id, in: db) }
    }

    static func similar(to id: String, in db: Database) throws -> [SimilarReport] {
        // The report's features as filed (its JSON is not read again: the detail pane just did).
        let rowid: Int64
        let features: Similarity.Features
        if let me = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT s.rowid, r.category_id, s.words, s.place, s.contact_key, s.cited
                    FROM report r JOIN similar s ON s.rowid = r.rowid WHERE r.id = ?
                    """), arguments: [id])
        {
            rowid = try me.decode(forColumn: "rowid")
            features = try Self.features(me, categoryId: try me.decode(forColumn: "category_id"))
        } else if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT rowid, json FROM report WHERE id = ?"), arguments: [id]),
            let report = try? JSONDecoder().decode(Report.self, from: Data((try row.decode(String.self, forColumn: "json")).utf8))
        {
            rowid = try row.decode(forColumn: "rowid")
            features = Similarity.features(of: report)
        } else {
            return []
        }
        var candidates = Set<Int64>()
        let byKey = try db.cachedStatement(sql: "SELECT report FROM similar_key WHERE key = ? ORDER BY report DESC LIMIT ?")
        for key in Similarity.lookupKeys(of: features, id: id) {
            candidates.formUnion(try Int64.fetchAll(byKey, arguments: [key, candidatesPerKey]))
        }
        let byId = try db.cachedStatement(sql: "SELECT rowid FROM report WHERE id = ?")
        for cited in features.cited { if let r = try Int64.fetchOne(byId, arguments: [cited]) { candidates.insert(r) } }
        candidates.remove(rowid)
        let read = try db.cachedStatement(
            sql: """
                SELECT r.id, r.category_id, s.words, s.place, s.contact_key, s.cited
                FROM similar s JOIN report r ON r.rowid = s.rowid WHERE s.rowid = ?
                """)
        var found: [(id: String, features: Similarity.Features)] = []
        for candidate in candidates {
            guard let row = try Row.fetchOne(read, arguments: [candidate]) else { continue }
            found.append((try row.decode(forColumn: "id"), try Self.features(row, categoryId: try row.decode(forColumn: "category_id"))))
        }
        let head = try db.cachedStatement(sql: "SELECT title, status FROM report WHERE id = ?")
        return try Similarity.rank(features, id: id, candidates: found).compactMap { suggestion in
            guard let row = try Row.fetchOne(head, arguments: [suggestion.id]) else { return nil }
            let status: String = try row.decode(forColumn: "status")
            return SimilarReport(
                suggestion: suggestion, title: try row.decode(forColumn: "title"), status: ReportStatus(rawValue: status) ?? .unknown)
        }
    }

    /// The features of a `similar` row.
    static func features(_ row: Row, categoryId: String?) throws -> Similarity.Features {
        let cited: String? = try row.decode(forColumn: "cited")
        return Similarity.Features(
            words: uint32s(try row.decode(forColumn: "words")), placeWords: uint32s(try row.decode(forColumn: "place")),
            contactKey: try row.decode(forColumn: "contact_key"), cited: cited.map { $0.split(separator: " ").map(String.init) } ?? [],
            categoryId: categoryId)
    }

    /// Files every stored report (the migration that brings the tables in).
    static func fileAllSimilar(in db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, json FROM report")
        var pending: [(Int64, Report)] = []
        let decoder = JSONDecoder()
        while let row = try rows.next() {
            let json: String = try row.decode(forColumn: "json")
            // A row whose JSON does not read has no features: it is never suggested.
            guard let report = try? decoder.decode(Report.self, from: Data(json.utf8)) else { continue }
            pending.append((try row.decode(forColumn: "rowid"), report))
            if pending.count == 1_000 {
                for (rowid, report) in pending { try fileSimilar(Similarity.features(of: report), rowid: rowid, in: db) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        for (rowid, report) in pending { try fileSimilar(Similarity.features(of: report), rowid: rowid, in: db) }
    }

    // MARK: Blobs (little-endian)

    static func blob(_ values: [UInt32]) -> Data {
        var data = Data(capacity: values.count * 4)
        for v in values { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The values of a blob; a trailing part shorter than a value is left out (a damaged row
    /// reads as fewer words, never as a crash).
    static func uint32s(_ data: Data?) -> [UInt32] {
        guard let data else { return [] }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
    }
}

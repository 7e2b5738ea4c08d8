import Foundation
import GRDB
import LaporDomain
import Testing

@testable import LaporStore

/// Duplicate suggestions from a real SQLite file (issue 16): filed on write, refiled when the
/// text changes, gone with the report, and ranked with their reasons.
@Suite struct CaseStoreSimilarTests {
    func complaint(_ id: String, _ body: String, place: String, contact: String?) -> Report {
        var r = report(id, .submitted, unit: nil, title: "Sampah menumpuk", body: body)
        r.location = .init(text: place)
        r.reporter = .init(name: "Warga", contact: contact)
        return r
    }

    @Test func theResubmissionIsSuggestedWithItsReasons() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await store.save(reference())
        let first = complaint(
            "9100100", "TPS di Jalan Melati nomor 24 penuh sampah, truk tidak datang enam minggu, baunya menyengat dan banyak lalat.",
            place: "Jl. Melati No. 24, Kelurahan Tomang", contact: "0812-3456-7890")
        let again = complaint(
            "9100190", "Laporan saya sebelumnya nomor 9100100 belum ada tanggapan. Truk tidak datang enam minggu, TPS penuh sampah, banyak lalat.",
            place: "Jl. Melati No. 24, Kelurahan Tomang", contact: "+62 812 3456 7890")
        let elsewhere = complaint(
            "9100300", "Lampu jalan di Jalan Kenanga nomor 3 padam semua sejak dua minggu, warga takut lewat malam.",
            place: "Jl. Kenanga No. 3, Kelurahan Koja", contact: "0813-0000-1111")
        for r in [first, again, elsewhere] { try await store.store(r, at: now) }

        let suggested = try store.similar(to: "9100190")
        #expect(suggested.map(\.suggestion.id) == ["9100100"], "\(suggested)")
        let reasons = suggested.first?.suggestion.reasons ?? []
        #expect(reasons.contains(.sameContact) && reasons.contains(.citesIt) && reasons.contains(.samePlace), "\(reasons)")
        #expect(suggested.first?.title == "Sampah menumpuk" && suggested.first?.status == .submitted)
        // The other way round: the first report is cited by the second.
        #expect(try store.similar(to: "9100100").first?.suggestion.reasons.contains(.citedBy) == true)
        #expect(try store.similar(to: "9100300").isEmpty)
        #expect(try store.similar(to: "9999999").isEmpty)

        // A changed text is filed again: its old keys go, its new ones find it.
        var changed = elsewhere
        changed.version = 2
        changed.body = first.body
        changed.location = first.location
        try await store.store(changed, at: now)
        #expect(try store.similar(to: "9100100").map(\.suggestion.id).contains("9100300"))
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("p/cases.sqlite").path)
        let orphans = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM similar_key k LEFT JOIN similar s ON s.rowid = k.report WHERE s.rowid IS NULL") ?? -1
        }
        #expect(orphans == 0)

        // A report that left the user's sight is suggested no more, and leaves no key behind.
        _ = try await store.apply(page: [.removed("9100100")], cursor: "c1", at: now)
        #expect(try !store.similar(to: "9100190").map(\.suggestion.id).contains("9100100"))
        let left = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM similar_key k LEFT JOIN similar s ON s.rowid = k.report WHERE s.rowid IS NULL") ?? -1
        }
        #expect(left == 0)
    }

    /// Migration v10 files every report already stored; the same filing runs again alike.
    @Test func storedReportsAreFiledWhenTheTablesComeIn() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = complaint(
            "9100100", "TPS penuh sampah, truk tidak datang enam minggu, banyak lalat.", place: "Jl. Melati No. 24", contact: "0812-1")
        let again = complaint(
            "9100190", "Laporan 9100100 belum ditanggapi. TPS penuh sampah, banyak lalat.", place: "Jl. Melati No. 24", contact: "0812-1")
        for r in [first, again] { try await store.store(r, at: now) }
        let before = try store.similar(to: "9100190")
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("p/cases.sqlite").path)
        try await queue.write { db in
            try db.execute(sql: "DELETE FROM similar; DELETE FROM similar_key")
            // A row whose JSON does not read is left out, never a failure.
            try db.execute(sql: "UPDATE report SET json = '{' WHERE id = '9100150'")
        }
        #expect(try store.similar(to: "9100190").isEmpty)
        try await queue.write { db in try CaseStore.fileAllSimilar(in: db) }
        #expect(try store.similar(to: "9100190") == before && !before.isEmpty)
    }

    @Test func damagedBlobsReadAsFewerValues() {
        #expect(CaseStore.uint32s(Data([1, 0, 0, 0, 2, 0])) == [1])
        #expect(CaseStore.uint32s(nil).isEmpty)
        #expect(CaseStore.uint32s(CaseStore.blob([7, 0xFFFF_FFFF])) == [7, 0xFFFF_FFFF])
    }

    /// An import files no duplicate features (issue 24: a quarter of its time on the writing
    /// thread); its reports are looked up by their JSON meanwhile, and `fileSimilarPending`
    /// files them a chunk at a time until none is left.
    @Test func anImportIsFiledAfterwards() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = reference()
        try await store.save(reference)
        let bodies = [
            "TPS di Jalan Melati nomor 24 penuh sampah, truk tidak datang enam minggu, baunya menyengat dan banyak lalat.",
            "Truk sampah tidak datang enam minggu ke TPS Jalan Melati nomor 24, penuh sampah dan banyak lalat, baunya menyengat.",
            "Lampu jalan di Jalan Kenanga nomor 3 padam semua sejak dua minggu, warga takut lewat malam.",
        ]
        let items = try bodies.enumerated().map { i, body in
            try ImportedReport(
                report: complaint(
                    "910010\(i)", body, place: i < 2 ? "Jl. Melati No. 24, Kelurahan Tomang" : "Jl. Kenanga No. 3, Kelurahan Koja", contact: nil),
                cells: [:], sheetRow: i + 2,
                role: .admin, rules: reference.rules, at: now)
        }
        _ = try await store.importReports(items, reference: reference, at: now)
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("p/cases.sqlite").path)
        func count(_ table: String) throws -> Int { try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 } }
        #expect(try count("similar_pending") == 3 && count("similar") == 0)
        // Not filed yet: the report's own features are read from its JSON; its neighbours, not
        // filed either, are not found until they are.
        #expect(try store.similar(to: "9100100").isEmpty)
        #expect(try store.fileSimilarPending(limit: 2) == 1)
        #expect(try store.fileSimilarPending(limit: 2) == 0)
        #expect(try count("similar_pending") == 0 && count("similar") == 3)
        let found = try store.similar(to: "9100100").map(\.suggestion.id)
        #expect(found == ["9100101"], "\(found)")
        // A report synced after it was imported is filed at once, and pending no more.
        _ = try await store.importReports([items[2]], reference: reference, at: now)
        #expect(try count("similar_pending") == 0, "an unchanged row is not filed again")
    }
}

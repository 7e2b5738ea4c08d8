import Foundation
import GRDB
import LaporDomain
import Testing

@testable import LaporStore

/// Opening the file: where it lives, who may read it, and that reopening keeps everything.
@Suite struct CaseStoreTests {
    @Test func theFileIsPrivate() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mode = try FileManager.default.attributesOfItem(atPath: store.path!)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func reopeningTheFileKeepsReportsOutboxAndDrafts() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await store.save(reference())
        _ = try await store.apply(page: [.report(report("9100001", .dispatched))], cursor: "c1", at: now)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "draf", at: now)
        _ = try store.queue(ActionRequest(id: "a", reportId: "9100001", type: .followup, text: "teks"), by: liaisonUser, at: now)
        let path = try #require(store.path)
        // A second open runs the migrations again over a current file: nothing changes.
        let again = try CaseStore(path: path)
        #expect(try again.reportIds() == ["9100001"] && again.cursor() == "c1")
        #expect(try again.draft(DraftKey(reportId: "9100001", kind: "followup"))?.text == "draf")
        #expect(try again.outboxItem("a")?.request.text == "teks")
        #expect(try again.reference()?.user == liaisonUser)
        #expect(try again.integrityCheck() == "ok")
    }

    /// A store written before "each text once" (v5: texts copied into the index and a timeline
    /// table) opens with its reports searchable by title, body and follow-up text.
    @Test func aStoreFromBeforeV6KeepsItsReportsSearchable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("v5-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("cases.sqlite").path
        var old = report("9100001", .followedUp, title: "Jalan rusak", body: "Aspal mengelupas")
        old.timeline.append(TimelineEvent(id: "e-9", type: .followup, at: now, text: "Sudah ditambal"))
        let json = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        let queue = try DatabaseQueue(path: path)
        try CaseStore.migrator.migrate(queue, upTo: "v5: counts from indexes alone")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO report (id, version, status, clock, kind, channel, privacy, title, status_label, submitted_at,
                        updated_at, received_at, json)
                    VALUES ('9100001', 1, 'followed_up', 'autoClose', 'pengaduan', 'web', 'public', 'Jalan rusak', 'x', 0, 0, 0, ?);
                    INSERT INTO report_fts (rowid, title, body, timeline) VALUES (1, 'Jalan rusak', 'Aspal mengelupas', 'Sudah ditambal');
                    INSERT INTO timeline_event (report_id, position, id, type, at, system) VALUES ('9100001', 0, 'e-9', 'followup', 0, 0);
                    """, arguments: [json])
        }
        try queue.close()
        var said = 0
        let store = try CaseStore(path: path) { said += 1 }
        #expect(said == 1, "the caller is told before a long upgrade")
        _ = try CaseStore(path: path) { said += 1 }
        #expect(said == 1, "and only then")
        for word in ["rusak", "mengelupas", "ditambal"] { #expect(try store.search(word).map(\.id) == ["9100001"], "\(word)") }
        #expect(try store.ftsIntegrityCheck() == nil && store.integrityCheck() == "ok")
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        #expect(throws: (any Error).self) { try CaseStore(path: "/proc/lapor-cannot/cases.sqlite") }
    }
}

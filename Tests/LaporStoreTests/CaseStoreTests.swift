import Foundation
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

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        #expect(throws: (any Error).self) { try CaseStore(path: "/proc/lapor-cannot/cases.sqlite") }
    }
}

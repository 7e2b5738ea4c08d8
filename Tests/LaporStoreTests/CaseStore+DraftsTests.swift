import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// Drafts (one per report and kind) and the local audit log.
@Suite struct CaseStoreDraftsTests {
    @Test func aDraftIsOnePerReportAndKindAndTheNewestComesFirst() throws {
        let store = try CaseStore.inMemory()
        let followupKey = DraftKey(reportId: "9100001", kind: "followup")
        try store.saveDraft(followupKey, text: "satu", at: now)
        try store.saveDraft(followupKey, text: "satu dua", at: now.adding(seconds: 5))
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "return"), text: "bukan kami", at: now.adding(seconds: 10))
        #expect(try store.draft(followupKey) == Draft(key: followupKey, text: "satu dua", updatedAt: now.adding(seconds: 5)))
        #expect(try store.drafts().map(\.text) == ["bukan kami", "satu dua"])
        #expect(try store.draft(DraftKey(reportId: "9100002", kind: "followup")) == nil)
    }

    @Test func theAuditLogIsNewestFirstAndLimited() async throws {
        let store = try CaseStore.inMemory()
        for i in 1...5 { try await store.audit("login", user: "u-\(i)", report: nil, detail: "#\(i)", at: now.adding(seconds: Int64(i))) }
        let log = try store.auditLog(limit: 2)
        #expect(log.map(\.detail) == ["#5", "#4"])
        #expect(log.first == AuditEntry(at: now.adding(seconds: 5), userId: "u-5", event: "login", reportId: nil, detail: "#5"))
    }
}

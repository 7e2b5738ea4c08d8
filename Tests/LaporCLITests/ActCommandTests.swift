import Foundation
import LaporStore
import LaporTestSupport
import Testing

/// `lapor act` and the privacy guard (issue 16): personal data in a text for an anonim report is
/// refused, the text kept as the draft, unless `--allow-personal-data`.
@Suite struct ActCommandTests {
    @Test func personalDataOnAnAnonimReportIsRefusedUnlessAllowed() async throws {
        try await withTestServer(reports: 0) { server in
            let hidden = try await server.dispatched(to: "dki-dpu", privacy: "anonim")
            let open = try await server.dispatched(to: "dki-dpu")
            let m = Machine()
            defer { m.remove() }
            #expect(
                await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!).code == 0)
            #expect(await m.run("sync").code == 0)
            let text = "Silakan hubungi petugas kami di 0812-3456-7890 atau NIK 3171014501900003."
            let refused = await m.run("act", "followup", hidden.id, "--text", text)
            #expect(refused.code == 6, "\(refused.err)")
            #expect(refused.err.contains("nomor telepon '0812-3456-7890'") && refused.err.contains("NIK '3171014501900003'"), "\(refused.err)")
            #expect(refused.err.contains("--allow-personal-data") && refused.err.contains("Draf disimpan"), "\(refused.err)")
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/default/cases.sqlite").path)
            #expect(try store.draft(DraftKey(reportId: hidden.id, kind: "followup"))?.text == text)
            #expect(try store.outbox().isEmpty)
            // A public report's text is not guarded; an anonim one's goes when asked for.
            #expect(await m.run("act", "followup", open.id, "--text", text).code == 0)
            let allowed = await m.run("act", "followup", hidden.id, "--text", text, "--allow-personal-data")
            #expect(allowed.code == 0, "\(allowed.err)")
            #expect(try store.outbox().count == 2)
        }
    }
}

import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

@Suite struct ReportVisibilityTests {
    @Test func readingAReportFollowsRolesAndUnits() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let queued = try await t.submit()
            #expect(queued.status == .submitted && Report.isValidTrackingID(queued.id))
            #expect(try await t.get("/reports/\(queued.id)", as: "u-admin").status == 200)
            #expect(try await t.get("/reports/\(queued.id)", as: "u-admin-dki").status == 404)  // national queue
            #expect(try await t.get("/reports/\(queued.id)", as: "u-liaison-dki-dpu").status == 404)
            let addressed = try await t.submit(unit: "dki")
            #expect(try await t.get("/reports/\(addressed.id)", as: "u-admin-dki").status == 200)
            #expect(try await t.get("/reports/\(addressed.id)", as: "u-admin-bpn").status == 404)
            #expect(try await t.get("/reports/\(addressed.id)", as: "u-liaison-dki").status == 404)  // not dispatched yet
            let handled = try await t.dispatched(to: "dki-dpu-jp")
            for user in ["u-liaison-dki-dpu-jp", "u-liaison-dki-dpu", "u-liaison-dki", "u-supervisor-dki", "u-admin-dki", "u-admin"] {
                #expect(try await t.get("/reports/\(handled.id)", as: user).status == 200, "\(user)")
            }
            for user in ["u-liaison-dki-dpu-ju", "u-liaison-dki-dlh", "u-supervisor-bpn", "u-admin-kemenkes"] {
                let r = try await t.get("/reports/\(handled.id)", as: user)
                #expect(r.status == 404 && r.errorCode == "not_found", "\(user)")
            }
            #expect(try await t.get("/reports/0000000", as: "u-admin").status == 404)
        }
    }

    @Test(arguments: ["anonim", "rahasia"])
    func theReporterOfAHiddenReportReachesOnlyAdmins(privacy: String) async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let report = try await t.dispatched(to: "dki-dpu", privacy: privacy)
            let admin = try await t.get("/reports/\(report.id)", as: "u-admin").decode(Report.self)
            #expect(admin.reporter?.name == "Budi")
            for user in ["u-liaison-dki-dpu", "u-supervisor-dki"] {
                let r = try await t.get("/reports/\(report.id)", as: user)
                #expect(try r.object()["reporter"] is NSNull)
                #expect(!r.text.contains("0812"), "\(user) must not see the contact")
                let feed = try await t.pull(as: user)
                #expect(!feed.items.isEmpty)
                #expect(feed.items.allSatisfy { $0["reporter"] is NSNull })
            }
            // Not in an action answer or a conflict body either.
            let followup = try await t.act(
                ["id": UUID().uuidString, "report_id": report.id, "type": "followup", "text": "Sudah ditambal."], as: "u-liaison-dki-dpu")
            #expect(followup.status == 200 && !followup.text.contains("0812"))
            let conflict = try await t.act(
                ["id": UUID().uuidString, "report_id": report.id, "type": "request_info", "text": "Mohon foto."], as: "u-liaison-dki-dpu")
            #expect(conflict.status == 409 && !conflict.text.contains("0812"))
            #expect((try conflict.object()["error"] as? [String: Any])?["report"] != nil)
        }
    }
}

import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

@Suite struct ReferenceRoutesTests {
    @Test func meForEveryRoleAndAuthFailures() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            for (user, role, unit) in [
                ("u-admin", "admin", nil), ("u-admin-dki", "admin", "dki"), ("u-liaison-dki-dpu", "liaison", "dki-dpu"),
                ("u-supervisor-bpjs-kes", "supervisor", "bpjs-kes"),
            ] as [(String, String, String?)] {
                let r = try await t.get("/me", as: user)
                #expect(r.status == 200)
                let me = try r.object()
                #expect(me["id"] as? String == user && me["role"] as? String == role)
                #expect((me["unit_id"] as? String) == unit)
                #expect(me.keys.contains("unit_id"))
            }
            let missing = try await t.get("/me", as: nil)
            #expect(missing.status == 401 && missing.errorCode == "unauthorized")
            let unknown = try await t.get("/me", as: "nobody")
            #expect(unknown.status == 401 && unknown.errorCode == "unauthorized")
            let malformed = try await t.request("GET", "/me", headers: ["Authorization": "Basic abc"])
            #expect(malformed.status == 401)
            #expect((try malformed.object()["error"] as? [String: Any])?["message"] is String)
            for path in ["/units", "/categories", "/policy", "/calendar?year=2026", "/changes", "/reports/9100000"] {
                #expect(try await t.get(path, as: nil).status == 401, "\(path)")
            }
        }
    }

    @Test func unitsCategoriesPolicyAndCalendar() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let units = try await t.get("/units", as: "u-liaison-dki-dpu").object()["units"] as! [[String: Any]]
            #expect(units.count == BuiltinFixtures.units.count)
            #expect(units.contains { $0["id"] as? String == "jayapura" && $0["timezone"] as? String == "Asia/Jayapura" })
            #expect(units.contains { $0["id"] as? String == "makassar" && $0["timezone"] as? String == "Asia/Makassar" })
            #expect(units.first { $0["id"] as? String == "dki-dpu-jp" }?["parent_id"] as? String == "dki-dpu")
            let categories = try await t.get("/categories", as: "u-admin").object()["categories"] as! [[String: Any]]
            #expect(
                categories.contains {
                    $0["id"] as? String == "121" && $0["name"] as? String == "JALAN BERLUBANG" && $0["parent_id"] as? String == "12"
                })
            let policy = try await t.get("/policy", as: "u-admin").decode(SlaPolicy.self)
            #expect(policy == .standard)
            let calendar = try await t.get("/calendar?year=2026", as: "u-admin").decode(HolidayYear.self)
            #expect(calendar.holidays.count == 25 && !calendar.provisional)
            #expect(try await t.get("/calendar?year=2027", as: "u-admin").decode(HolidayYear.self).provisional)
            let none = try await t.get("/calendar?year=2031", as: "u-admin")
            #expect(none.status == 404 && none.errorCode == "not_found")
            let bad = try await t.get("/calendar?year=abc", as: "u-admin")
            #expect(bad.status == 422 && bad.errorCode == "invalid" && bad.errorFields?["year"] != nil)
            #expect(try await t.get("/calendar", as: "u-admin").errorFields == ["year": "required"])
            let unknown = try await t.get("/nothing-here", as: "u-admin")
            #expect(unknown.status == 404 && unknown.errorCode == "not_found")
        }
    }
}

/// v1.1 item 7: reference routes carry an ETag and answer 304 when nothing changed; the
/// server serves the policy and decrees it was started with.
@Suite struct ReferenceCachingTests {
    @Test func referenceRoutesAnswer304ToTheirETag() async throws {
        var policy = SlaPolicy.standard
        policy.followupWorkingDaysByKind = ["permintaan_informasi": 10]
        try await withTestServer(reports: 0, policy: policy, transport: .inProcess) { t in
            for path in ["/me", "/units", "/categories", "/policy", "/calendar?year=2026"] {
                let first = try await t.get(path, as: "u-admin")
                let tag = try #require(first.headers["etag"], "\(path)")
                let again = try await t.request("GET", path, as: "u-admin", headers: ["If-None-Match": tag])
                #expect(again.status == 304 && again.data.isEmpty && again.headers["etag"] == tag, "\(path)")
                let other = try await t.request("GET", path, as: "u-admin", headers: ["If-None-Match": "\"stale\""])
                #expect(other.status == 200, "\(path)")
            }
            let served = try await t.get("/policy", as: "u-admin").decode(SlaPolicy.self)
            #expect(served.followupWorkingDaysByKind["permintaan_informasi"] == 10 && served.escalationWarningDays == 10)
            // A report of that kind gets the longer follow-up period on the server too.
            let report = try await t.submit()
            _ = try await t.applied(["report_id": report.id, "type": "verify", "kind": "permintaan_informasi"], as: "u-admin")
            let dispatched = try await t.applied(["report_id": report.id, "type": "dispatch", "unit_id": "dki-dpu"], as: "u-admin")
            // Monday 9 Nov 10:00 + 10 working days: Monday 23 Nov.
            #expect(dispatched.dueAt?.rfc3339 == "2026-11-23T23:59:59+07:00")
            #expect(dispatched.escalatesAt?.rfc3339 == "2027-01-09T00:00:00+07:00" && dispatched.dueProvisional == false)
        }
    }
}

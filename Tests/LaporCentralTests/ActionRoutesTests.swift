import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

@Suite struct ActionTests {
    @Test func everyActionTypeThroughHTTP() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let r1 = try await t.submit()
            #expect(try await t.applied(["report_id": r1.id, "type": "hold", "text": "Mohon lampirkan foto."], as: "u-admin").status == .held)
            let verified = try await t.applied(["report_id": r1.id, "type": "verify", "title": "Jalan rusak", "kind": "aspirasi"], as: "u-admin")
            #expect(verified.status == .verified && verified.title == "Jalan rusak" && verified.kind == .aspirasi)
            let dispatched = try await t.applied(["report_id": r1.id, "type": "dispatch", "unit_id": "dki-dpu"], as: "u-admin")
            #expect(dispatched.status == .dispatched && dispatched.statusLabel == "Terdisposisi ke Dinas Pekerjaan Umum")
            let forwarded = try await t.applied(["report_id": r1.id, "type": "forward", "unit_id": "dki-dpu-jp"], as: "u-liaison-dki-dpu")
            #expect(forwarded.unitId == "dki-dpu-jp" && forwarded.dueAt == dispatched.dueAt)
            #expect(
                try await t.applied(["report_id": r1.id, "type": "request_info", "text": "Mohon titik lokasi."], as: "u-liaison-dki-dpu-jp").status
                    == .infoRequested)
            let followed = try await t.applied(["report_id": r1.id, "type": "followup", "text": "Sudah ditambal."], as: "u-liaison-dki-dpu-jp")
            #expect(followed.status == .followedUp && followed.timeline.last?.text == "Sudah ditambal.")
            let closed = try await t.applied(["report_id": r1.id, "type": "close"], as: "u-admin")
            #expect(closed.status == .closed && closed.statusLabel == "Ditutup oleh Admin" && closed.dueAt == nil)
            #expect(closed.version == r1.version + 7 && closed.timeline.count == 8)
            let r2 = try await t.dispatched(to: "makassar-dpu")
            #expect(
                try await t.applied(["report_id": r2.id, "type": "return", "text": "Bukan wewenang."], as: "u-liaison-makassar-dpu").unitId == nil)
            let r3 = try await t.submit()
            // v1.1 item 5: an original that does not exist is a 422 naming duplicate_of, nothing stored.
            let missing = try await t.actNew(
                ["report_id": r3.id, "type": "archive", "reason": "duplicate", "duplicate_of": "1234567"], as: "u-admin")
            #expect(missing.status == 422 && missing.errorFields?["duplicate_of"] != nil, "\(missing.text)")
            #expect(try await t.get("/reports/\(r3.id)", as: "u-admin").decode(Report.self).status == .submitted)
            let archived = try await t.applied(["report_id": r3.id, "type": "archive", "reason": "duplicate", "duplicate_of": r1.id], as: "u-admin")
            #expect(archived.archiveReason == .duplicate && archived.duplicateOf == r1.id)
        }
    }

    @Test func refusalsCarryTheContractsCodes() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let report = try await t.dispatched(to: "dki-dpu")
            let supervisor = try await t.actNew(["report_id": report.id, "type": "followup", "text": "x"], as: "u-supervisor-dki")
            #expect(supervisor.status == 403 && supervisor.errorCode == "forbidden")
            let role = try await t.actNew(["report_id": report.id, "type": "close"], as: "u-liaison-dki-dpu")
            #expect(role.status == 403 && role.errorCode == "forbidden")
            let status = try await t.actNew(["report_id": report.id, "type": "verify"], as: "u-admin")
            #expect(status.status == 409 && status.errorCode == "conflict")
            let current = (try status.object()["error"] as! [String: Any])["report"] as! [String: Any]
            #expect(current["id"] as? String == report.id && current["status"] as? String == "dispatched")
            let invisible = try await t.actNew(["report_id": report.id, "type": "followup", "text": "x"], as: "u-liaison-dki-dlh")
            #expect(invisible.status == 404 && invisible.errorCode == "not_found")
            let empty = try await t.actNew(["report_id": report.id, "type": "followup", "text": "   "], as: "u-liaison-dki-dpu")
            #expect(empty.status == 422 && empty.errorFields?["text"] != nil)
            let long = try await t.actNew(
                ["report_id": report.id, "type": "followup", "text": String(repeating: "a", count: 20_001)], as: "u-liaison-dki-dpu")
            #expect(long.status == 422 && long.errorFields?["text"] != nil)
            let otherAgency = try await t.actNew(["report_id": report.id, "type": "forward", "unit_id": "bpn"], as: "u-admin")
            #expect(otherAgency.status == 422 && otherAgency.errorFields?["unit_id"] != nil)
            // A stale base_version alone never refuses an allowed action.
            let stale = try await t.actNew(
                ["report_id": report.id, "base_version": 1, "type": "followup", "text": "Sudah."], as: "u-liaison-dki-dpu")
            #expect(stale.status == 200)
        }
    }

    @Test func malformedRequestsName422Fields() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let report = try await t.dispatched(to: "dki-dpu")
            let notJSON = try await t.request(
                "POST", "/actions", as: "u-liaison-dki-dpu", body: Data("{not json".utf8), headers: ["Idempotency-Key": "k"])
            #expect(notJSON.status == 422 && notJSON.errorFields == ["body": "not valid JSON"])
            let missing = try await t.act(["id": "m-1", "type": "followup", "text": "x"], as: "u-liaison-dki-dpu")
            #expect(missing.status == 422 && missing.errorFields == ["report_id": "required"])
            let wrongType = try await t.act(["id": "m-2", "report_id": 9_165_816, "type": "followup"], as: "u-liaison-dki-dpu")
            #expect(wrongType.status == 422 && wrongType.errorFields?["report_id"] != nil)
            let unknownType = try await t.act(["id": "m-3", "report_id": report.id, "type": "teleport"], as: "u-liaison-dki-dpu")
            #expect(unknownType.status == 422 && unknownType.errorFields?["type"] != nil)
            let noKey = try await t.request(
                "POST", "/actions", as: "u-liaison-dki-dpu", json: ["id": "m-4", "report_id": report.id, "type": "followup", "text": "x"])
            #expect(noKey.status == 422 && noKey.errorFields?["Idempotency-Key"] != nil)
            let otherKey = try await t.request(
                "POST", "/actions", as: "u-liaison-dki-dpu", json: ["id": "m-5", "report_id": report.id, "type": "followup", "text": "x"],
                headers: ["Idempotency-Key": "m-6"])
            #expect(otherKey.status == 422 && otherKey.errorFields?["Idempotency-Key"] != nil)
            // Unknown fields are ignored.
            let extra = try await t.act(
                ["id": "m-7", "report_id": report.id, "type": "followup", "text": "Sudah.", "mood": "senang"], as: "u-liaison-dki-dpu")
            #expect(extra.status == 200)
            // Over 1 MiB: 413.
            let huge = try await t.act(
                ["id": "m-8", "report_id": report.id, "type": "followup", "text": String(repeating: "a", count: 1_100_000)], as: "u-liaison-dki-dpu")
            #expect(huge.status == 413 && huge.errorCode == "too_large")
        }
    }

    @Test func anActionIsAppliedOnceWhateverTheRetries() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let report = try await t.dispatched(to: "dki-dpu")
            let body: [String: Any] = [
                "id": "once-1", "report_id": report.id, "base_version": report.version, "type": "followup", "text": "Sudah ditambal.",
            ]
            let first = try await t.act(body, as: "u-liaison-dki-dpu")
            #expect(first.status == 200 && first.result == "applied")
            let again = try await t.act(body, as: "u-liaison-dki-dpu")
            #expect(again.status == 200 && again.result == "replayed")
            #expect(try again.report() == first.report())
            #expect(try await t.get("/reports/\(report.id)", as: "u-admin").decode(Report.self).version == report.version + 1)
            // Same id, other body: refused, nothing applied.
            var other = body
            other["text"] = "Teks lain."
            let mismatch = try await t.act(other, as: "u-liaison-dki-dpu")
            #expect(mismatch.status == 422 && mismatch.errorCode == "idempotency_mismatch")
            // Same id by another user: refused too.
            let stolen = try await t.act(body, as: "u-liaison-dki")
            #expect(stolen.status == 422 && stolen.errorCode == "idempotency_mismatch")
            // Many at once with one id: exactly one applies; the rest replay or are told it is in flight.
            let report2 = try await t.dispatched(to: "dki-dpu")
            let burst = try JSONSerialization.data(withJSONObject: [
                "id": "burst-1", "report_id": report2.id, "type": "followup", "text": "Serentak.",
            ])
            let results = try await withThrowingTaskGroup(of: HTTPResult.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await t.request("POST", "/actions", as: "u-liaison-dki-dpu", body: burst, headers: ["Idempotency-Key": "burst-1"])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let applied = results.filter { $0.status == 200 && $0.result == "applied" }
            #expect(applied.count == 1)
            #expect(results.allSatisfy { $0.status == 200 || ($0.status == 409 && $0.errorCode == "in_flight") })
            let after = try await t.get("/reports/\(report2.id)", as: "u-admin").decode(Report.self)
            #expect(after.version == report2.version + 1 && after.timeline.filter { $0.type == .followup }.count == 1)
        }
    }

    /// Issue 26: per action only what a replay needs is kept. A replay answers with the report as
    /// it is now; past the window (30 days by default) the id is forgotten and acts anew; a flood
    /// of long follow-ups grows the database by at most three times the text it accepted.
    @Test func idempotencyIsKeptCompactlyForItsWindow() async throws {
        try await withTestServer(
            reports: 0,
            accountLimits: AccountLimits(actions: RateLimit(burst: 1_000, perSecond: 100))
        ) { t in
            let report = try await t.dispatched(to: "dki-dpu")
            let body: [String: Any] = ["id": "keep-1", "report_id": report.id, "type": "followup", "text": "Sudah ditambal."]
            let first = try await t.act(body, as: "u-liaison-dki-dpu")
            #expect(first.status == 200 && first.result == "applied")
            // Another action changes the report: the replay shows it as it is now.
            _ = try await t.applied(["report_id": report.id, "type": "close"], as: "u-admin")
            let again = try await t.act(body, as: "u-liaison-dki-dpu")
            #expect(again.status == 200 && again.result == "replayed")
            #expect(try again.report().status == .closed && again.report().version == report.version + 2)
            // Past the window the id is forgotten: the same id is a new action (refused now: closed).
            t.clock.set(t.clock.now.adding(seconds: 31 * 86_400))
            #expect(try await t.server.store.forgetOldActions(at: t.clock.now) >= 3)
            let late = try await t.act(body, as: "u-liaison-dki-dpu")
            #expect(late.status != 200 && late.status != 422 && late.errorCode != "idempotency_mismatch", "\(late.text.prefix(200))")

            // A flood of 20,000-character follow-ups (60 KB each) on 24 reports.
            var targets: [String] = []
            for _ in 0..<24 { targets.append(try await t.dispatched(to: "dki-dpu").id) }
            try t.server.store.checkpoint()
            let database = t.folder.appendingPathComponent("central.sqlite").path
            let before = (try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
            var accepted = 0
            let text = String(repeating: "陈", count: 20_000)
            for id in targets {
                let r = try await t.actNew(["report_id": id, "type": "followup", "text": text], as: "u-liaison-dki-dpu")
                if r.status == 200 { accepted += text.utf8.count }
            }
            #expect(accepted == 24 * 60_000)
            try t.server.store.checkpoint()
            let after = (try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
            #expect(after - before <= 3 * accepted, "grew \(after - before) bytes for \(accepted) bytes of text")
            // Each dispatched report's verify and dispatch, and its follow-up: the refused late one is not kept.
            #expect(try t.server.store.actionRecordCount() == 24 * 3)
        }
    }
}

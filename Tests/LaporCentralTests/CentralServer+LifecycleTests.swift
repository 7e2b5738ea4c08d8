import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ServerLifecycleTests {
    @Test func theSystemClockClosesAndArchivesOnItsOwn() async throws {
        try await withTestServer(reports: 0, clockInterval: .milliseconds(200)) { t in
            let followed = try await t.dispatched(to: "dki-dpu")
            #expect(
                try await t.act(["id": "c-1", "report_id": followed.id, "type": "followup", "text": "Selesai."], as: "u-liaison-dki-dpu").status
                    == 200)
            let asking = try await t.dispatched(to: "dki-dpu")
            #expect(
                try await t.act(["id": "c-2", "report_id": asking.id, "type": "request_info", "text": "Foto?"], as: "u-liaison-dki-dpu").status == 200
            )
            let held = try await t.submit()
            #expect(try await t.act(["id": "c-3", "report_id": held.id, "type": "hold", "text": "Lokasi?"], as: "u-admin").status == 200)
            let waiting = try await t.dispatched(to: "dki-dpu")
            // Two ticks of the clock pass before the deadlines run out: nothing closes early.
            let ticks = t.logs.all.filter { $0.contains("system clock ran") }.count
            #expect(
                await t.logs.wait(count: ticks + 2, of: "system clock ran", timeout: .seconds(15)), "the clock service ticks every 200 ms")
            #expect(try await t.get("/reports/\(followed.id)", as: "u-admin").decode(Report.self).status == .followedUp)
            // Eleven working days later, the clocks have run out.
            t.clock.set(Timestamp(rfc3339: "2026-11-25T10:00:00+07:00")!)
            var closed: Report?
            // (A loaded 2-core machine may take seconds for a tick: up to 15 s.)
            for _ in 0..<150 {
                closed = try await t.get("/reports/\(followed.id)", as: "u-admin").decode(Report.self)
                if closed?.status == .closed { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(closed?.status == .closed && closed?.statusLabel == "Ditutup oleh Sistem")
            #expect(closed?.timeline.last?.system == true)
            let archived = try await t.get("/reports/\(asking.id)", as: "u-admin").decode(Report.self)
            #expect(archived.status == .archived && archived.archiveReason == .noReply && archived.statusLabel == "Diarsipkan oleh Sistem")
            #expect(try await t.get("/reports/\(held.id)", as: "u-admin").decode(Report.self).archiveReason == .noReply)
            // An overdue follow-up is the unit's problem, not the system's: it stays.
            #expect(try await t.get("/reports/\(waiting.id)", as: "u-admin").decode(Report.self).status == .dispatched)
        }
    }

    @Test func citizenRoutesExistOnlyInDemoModeAndCheckTheirInput() async throws {
        try await withTestServer(reports: 0) { t in
            let report = try await t.submit(unit: "makassar")
            #expect(report.status == .submitted && report.statusLabel == "Belum Terverifikasi")
            // Monday 9 Nov 10:00 WIB + 3 working days in WITA.
            #expect(report.dueAt?.rfc3339 == "2026-11-12T23:59:59+08:00")
            let bad = try await t.request(
                "POST", "/reports", json: ["kind": "pengaduan", "channel": "web", "title": " ", "body": "x", "privacy": "public", "unit_id": "mars"])
            #expect(bad.status == 422 && bad.errorFields?["title"] != nil && bad.errorFields?["unit_id"] != nil)
            let (handled, key) = try await t.dispatchedWithKey(to: "dki-dpu")
            _ = try await t.act(["id": "z-1", "report_id": handled.id, "type": "followup", "text": "Sudah."], as: "u-liaison-dki-dpu")
            let reply = try await t.reply(to: handled.id, key: key, json: ["text": "Belum beres."])
            #expect(reply.status == 200)
            #expect(try reply.decode(Report.self).status == .replied)
            let rating = try await t.reply(to: handled.id, key: key, json: ["rating": 9])
            #expect(rating.status == 422)
            #expect(try await t.reply(to: "0000001", key: key, json: ["text": "halo"]).status == 404)
            try await withTestServer(demo: false) { plain in
                let closed = try await plain.request("POST", "/reports", json: ["kind": "pengaduan"])
                #expect(closed.status == 404)
            }
        }
    }

    @Test func requestLogLinesNeverCarryTheToken() async throws {
        try await withTestServer(reports: 3) { t in
            _ = try await t.get("/me", as: "u-liaison-dki-dpu")
            _ = try await t.get("/changes?limit=2", as: "u-admin")
            _ = try await t.get("/me", as: nil)
            let lines = t.logs.all
            #expect(lines.contains { $0.contains("GET /api/v1/me 200") && $0.contains("user=u-liaison-dki-dpu") })
            #expect(lines.contains { $0.contains("GET /api/v1/changes 200") && $0.contains("user=u-admin") && !$0.contains("limit") })
            #expect(lines.contains { $0.contains("GET /api/v1/me 401") && $0.contains("user=-") })
            for token in t.tokens.values { #expect(!lines.contains { $0.contains(token) }) }
        }
    }

    @Test func gracefulShutdownFinishesARequestInFlight() async throws {
        let t = try await TestServer(reports: 0)
        let report = try await t.dispatched(to: "dki-dpu")
        let body = Data(#"{"id":"slow-1","report_id":"\#(report.id)","type":"followup","text":"Dikirim perlahan."}"#.utf8)
        let head =
            "POST /api/v1/actions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(t.tokens["u-liaison-dki-dpu"]!)\r\n"
            + "Idempotency-Key: slow-1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let socket = try RawSocket(port: t.base.port!)
        await socket.send(Data(head.utf8) + body.prefix(20))
        // The head is read and the request is in the router once the server logs its start.
        #expect(await t.logs.wait(for: "started POST /api/v1/actions"), "the request never reached the router")
        let stopping = Task { await t.group?.triggerGracefulShutdown() }
        // Shutdown has begun once the listener refuses new connections: wait for that, with a deadline.
        let deadline = Date().addingTimeInterval(5)
        var refusing = false
        while !refusing && Date() < deadline {
            refusing = (try? RawSocket(port: t.base.port!)) == nil
            if !refusing { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(refusing, "the server stopped accepting connections while the request was in flight")
        await socket.send(body.dropFirst(20))
        let answer = String(decoding: await socket.receive(), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
        #expect(answer.contains(#""result":"applied""#))
        await stopping.value
        _ = try? await t.runner?.value
        // Stopped: a new connection is refused.
        #expect(throws: (any Error).self) { try RawSocket(port: t.base.port!) }
        try? FileManager.default.removeItem(at: t.folder)
    }
}

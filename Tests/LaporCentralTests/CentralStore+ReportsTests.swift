import Foundation
import GRDB
import LaporDomain
import LaporTestSupport
import Testing

@testable import LaporCentral

/// Issue 26: a report that hides its reporter is stored once, the reporter apart, and each role
/// still gets what it may see.
@Suite struct StoredReportTests {
    @Test func aHiddenReporterIsKeptApartAndAdminsStillSeeIt() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let anonim = try await t.dispatched(to: "dki-dpu", privacy: "anonim")
            let open = try await t.dispatched(to: "dki-dpu", privacy: "public")
            let admin = try await t.pull(as: "u-admin").items
            let liaison = try await t.pull(as: "u-liaison-dki-dpu").items
            func reporter(_ items: [[String: Any]], _ id: String) -> Any? { items.first { $0["id"] as? String == id }?["reporter"] }
            #expect((reporter(admin, anonim.id) as? [String: Any])?["name"] as? String == "Budi")
            #expect(reporter(liaison, anonim.id) is NSNull, "the liaison never gets an anonim reporter")
            #expect((reporter(liaison, open.id) as? [String: Any])?["name"] as? String == "Budi")
            // The rules read the whole report: the reporter is there for the server.
            #expect(try t.server.store.allReports().first { $0.id == anonim.id }?.reporter?.name == "Budi")
            // One copy: the name is in the reporter's column only, and no second JSON exists.
            let path = t.folder.appendingPathComponent("central.sqlite").path
            let db = try DatabaseQueue(path: path)
            let (inShown, apart, columns) = try await db.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report WHERE id = ? AND instr(shown_json, 'Budi') > 0", arguments: [anonim.id]),
                    try String.fetchOne(db, sql: "SELECT reporter_json FROM report WHERE id = ?", arguments: [anonim.id]),
                    try db.columns(in: "report").map(\.name)
                )
            }
            #expect(inShown == 0 && apart?.contains("Budi") == true, "\(apart ?? "-")")
            #expect(!columns.contains("masked_json"), "\(columns)")
        }
    }

    /// A database written before (a full and a masked copy) is moved to one copy at the start.
    @Test func anOlderDatabaseIsMovedToOneCopy() throws {
        let queue = try DatabaseQueue()
        try CentralStore.migrator.migrate(queue, upTo: "v3-compact-idempotency")
        var report = Report(
            id: "9100001", version: 1, kind: .pengaduan, channel: .web, title: "Lampu mati", body: "Gelap sejak seminggu.",
            privacy: .rahasia, reporter: Report.Reporter(name: "Sari", contact: "0812"), status: .submitted, statusLabel: "Belum Terverifikasi",
            submittedAt: Timestamp(rfc3339: "2026-11-09T10:00:00+07:00")!, updatedAt: Timestamp(rfc3339: "2026-11-09T10:00:00+07:00")!)
        report.timeline = []
        let full = try ContractJSON.encode(report)
        let masked = try ContractJSON.encode(report.masked(for: .liaison))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO change (report_id, prev_unit_id, prev_with_unit, at) VALUES ('9100001', NULL, 0, 0)")
            try db.execute(
                sql: """
                    INSERT INTO report (id, seq, status, unit_id, with_unit, due_at, version, full_json, masked_json)
                    VALUES ('9100001', 1, 'submitted', NULL, 0, NULL, 1, ?, ?)
                    """, arguments: [full, masked])
        }
        try CentralStore.migrator.migrate(queue)
        let store = CentralStore(writer: queue)
        let moved = try store.allReports()
        #expect(moved.count == 1 && moved.first?.reporter == report.reporter && moved.first?.title == report.title)
        let (shown, apart) = try queue.read { db in
            (try String.fetchOne(db, sql: "SELECT shown_json FROM report"), try String.fetchOne(db, sql: "SELECT reporter_json FROM report"))
        }
        // (JSONEncoder writes keys in any order: compared as reports.)
        let shownReport = try ContractJSON.decode(Report.self, from: shown ?? "")
        #expect(shownReport == (try ContractJSON.decode(Report.self, from: masked)), "what non-admins get is the masked copy")
        #expect(shown?.contains("Sari") == false, "and it is the only copy: the reporter is apart")
        #expect(apart?.contains("Sari") == true && apart?.contains("Lampu") == false, "\(apart ?? "-")")
    }

    /// The reporter's place is found by the object's structure, not by text that looks like it.
    @Test func theReportersPlaceIsTheTopLevelKey() throws {
        let tricky = #"{"title":"\"reporter\":null","nested":{"reporter":null},"list":[{"reporter":null}],"reporter":null,"z":1}"#
        let at = try #require(StoredJSON.topLevelNull(of: "reporter", in: Array(tricky.utf8)))
        #expect(String(decoding: Array(tricky.utf8)[(at - 11)..<(at + 4)], as: UTF8.self) == #""reporter":null"#)
        #expect(Array(tricky.utf8)[at + 4] == UInt8(ascii: ","), "the last one, at the top level")
        #expect(StoredJSON.topLevelNull(of: "reporter", in: Array(#"{"a":{"reporter":null}}"#.utf8)) == nil)
    }
}

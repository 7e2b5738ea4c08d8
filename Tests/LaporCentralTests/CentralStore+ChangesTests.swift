import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

@Suite struct ChangeFeedTests {
    @Test(arguments: ["u-admin", "u-admin-dki", "u-liaison-dki-dpu", "u-liaison-makassar", "u-supervisor-dki", "u-liaison-bengkulu-diskominfotik"])
    func aFullPullIsExactlyWhatTheUserMaySee(user: String) async throws {
        try await withTestServer(reports: 300, transport: .inProcess) { t in
            let all = try await t.pull(as: "u-admin", limit: 500).items.map { try JSONSerialization.data(withJSONObject: $0) }
                .map { try JSONDecoder().decode(Report.self, from: $0) }
            #expect(all.count == 300)
            let me = try await t.get("/me", as: user).decode(User.self)
            let expected = Set(all.filter { t.server.workflow.canSee($0, user: me) }.map(\.id))
            let feed = try await t.pull(as: user, limit: 7)
            let ids = feed.items.map { $0["id"] as! String }
            #expect(Set(ids) == expected)
            #expect(ids.count == expected.count, "no report twice")
            #expect(feed.pages == max(1, (expected.count + 6) / 7))
            #expect(feed.items.allSatisfy { $0["removed"] == nil })
            // The first page of a pull from the start says how big the pull is (issue 12: a
            // percentage for the first sync); later pages and a pull that fits one page do not.
            let first = try await t.get("/changes?limit=7", as: user).object()
            if first["more"] as? Bool == true {
                #expect(first["total"] as? Int == expected.count, "\(user)")
                let cursor = first["cursor"] as? String ?? ""
                #expect(try await t.get("/changes?limit=7&cursor=\(cursor)", as: user).object()["total"] == nil)
            } else {
                #expect(first["total"] == nil)
            }
        }
    }

    @Test func incrementalPullsAndTombstones() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            let a = try await t.dispatched(to: "dki-dpu-jp")
            let b = try await t.dispatched(to: "dki-dpu-jp")
            let first = try await t.pull(as: "u-liaison-dki-dpu-jp")
            #expect(Set(first.items.map { $0["id"] as! String }) == [a.id, b.id])
            let otherFirst = try await t.pull(as: "u-liaison-dki-dpu-ju")
            #expect(otherFirst.items.isEmpty)
            // Nothing changed: nothing comes, and the cursor stays usable.
            let idle = try await t.pull(as: "u-liaison-dki-dpu-jp", cursor: first.cursor)
            #expect(idle.items.isEmpty && idle.cursor == first.cursor)
            // A follow-up on a; b returned (bukan wewenang): a changes, b leaves the unit's sight.
            #expect(
                try await t.act(["id": "f-1", "report_id": a.id, "type": "followup", "text": "Sudah ditambal."], as: "u-liaison-dki-dpu-jp").status
                    == 200
            )
            #expect(
                try await t.act(["id": "r-1", "report_id": b.id, "type": "return", "text": "Bukan wewenang kami."], as: "u-liaison-dki-dpu-jp").status
                    == 200)
            let next = try await t.pull(as: "u-liaison-dki-dpu-jp", cursor: first.cursor)
            #expect(next.items.count == 2)
            #expect(next.items.first { $0["id"] as? String == a.id }?["status"] as? String == "followed_up")
            let tomb = next.items.first { $0["id"] as? String == b.id }
            #expect(tomb?["removed"] as? Bool == true && tomb?.count == 2)
            // The parent unit's liaison sees the same; a sibling never saw b and gets nothing.
            let parent = try await t.pull(as: "u-liaison-dki-dpu", cursor: first.cursor)
            #expect(parent.items.contains { $0["id"] as? String == b.id && $0["removed"] as? Bool == true })
            #expect(try await t.pull(as: "u-liaison-dki-dpu-ju", cursor: otherFirst.cursor).items.isEmpty)
            // The national admin never gets a tombstone: b is simply back in the queue.
            let admin = try await t.pull(as: "u-admin", cursor: first.cursor)
            #expect(admin.items.first { $0["id"] as? String == b.id }?["status"] as? String == "verified")
            // Re-reading with an old cursor is safe: the same or newer snapshots.
            let again = try await t.pull(as: "u-liaison-dki-dpu-jp", cursor: first.cursor)
            #expect(again.items.count == 2)
        }
    }

    @Test func badParametersAreRefused() async throws {
        try await withTestServer(reports: 5, transport: .inProcess) { t in
            for (query, field) in [
                ("limit=0", "limit"), ("limit=501", "limit"), ("limit=x", "limit"), ("cursor=bm90LWEtY3Vyc29y", "cursor"),
                ("cursor=%21%21", "cursor"),
            ] {
                let r = try await t.get("/changes?\(query)", as: "u-admin")
                #expect(r.status == 422 && r.errorCode == "invalid" && r.errorFields?[field] != nil, "\(query)")
            }
            let page = try await t.get("/changes", as: "u-admin").object()
            #expect((page["changes"] as! [Any]).count == 5 && page["more"] as? Bool == false)
        }
    }

    /// Contract v1.2 item 1: a page holds at most 4 MiB of JSON (a larger report alone), `more`
    /// says it was cut, and the pages together hold every report once.
    @Test func pagesAreBoundedInBytes() async throws {
        try await withTestServer(reports: 0, transport: .inProcess) { t in
            var ids: [String] = []
            for _ in 0..<7 {
                let report = try await t.dispatched(to: "dki-dpu")
                // 1.5 MB each (the store keeps a report under 2 MiB): two fit a page, three do not.
                try await t.plantBody(String(repeating: "lubang ", count: 215_000), in: report.id)
                ids.append(report.id)
            }
            var cursor: String?
            var seen: [String] = []
            var sizes: [Int] = []
            while true {
                let r = try await t.get("/changes?limit=500" + (cursor.map { "&cursor=\($0)" } ?? ""), as: "u-admin")
                let page = try r.object()
                let items = page["changes"] as? [[String: Any]] ?? []
                sizes.append(r.data.count)
                #expect(r.data.count <= 4 * 1_024 * 1_024 + 4_096 || items.count == 1, "a page of \(r.data.count) bytes with \(items.count) items")
                seen += items.compactMap { $0["id"] as? String }
                cursor = page["cursor"] as? String
                guard page["more"] as? Bool == true else { break }
            }
            #expect(seen == ids, "every report once, in order")
            #expect(sizes.count == 4, "cut by bytes, not by count: \(sizes)")
        }
    }
}

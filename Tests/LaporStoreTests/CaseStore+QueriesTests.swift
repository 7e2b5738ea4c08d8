import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// Pages, counts, overdue groups and search: every query a view, `lapor list` and the status
/// bar ask.
@Suite struct CaseStoreQueriesTests {
    @Test func viewsFiltersAndSorting() async throws {
        let store = try CaseStore.inMemory()
        let reports = [
            report("9100001", .dispatched, due: "2026-11-09T23:59:59+07:00"),  // overdue
            report("9100002", .dispatched, unit: "dki-dpu-jp", due: "2026-11-11T23:59:59+07:00"),
            report("9100003", .replied, due: "2026-11-20T23:59:59+07:00", kind: .aspirasi),
            report("9100004", .followedUp, due: "2026-11-24T23:59:59+07:00", privacy: .rahasia),
            report("9100005", .closed, submitted: "2026-08-01T09:00:00+07:00"),
            report("9100006", .submitted, unit: nil, due: "2026-11-05T23:59:59+07:00", submitted: "2026-08-20T09:00:00+07:00"),
        ]
        _ = try await store.apply(page: reports.map { .report($0) }, cursor: "c1", at: now)
        #expect(try store.cursor() == "c1")
        #expect(try store.page(InboxFilter(statuses: [.dispatched, .replied])).map(\.id) == ["9100001", "9100002", "9100003"])
        #expect(try store.count(InboxFilter(unitIds: ["dki-dpu-jp"])) == 1)
        #expect(try store.page(InboxFilter(kinds: [.aspirasi])).map(\.id) == ["9100003"])
        #expect(try store.page(InboxFilter(privacies: [.rahasia])).map(\.id) == ["9100004"])
        let overdue = ReportView.overdue.filter(at: now)
        #expect(try store.page(overdue).map(\.id) == ["9100006", "9100001"])
        let soon = ReportView.dueSoon.filter(at: now)
        #expect(try store.page(soon).map(\.id) == ["9100002"])
        let escalated = ReportView.escalated.filter(at: now)
        #expect(try store.page(escalated).map(\.id) == ["9100006"], "closed reports never escalate")
        #expect(try store.page(InboxFilter(), sort: .age).first?.id == "9100005")
        #expect(try store.page(InboxFilter(), sort: .due).last?.id == "9100005", "no clock: last")
        #expect(try store.page(InboxFilter(), sort: .id, limit: 2, offset: 2).map(\.id) == ["9100003", "9100004"])
        // A changed deadline moves the report in the order (the sort key follows the new value).
        var moved = report("9100004", .followedUp, due: "2026-08-14T23:59:59+07:00", privacy: .rahasia)
        moved.version = 2
        _ = try await store.apply(page: [.report(moved)], cursor: "c2", at: now)
        #expect(try store.page(InboxFilter(), sort: .due).first?.id == "9100004")
        moved = report("9100004", .followedUp, due: "2026-11-24T23:59:59+07:00", privacy: .rahasia)
        moved.version = 3
        _ = try await store.apply(page: [.report(moved)], cursor: "c3", at: now)
        let groups = try store.overdueByUnit(at: now)
        #expect(
            groups == [
                // Verification: submitted Thu 20 Aug + 3 working days, over the Maulid holiday (the rulebook, not the wire).
                OverdueGroup(unitId: nil, count: 1, oldestDue: Timestamp(rfc3339: "2026-08-26T23:59:59+07:00")!, escalating: 1),
                OverdueGroup(unitId: "dki-dpu", count: 1, oldestDue: Timestamp(rfc3339: "2026-11-09T23:59:59+07:00")!),
            ])
        #expect(Set(ReportView.views(for: .supervisor)) == [.overdue, .dueSoon, .escalating, .escalated, .all])
    }

    @Test func searchFindsWordsAndPrefixesWithoutDiacriticsAndNeverBreaks() async throws {
        let store = try CaseStore.inMemory()
        let timeline = [TimelineEvent(id: "e-1", type: .followup, at: now, text: "Petugas sudah menambal jalan")]
        _ = try await store.apply(
            page: [
                .report(report("9100001", .dispatched, title: "Sampah menumpuk pasca banjir", body: "Kali Ciliwung penuh sampah")),
                .report(report("9100002", .dispatched, title: "Jalan berlubang", body: "Dekat café di Jl. Salemba", timeline: timeline)),
                .report(report("9100003", .dispatched, title: "Obat kedaluwarsa", body: "\u{1B}[31mmerah\u{1B}[0m di apotek")),
            ], cursor: "c", at: now)
        #expect(try store.search("sampah").map(\.id) == ["9100001"])
        #expect(try store.search("samp").map(\.id) == ["9100001"], "prefix")
        #expect(try store.search("cafe").map(\.id) == ["9100002"], "diacritics folded")
        #expect(try store.search("menambal").map(\.id) == ["9100002"], "timeline text")
        #expect(try store.search("SAMPAH ciliwung").map(\.id) == ["9100001"])
        #expect(try store.search("sampah obat").isEmpty, "all words must match")
        for hostile in [
            "\"", "\"sampah", "sampah OR obat", "NEAR(sampah obat)", "*", "title:sampah", "-sampah", "(", "^", "sampah AND",
            "'; DROP TABLE report; --",
        ] {
            #expect(throws: Never.self) { try store.search(hostile) }
        }
        #expect(try store.search("sampah:banjir").map(\.id) == ["9100001"], "a column filter is just two words")
        #expect(try store.search("!!!").isEmpty)
        #expect(CaseStore.ftsQuery("a\"b") == "\"a\"* AND \"b\"*")
        #expect(try store.count(InboxFilter(search: "apotek")) == 1)
        #expect(try store.reportCount() == 3)
    }

    @Test func filtersByChannelCategoryAndTheDecidedInstants() async throws {
        let store = try CaseStore.inMemory()
        try await store.save(reference())
        var web = report("9100001", .dispatched, due: "2026-11-10T23:59:59+07:00")
        web.channel = .web
        web.categoryId = "12"
        _ = try await store.apply(
            page: [.report(web), .report(report("9100002", .dispatched, due: "2026-11-12T23:59:59+07:00"))], cursor: "c", at: now)
        #expect(try store.page(InboxFilter(channels: [.web])).map(\.id) == ["9100001"])
        #expect(try store.page(InboxFilter(categoryIds: ["121"])).map(\.id) == ["9100002"])
        // At 10:00 WIB on Tue 10 Nov the first is due today; the second (Thu) joins the due-soon
        // band (two working days) on Wednesday.
        #expect(try store.page(InboxFilter.dueToday(at: now)).map(\.id) == ["9100001"])
        #expect(try store.page(ReportView.dueSoon.filter(at: now)).map(\.id) == ["9100001"])
        #expect(try store.page(ReportView.dueSoon.filter(at: now.adding(seconds: 86_400))).map(\.id) == ["9100002"])
        #expect(try store.page(InboxFilter(dueAfter: Timestamp(rfc3339: "2026-11-11T00:00:00+07:00")!)).map(\.id) == ["9100002"])
        #expect(try store.page(InboxFilter(submittedBefore: Timestamp(rfc3339: "2026-11-01T00:00:00+07:00")!)).isEmpty)
        // The escalation warning begins on the 50th calendar day: neither report is there yet.
        #expect(try store.count(ReportView.escalating.filter(at: now)) == 0)
        let later = Timestamp(rfc3339: "2026-12-25T10:00:00+07:00")!
        #expect(try store.count(ReportView.escalating.filter(at: later)) == 2)
        #expect(try store.overdueByUnit(at: now, units: ["dki-dpu-jp"]).isEmpty, "limited to the units asked")
    }
}

/// Citizens quote their tracking number: the officer's most common lookup (issue 12).
@Suite struct TrackingNumberSearchTests {
    @Test func aNumberOrItsStartFindsTheReportInSearchAndInEveryView() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(
            page: [
                .report(report("9100375", .dispatched, title: "Lampu mati")),
                .report(report("9100376", .closed, title: "Sampah")),
                .report(report("9200001", .dispatched, title: "Laporan lain", body: "Menyusul laporan 9100375 kemarin.")),
            ], cursor: "c", at: now)
        #expect(try store.search("9100375").map(\.id) == ["9100375", "9200001"], "the id first, then where the text quotes it")
        #expect(try store.search("91003").map(\.id) == ["9100375", "9100376", "9200001"])
        #expect(try store.search(" 9100376 ").map(\.id) == ["9100376"])
        // Within a view, the number finds the report when the view holds it.
        var inbox = ReportView.inbox.filter(at: now)
        inbox.search = "9100375"
        #expect(try store.page(inbox).map(\.id) == ["9100375", "9200001"])
        inbox.search = "9100376"
        #expect(try store.page(inbox).isEmpty, "closed: not in the inbox")
        #expect(CaseStore.trackingPrefix("91") == nil && CaseStore.trackingPrefix("91a") == nil && CaseStore.trackingPrefix("910") == "910")
    }
}

/// The counts the status bar and the deadline views ask every minute never read a report row
/// (issue 13: 44,000 rows of 1.3 KB were read for the overdue count, on the UI thread).
@Suite struct CountPlanTests {
    @Test(arguments: [ReportView.overdue, .dueSoon, .escalating, .escalated])
    func aDeadlineViewIsCountedFromAnIndexAlone(view: ReportView) async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await store.save(reference())
        let reports = (0..<200).map { i in
            report(String(9_100_000 + i), i % 3 == 0 ? .closed : .dispatched, due: "2026-11-\(10 + i % 15)T23:59:59+07:00")
        }
        _ = try await store.apply(page: reports.map { .report($0) }, cursor: "c", at: now)
        try await store.analyze()
        let plan = try store.countPlan(view.filter(at: now))
        #expect(plan.contains("USING COVERING INDEX"), "\(view): \(plan)")
        #expect(try store.countPlan(.dueToday(at: now)).contains("USING COVERING INDEX"))
        let table = try store.unitTablePlan(at: now)
        #expect(table.contains("USING COVERING INDEX report_by_unit_status"), "the supervisor's table: \(table)")
    }
}

/// A search counted from the full-text index alone agrees with the rows it finds (issue 13).
@Suite struct SearchCountTests {
    @Test func theCountOfASearchIsItsRows() async throws {
        let store = try CaseStore.inMemory()
        let reports = (0..<60).map { i in
            report(String(9_100_000 + i), i % 4 == 0 ? .closed : .dispatched, title: i % 3 == 0 ? "Jalan rusak" : "Sampah", body: "Laporan \(i)")
        }
        _ = try await store.apply(page: reports.map { .report($0) }, cursor: "c", at: now)
        for text in ["jalan", "sampah", "jal", "laporan", "zzz"] {
            let all = InboxFilter(search: text)
            #expect(try store.count(all) == store.page(all, limit: 1_000).count, "\(text)")
            var inbox = ReportView.inbox.filter(at: now)
            inbox.search = text
            #expect(try store.count(inbox) == store.page(inbox, limit: 1_000).count, "\(text) in the inbox")
        }
        #expect(try store.count(InboxFilter(search: "jalan")) == 20)
    }
}

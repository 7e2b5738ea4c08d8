import Foundation
import LaporDomain
import Testing

@testable import LaporStore

let now = Timestamp(rfc3339: "2026-11-10T10:00:00+07:00")!

func report(
    _ id: String, _ status: ReportStatus, unit: String? = "dki-dpu", due: String? = nil, submitted: String = "2026-11-02T09:00:00+07:00",
    title: String = "Jalan berlubang", body: String = "Lubang besar di depan halte.", kind: ReportKind = .pengaduan,
    privacy: Privacy = .public, timeline: [TimelineEvent] = []
) -> Report {
    var events = timeline
    // The store decides deadlines with the rulebook from the timeline: give the running clock an
    // anchor event from which the rules reach `due` (the latest such day).
    if let due = due.flatMap({ Timestamp(rfc3339: $0) }), let clock = DeadlineRules.clock(for: status), clock != .verification {
        let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: ReferenceData.emptyUnits)
        let type: TimelineEvent.EventType =
            switch status {
            case .replied: .reporterReply
            case .followedUp: .followup
            case .held: .held
            case .infoRequested: .infoRequested
            default: .dispatched
            }
        for back in 1...40 {
            let anchor = Timestamp.startOfDay(due.localDate.adding(days: -back), in: .wib).adding(seconds: 9 * 3600)
            if (try? rules.calendar.due(after: anchor, workingDays: rules.workingDays(for: clock), in: .wib))?.at == due {
                events.append(TimelineEvent(id: "e-\(id)-\(events.count + 1)", type: type, at: anchor, unitId: type == .dispatched ? unit : nil))
                break
            }
        }
    }
    return Report(
        id: id, version: 1, kind: kind, channel: .sms, title: title, body: body, categoryId: "121", privacy: privacy, status: status, unitId: unit,
        submittedAt: Timestamp(rfc3339: submitted)!, dueAt: due.flatMap { Timestamp(rfc3339: $0) }, timeline: events)
}

func temporaryStore() throws -> (CaseStore, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-store-\(UUID().uuidString)")
    return (try CaseStore(path: folder.appendingPathComponent("p/cases.sqlite").path), folder)
}

@Suite struct CaseStoreTests {
    @Test func theFileIsPrivate() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mode = try FileManager.default.attributesOfItem(atPath: store.path!)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.integrityCheck() == "ok")
    }

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
                OverdueGroup(unitId: nil, count: 1, oldestDue: Timestamp(rfc3339: "2026-08-26T23:59:59+07:00")!),
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

    @Test func anUpdateReplacesTimelineAndSearchAndATombstoneKeepsDrafts() async throws {
        let store = try CaseStore.inMemory()
        _ = try await store.apply(page: [.report(report("9100001", .dispatched, title: "Lama"))], cursor: "1", at: now)
        var changed = report("9100001", .followedUp, title: "Baru")
        changed.version = 2
        _ = try await store.apply(page: [.report(changed)], cursor: "2", at: now)
        #expect(try store.search("lama").isEmpty && store.search("baru").count == 1)
        #expect(try store.report("9100001")?.status == .followedUp)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "draf", at: now)
        let result = try await store.apply(page: [.removed("9100001"), .removed("9999999")], cursor: "3", at: now)
        #expect(result == PageResult(stored: 0, removed: 1))
        #expect(try store.report("9100001") == nil && store.search("baru").isEmpty)
        #expect(try store.draft(DraftKey(reportId: "9100001", kind: "followup"))?.leftUnitAt == now)
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "", at: now)
        #expect(try store.drafts().isEmpty, "an empty draft is deleted")
    }

    @Test func theOutboxKeepsTextThroughEveryState() async throws {
        let store = try CaseStore.inMemory()
        let user = User(id: "u-1", name: "Siti", role: .liaison, unitId: "dki-dpu")
        try store.saveDraft(DraftKey(reportId: "9100001", kind: "followup"), text: "teks", at: now)
        let a = try store.queue(
            ActionRequest(id: "a", reportId: "9100001", type: .followup, text: "teks"), by: user, at: now,
            clearingDraft: DraftKey(reportId: "9100001", kind: "followup"))
        #expect(a.state == .queued)
        #expect(try store.drafts().isEmpty)
        _ = try store.queue(ActionRequest(id: "b", reportId: "9100001", type: .followup, text: "kedua"), by: user, at: now)
        _ = try store.queue(ActionRequest(id: "c", reportId: "9100002", type: .followup, text: "lain"), by: user, at: now)
        #expect(try store.sendable().map(\.id) == ["a", "b", "c"])
        try await store.markConflict("a", serverReport: report("9100001", .infoRequested), message: "conflict", at: now)
        #expect(try store.sendable().map(\.id) == ["c"], "b waits behind a")
        #expect(try store.report("9100001")?.status == .infoRequested)
        try store.retry("a", text: "teks baru", by: user, at: now)
        let retried = try store.outbox().first { $0.request.text == "teks baru" }
        #expect(retried?.state == .queued && retried?.id != "a", "a changed action gets a new key")
        try await store.markFailed("c", message: "unit_id: unknown", at: now)
        try store.retry("c", by: user, at: now)
        #expect(try store.outboxItem("c")?.state == .queued, "an unchanged action keeps its key")
        #expect(throws: StoreError.outboxItemNotRetryable("b", state: "queued")) { try store.retry("b", by: user, at: now) }
        #expect(throws: StoreError.unknownOutboxItem("zzz")) { try store.discard("zzz", by: user, at: now) }
        try await store.acknowledge("b", report: nil, at: now)
        #expect(throws: StoreError.self) { try store.discard("b", by: user, at: now) }
        #expect(try store.outboxCounts() == [.queued: 2, .sent: 1])
        #expect(try store.auditLog().map(\.event).contains("queued"))
    }
}

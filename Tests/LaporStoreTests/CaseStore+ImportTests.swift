import Foundation
import LaporDomain
import Testing

@testable import LaporStore

/// The store side of `lapor import` (issue 15): rows compared as stored, drafts kept, reports a
/// newer file lacks kept and flagged.
@Suite struct CaseStoreImportTests {
    @Test func cellsAreStoredAsJSONThatReadsBackExactly() throws {
        let hostile: [String: String] = [
            "Judul Laporan": "Kutip \" dan \\ garis\nbaru\r\ttab \u{1B}[31m \u{0} 😀 é\u{301} \u{202E}",
            "Tracking ID": "4100001", "": "", "Kolom \"aneh\"": "\u{7F}\u{85}",
        ]
        let text = CaseStore.cellsJSON(hostile)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == hostile)
        // The same cells, the same text, whatever the dictionary's order.
        #expect(CaseStore.cellsJSON(Dictionary(uniqueKeysWithValues: hostile.reversed())) == text)
        // By column, as an import writes them: the same text as by name.
        var columns: [AdminExport.Column: String] = [:]
        for (i, column) in AdminExport.Column.allCases.enumerated() { columns[column] = i % 3 == 0 ? "" : "\(column.rawValue) \" \u{1}é \(i)" }
        let named = Dictionary(uniqueKeysWithValues: columns.filter { !$0.value.isEmpty }.map { ($0.key.rawValue, $0.value) })
        #expect(CaseStore.cellsJSON(columns) == CaseStore.cellsJSON(named))
    }

    @Test func aReimportTouchesOnlyWhatChanged() async throws {
        let store = try CaseStore.inMemory()
        let unit = Unit(id: "5171", name: "Dinas PUPR", timezone: IndonesianTimeZone.wita.identifier)
        let reference = ReferenceData(
            user: User(id: "ekspor", name: "Ekspor", role: .liaison, unitId: "5171"), units: [unit], categories: [],
            calendarYears: WorkingCalendar.builtinYears, policy: .standard)
        let now = Timestamp(Date())
        func imported(_ id: String, title: String, row: Int) throws -> ImportedReport {
            try ImportedReport(
                report: Report(
                    id: id, kind: .pengaduan, channel: .web, title: title, body: "b", privacy: .anonim, reporter: .init(name: "Budi"),
                    status: .dispatched,
                    unitId: "5171", submittedAt: Timestamp(epochSeconds: 1_793_000_000, offsetSeconds: 28_800)),
                cells: [.trackingId: id, .title: title, .reporterName: "Budi"], sheetRow: row, role: .liaison, rules: reference.rules, at: now)
        }
        let first = try await store.importReports(
            [try imported("4100001", title: "A", row: 2), try imported("4100002", title: "B", row: 3)], reference: reference, at: now)
        #expect(first == ImportOutcome(new: 2))
        // A liaison's store never holds an anonim reporter, as a sync would not: not in the report,
        // not in the row's cells (which `lapor export` writes).
        #expect(try store.report("4100001")?.reporter == nil)
        #expect(try store.importedRow("4100001")?.cells == ["Tracking ID": "4100001", "Judul Laporan": "A"])
        // The stored JSON carries the deadline `show` gives (list --format json streams it).
        #expect(try store.report("4100001")?.dueAt == reference.rules.instants(for: try #require(try store.report("4100001"))).dueAt)
        #expect(try store.report("4100001")?.dueAt != nil)
        #expect(try store.report("4100001")?.isFromExport == true)
        try store.saveDraft(DraftKey(reportId: "4100002", kind: "followup"), text: "draf", at: now)
        let second = try await store.importReports([try imported("4100001", title: "A2", row: 2)], reference: reference, at: now)
        #expect(second == ImportOutcome(new: 0, updated: 1, unchanged: 0, missing: 1))
        #expect(try store.report("4100001")?.version == 2 && store.report("4100001")?.title == "A2")
        #expect(try store.importedRow("4100002")?.inLatest == false && store.report("4100002") != nil)
        #expect(try store.draft(DraftKey(reportId: "4100002", kind: "followup"))?.text == "draf")
        #expect(try store.importedMissing() == ["4100002"])
        // Back in a later file: no longer flagged; an unchanged row is untouched.
        let third = try await store.importReports(
            [try imported("4100001", title: "A2", row: 2), try imported("4100002", title: "B", row: 3)], reference: reference, at: now)
        #expect(third == ImportOutcome(new: 0, updated: 0, unchanged: 2, missing: 0))
        #expect(try store.report("4100001")?.version == 2 && store.importedMissing().isEmpty)
        // The estimated follow-up deadline is stored as not final (the list's ≈).
        let row = try #require(try store.page(InboxFilter(), limit: 10).first { $0.id == "4100001" })
        #expect(row.instants.dueAt != nil && row.instants.dueProvisional)
    }

    /// Migration v11 (issue 24): a store imported before kept the reporter's name of anonim
    /// reports in its rows and no deadline in its JSON; revised, it holds what the role sees.
    @Test func storesImportedBeforeAreRevised() async throws {
        let store = try CaseStore.inMemory()
        let unit = Unit(id: "5171", name: "Dinas PUPR", timezone: IndonesianTimeZone.wita.identifier)
        let reference = ReferenceData(
            user: User(id: "ekspor", name: "Ekspor", role: .supervisor, unitId: "5171"), units: [unit], categories: [],
            calendarYears: WorkingCalendar.builtinYears, policy: .standard)
        let now = Timestamp(Date())
        let report = Report(
            id: "4100001", kind: .pengaduan, channel: .web, title: "A", body: "b", privacy: .rahasia, status: .dispatched, unitId: "5171",
            submittedAt: Timestamp(epochSeconds: 1_793_000_000, offsetSeconds: 28_800))
        _ = try await store.importReports(
            [try ImportedReport(report: report, cells: [.trackingId: "4100001"], sheetRow: 2, role: .supervisor, rules: nil, at: now)],
            reference: reference, at: now)
        // As the earlier version stored it.
        try await store.writer.write { db in
            try db.execute(sql: #"UPDATE imported_row SET cells = '{"Nama Pelapor":"Budi","Tracking ID":"4100001","Lain":"x"}'"#)
        }
        #expect(try store.report("4100001")?.dueAt == nil)
        try await store.writer.write { db in try CaseStore.reviseImportedRows(in: db) }
        #expect(try store.importedRow("4100001")?.cells == ["Tracking ID": "4100001", "Lain": "x"])
        #expect(try store.report("4100001")?.dueAt == reference.rules.instants(for: report).dueAt)
        #expect(try store.report("4100001")?.dueAt != nil)
    }
}

import Foundation
import Testing

@testable import LaporDomain

/// Rows of an export into reports (issue 15): units and zones from the file, each row on its
/// own, every departure from what was written said as a note.
@Suite struct AdminExportRowsTests {
    func row(_ number: Int, _ cells: [AdminExport.Column: String]) -> AdminExport.Row {
        var all: [AdminExport.Column: String] = [
            .trackingId: "4100001", .date: "3 Nov 2026", .time: "09:30", .title: "Jalan rusak", .bodyFirst: "Awal",
            .status: "Terdisposisi ke Dinas PUPR",
            .classification: "Pengaduan", .parentAgency: "Pemerintah Kota Denpasar", .unitId: "5171", .unit: "Dinas PUPR", .province: "Bali",
        ]
        all.merge(cells) { $1 }
        return AdminExport.Row(number: number, cells: all)
    }

    @Test func theTreeAndZonesComeFromTheFile() {
        let rows = [
            row(2, [:]), row(3, [.trackingId: "4100002", .unitId: "", .unit: "Dinas Kesehatan"]),
            row(4, [.trackingId: "4100003", .unitId: "", .unit: ""]),
        ]
        let catalog = AdminExport.Catalog(rows: rows)
        #expect(catalog.rootId == "induk-pemerintah-kota-denpasar")
        #expect(catalog.units.map(\.id) == ["induk-pemerintah-kota-denpasar", "5171", "unit-dinas-kesehatan"])
        #expect(catalog.units.allSatisfy { $0.zone == .wita })
        #expect(catalog.unitId(of: rows[2]) == "induk-pemerintah-kota-denpasar")
        #expect((try? UnitTree(catalog.units)) != nil)
        // Several parent agencies: a root above them; --timezone overrides every zone.
        let two = AdminExport.Catalog(
            rows: rows + [row(5, [.trackingId: "4100004", .parentAgency: "Kementerian PUPR", .unitId: "9", .unit: "Ditjen"])], zone: .wit)
        #expect(two.rootId == "ekspor" && two.units.first?.parentId == nil && two.units.allSatisfy { $0.zone == .wit })
        #expect((try? UnitTree(two.units)) != nil)
    }

    @Test func aRowReadsWithItsZoneAndLabel() throws {
        let r = row(7, [.reporterName: "Ni Luh Putu", .privacy: "Anonim", .bodyFinal: "Akhir", .rating: "4"])
        let read = try AdminExport.read(r, catalog: AdminExport.Catalog(rows: [r])).get()
        #expect(read.report.submittedAt.rfc3339 == "2026-11-03T09:30:00+08:00")
        #expect(read.report.statusLabel == "Terdisposisi ke Dinas PUPR" && read.report.status == .dispatched)
        #expect(read.report.body == "Akhir" && read.report.privacy == .anonim && read.report.rating == 4)
        #expect(read.report.reporter?.name == "Ni Luh Putu" && read.report.isFromExport && read.notes.isEmpty)
        #expect(read.report.masked(for: .liaison).reporter == nil)
    }

    @Test func badRowsAreRejectedWithTheirReason() {
        let catalog = AdminExport.Catalog(rows: [])
        func rejection(_ cells: [AdminExport.Column: String]) -> AdminExport.Rejection? {
            if case .failure(let r) = AdminExport.read(row(9, cells), catalog: catalog) { return r }
            return nil
        }
        #expect(rejection([.trackingId: ""]) == .noTrackingId)
        #expect(rejection([.trackingId: "ABC123"]) == .badTrackingId("ABC123"))
        #expect(rejection([.trackingId: "12"]) == .badTrackingId("12"))
        #expect(rejection([.date: ""]) == .noDate)
        #expect(rejection([.date: "kemarin"]) == .badDate("kemarin", .unreadable))
        #expect(rejection([.date: "Selasa, 3 Nov 2026"]) == nil)
        #expect(rejection([.date: "Rabu, 3 Nov 2026"]) == .badDate("Rabu, 3 Nov 2026", .weekdayMismatch(written: .wednesday, actual: .tuesday)))
        #expect(rejection([.time: "0.25"]) == .badTime("0.25", .clockOrFraction))
        // Limits count bytes: 100,001 three-byte characters are over 200,000 bytes.
        let long = String(repeating: "ḁ", count: 100_001)
        #expect(rejection([.bodyFirst: long]) == .cellTooLong(.bodyFirst, bytes: 300_003))
        #expect(rejection([.trackingId: "4100001.0"]) == nil)
    }

    /// The cells lapor keeps: the same report in another shape is the same row (issue 24).
    @Test func cellsAreKeptInOneShape() throws {
        let shapes: [[AdminExport.Column: String]] = [
            [.trackingId: "'4100001", .date: "03/11/2026", .time: "09.30", .rating: "4,0"],
            [.trackingId: "4100001.0", .date: "2026-11-03", .time: "09:30:00", .rating: "4"],
            [.trackingId: "4100001", .date: "Selasa, 3 November 2026 09.30", .time: "", .rating: "4.0"],
            [.trackingId: "4100001", .date: "2026-11-03T10:30:00+09:00", .time: "", .rating: "4"],
        ]
        var kept: Set<[AdminExport.Column: String]> = []
        for cells in shapes {
            let r = row(7, cells)
            let read = try AdminExport.read(r, catalog: AdminExport.Catalog(rows: [r])).get()
            #expect(read.report.submittedAt.rfc3339 == "2026-11-03T09:30:00+08:00" && read.report.rating == 4, "\(cells)")
            kept.insert(read.cells)
        }
        #expect(kept.count == 1)
        #expect(kept.first?[.date] == "2026-11-03" && kept.first?[.time] == "09:30:00" && kept.first?[.trackingId] == "4100001")
        // No time in the file: none kept, so that an export of it says none either.
        let untimed = row(8, [.time: ""])
        #expect(try AdminExport.read(untimed, catalog: AdminExport.Catalog(rows: [untimed])).get().cells[.time] == nil)
    }

    /// One masking rule for the screen and the files: the reporter of an anonim or rahasia report
    /// is for admins only.
    @Test func theCellsARoleMaySee() throws {
        let r = row(7, [.reporterName: "Ni Luh Putu", .privacy: "Rahasia"])
        let read = try AdminExport.read(r, catalog: AdminExport.Catalog(rows: [r])).get()
        for role in Role.allCases {
            let visible = AdminExport.visibleCells(read.cells, of: read.report, to: role)
            #expect((visible[.reporterName] != nil) == (role == .admin) && (read.report.masked(for: role).reporter != nil) == (role == .admin))
        }
        let open = row(8, [.reporterName: "Made", .privacy: ""])
        let publicRead = try AdminExport.read(open, catalog: AdminExport.Catalog(rows: [open])).get()
        #expect(AdminExport.visibleCells(publicRead.cells, of: publicRead.report, to: .liaison)[.reporterName] == "Made")
    }

    /// The copy of a report submitted last is kept; on a tie, the lower row.
    @Test func duplicatesKeepTheLaterCopy() {
        let early = Timestamp(epochSeconds: 1_000)
        let late = Timestamp(epochSeconds: 2_000)
        let rows = [
            AdminExport.Identity(row: 5, id: "4100001", at: late), AdminExport.Identity(row: 9, id: "4100001", at: early),
            AdminExport.Identity(row: 6, id: "4100002", at: early), AdminExport.Identity(row: 8, id: "4100002", at: early),
            AdminExport.Identity(row: 7, id: "4100003", at: early),
        ]
        let kept = AdminExport.keptRows(rows)
        #expect(kept.count == 2 && kept["4100001"]?.row == 5 && kept["4100002"]?.row == 8)
        #expect(AdminExport.duplicate(rows[1], of: rows[0]) == .duplicateTrackingId("4100001", keptRow: 5, byTime: true))
        #expect(AdminExport.duplicate(rows[2], of: rows[3]) == .duplicateTrackingId("4100002", keptRow: 8, byTime: false))
    }

    @Test func departuresAreNotedNeverSilent() throws {
        let r = row(
            11, [.status: "Menunggu Verifikasi Ulang", .classification: "Keluhan", .privacy: "Sebagian", .time: "", .title: "", .rating: "9"])
        let read = try AdminExport.read(r, catalog: AdminExport.Catalog(rows: [r])).get()
        #expect(
            Set(read.notes) == [
                .unknownStatus("Menunggu Verifikasi Ulang"), .unknownKind("Keluhan"), .unknownPrivacy("Sebagian"), .badTime(""), .noTitle,
                .badRating("9"),
            ])
        #expect(read.report.status == .unknown && read.report.statusLabel == "Menunggu Verifikasi Ulang")
        #expect(
            read.report.privacy == .rahasia && read.report.kind == .pengaduan && read.report.title == AdminExport.untitled
                && read.report.rating == nil)
        #expect(read.report.submittedAt.rfc3339 == "2026-11-03T00:00:00+08:00")
    }
}

/// A synced report written in the export's columns reads back as the same report (issue 15).
@Suite struct AdminExportWritingTests {
    @Test func aSyncedReportRoundTripsThroughTheColumns() throws {
        let report = Report(
            id: "9100012", kind: .permintaanInformasi, channel: .sms, title: "Jalan", body: "Isi", categoryId: "101", privacy: .anonim,
            reporter: .init(name: "Budi"), status: .followedUp, unitId: "dki-dpu", submittedAt: ts("2026-11-02T10:05:09+07:00"), rating: 4)
        let cells = AdminExport.cells(of: report, units: testUnits, categories: CategoryTree([Category(id: "101", name: "Infrastruktur")]))
        #expect(cells[.date] == "2026-11-02" && cells[.time] == "10:05:09" && cells[.category] == "Infrastruktur")
        let row = AdminExport.Row(number: 2, cells: cells)
        let read = try AdminExport.read(row, catalog: AdminExport.Catalog(rows: [row])).get()
        #expect(read.notes.isEmpty, "\(read.notes)")
        #expect(read.report.id == report.id && read.report.kind == report.kind && read.report.channel == report.channel)
        #expect(read.report.privacy == report.privacy && read.report.status == report.status && read.report.rating == 4)
        #expect(read.report.submittedAt == report.submittedAt && read.report.title == "Jalan" && read.report.body == "Isi")
    }
}

/// A file without the columns that decide privacy, kind and time (issue 24): every row reads the
/// safe way, said once for the file, not on every row.
@Suite struct AdminExportAbsentColumnsTests {
    @Test func aFileWithoutTipeLaporanHidesEveryReporter() throws {
        let row = AdminExport.Row(
            number: 2, cells: [.trackingId: "4100001", .date: "3 Des 2026", .title: "Jalan", .status: "Terdisposisi ke Dinas", .reporterName: "Budi"])
        let catalog = AdminExport.Catalog(rows: [row], absent: [.privacy, .classification, .time])
        let read = try AdminExport.read(row, catalog: catalog).get()
        #expect(read.report.privacy == .rahasia && read.report.kind == .pengaduan && read.notes.isEmpty, "\(read.notes)")
        #expect(read.report.masked(for: .liaison).reporter == nil)
        // With the columns present and empty, an empty privacy is public and the rest is noted.
        let present = try AdminExport.read(row, catalog: AdminExport.Catalog(rows: [row])).get()
        #expect(present.report.privacy == .public && Set(present.notes) == [.unknownKind(""), .badTime("")])
    }
}

import Foundation
import Testing

@testable import LaporDomain

/// The admin area's export (issue 15): its headers, status labels and value shapes.
@Suite struct AdminExportTests {
    @Test func headersMatchWithoutCaseOrSpaces() {
        #expect(AdminExport.Column(header: "Tracking ID") == .trackingId)
        #expect(AdminExport.Column(header: "  tracking   id ") == .trackingId)
        #expect(AdminExport.Column(header: "TIPE LAPORAN (ANONIM/RAHASIA)") == .privacy)
        #expect(AdminExport.Column(header: "Kota / Kabupaten") == .city)
        #expect(AdminExport.Column(header: "Tracking") == nil)
        #expect(AdminExport.Column.allCases.count == 26)
        #expect(AdminExport.isHeader(["tracking id", "x"]) && !AdminExport.isHeader(["Judul Laporan: Rekap"]))
    }

    /// The mapping table docs/import.md shows; anything else is unknown, never guessed.
    @Test func statusLabelsMapOrStayUnknown() {
        let table: [(String, ReportStatus, Bool)] = [
            ("Terdisposisi ke Dinas Bina Marga Provinsi DKI Jakarta", .dispatched, false),
            ("Ditindaklanjuti oleh Instansi", .followedUp, false),
            ("Ditanggapi oleh Pelapor", .replied, false),
            ("Ditutup oleh Admin", .closed, false),
            ("Ditutup oleh Sistem", .closed, true),
            ("Diarsipkan oleh Admin", .archived, false),
            ("diarsipkan  oleh   SISTEM", .archived, true),
            ("Belum Terverifikasi", .submitted, false),
            ("Terverifikasi", .verified, false),
            ("Ditunda (foto kurang jelas)", .held, false),
            ("Menunggu Tanggapan Pelapor", .infoRequested, false),
            ("Menunggu Verifikasi Ulang", .unknown, false),
            ("Terdisposisi", .dispatched, false),
            ("Didisposisikan", .unknown, false),
            ("", .unknown, false),
        ]
        for (label, status, bySystem) in table {
            let mapped = AdminExport.status(ofLabel: label)
            #expect(mapped.status == status && mapped.bySystem == bySystem, "\(label)")
        }
        // Every label lapor itself writes reads back as its status.
        for status in ReportStatus.contractCases {
            #expect(AdminExport.status(ofLabel: status.label(unitName: "Dinas X", holdReason: "foto")).status == status, "\(status)")
        }
    }

    /// The byte-wise way for ASCII text gives what the Unicode way gives.
    @Test func cellsNormaliseAlikeAsciiOrNot() {
        let unicode = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
        let samples = [
            "", " ", "  Ditutup\toleh\n\nSISTEM  ", "A\u{0B}b\u{0C}c\rD", "x\u{1C}y", "Tracking ID", "Jawa Tengah",
            "Kota\u{00A0}Bandung", "ÉCOLE  Ünïcode", "\u{2003}WA\u{2003}", "SMS 1708", "a\u{85}b", "[]{}~`!@#$%^&*()",
        ]
        for sample in samples { #expect(AdminExport.normalized(sample) == unicode(sample), "\(sample.debugDescription)") }
        for byte in UInt8(0)..<0x80 {
            let sample = "A" + String(UnicodeScalar(byte)) + "Z " + String(UnicodeScalar(byte))
            #expect(AdminExport.normalized(sample) == unicode(sample), "byte \(byte)")
        }
    }

    @Test func datesInEveryShapeTheExportWrites() {
        let expected = LocalDate(year: 2026, month: 1, day: 3)
        for text in ["3 Jan 2026", "03 Jan 2026", "3 Januari 2026", "2026-01-03", "46025", "46025.4375", " 3 jan 2026 "] {
            #expect(AdminExport.date(text) == expected, "\(text)")
        }
        #expect(AdminExport.date("17 Agt 2026") == LocalDate(year: 2026, month: 8, day: 17))
        #expect(AdminExport.date("17 Agu 2026") == LocalDate(year: 2026, month: 8, day: 17))
        #expect(AdminExport.date("5 Mei 2026") == LocalDate(year: 2026, month: 5, day: 5))
        #expect(AdminExport.date("1 Okt 2026") == LocalDate(year: 2026, month: 10, day: 1))
        #expect(AdminExport.date("25 Des 2026") == LocalDate(year: 2026, month: 12, day: 25))
        #expect(AdminExport.date("2025-01-01") == AdminExport.serialDate(45658))
        for bad in ["", "31 Feb 2026", "3 Foo 2026", "kemarin", "3 Jan", "12", "1e308", "nan", "3 Jan 26", "3 Jan 99999"] {
            #expect(AdminExport.date(bad) == nil, "\(bad)")
        }
    }

    @Test func timesAsTextOrFractions() {
        #expect(AdminExport.time("08:05") == 8 * 3600 + 5 * 60)
        #expect(AdminExport.time("08:05:09") == 8 * 3600 + 5 * 60 + 9)
        #expect(AdminExport.time("0.5") == 43_200)
        #expect(AdminExport.time("46025.75") == 64_800)
        for bad in ["", "25:00", "08:61", "8", "pagi", "08:05:99"] { #expect(AdminExport.time(bad) == nil, "\(bad)") }
    }

    @Test func provincesGiveTheirZone() {
        let cases: [(String, IndonesianTimeZone?)] = [
            ("DKI Jakarta", .wib), ("Jawa Timur", .wib), ("Aceh", .wib), ("Kalimantan Barat", .wib), ("Kalimantan Tengah", .wib),
            ("Kalimantan Selatan", .wita), ("Kalimantan Timur", .wita), ("Kalimantan Utara", .wita), ("Bali", .wita),
            ("Nusa Tenggara Barat", .wita), ("NTT", .wita), ("Sulawesi Selatan", .wita), ("Gorontalo", .wita),
            ("Maluku Utara", .wit), ("Papua Barat Daya", .wit), ("Provinsi Papua", .wit), ("", nil), ("Atlantis", nil),
        ]
        for (province, zone) in cases { #expect(AdminExport.zone(ofProvince: province) == zone, "\(province)") }
    }

    @Test func kindsPrivaciesAndChannels() {
        #expect(AdminExport.kind("Permintaan Informasi") == .permintaanInformasi && AdminExport.kind("Keluhan") == nil)
        #expect(AdminExport.privacy("") == .public && AdminExport.privacy("Anonim") == .anonim && AdminExport.privacy("RAHASIA") == .rahasia)
        #expect(AdminExport.privacy("Anonim dan Rahasia") == .rahasia && AdminExport.privacy("Sebagian") == nil)
        #expect(AdminExport.channel("SMS 1708") == .sms && AdminExport.channel("Android") == .mobile && AdminExport.channel("Merpati") == .other)
    }

    /// An export's report has no timeline: verification counts from submission, a dispatched
    /// report's follow-up deadline is estimated (verification deadline + follow-up period), and
    /// the clocks whose events the export lacks give no deadline.
    @Test func deadlinesOfExportedReports() {
        let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: testUnits)
        func report(_ status: ReportStatus) -> Report {
            Report(
                id: "4100001", kind: .pengaduan, channel: .web, title: "t", body: "b", status: status, unitId: "dki-dpu",
                submittedAt: ts("2026-11-02T10:00:00+07:00"))
        }
        let dispatched = rules.instants(for: report(.dispatched))
        // 3 working days to Thu 5 Nov, then 5 more to Thu 12 Nov (lapor calendar due says the same).
        #expect(dispatched.dueAt?.rfc3339 == "2026-11-12T23:59:59+07:00" && dispatched.dueEstimated && dispatched.dueProvisional)
        let submitted = rules.instants(for: report(.submitted))
        #expect(submitted.dueAt?.rfc3339 == "2026-11-05T23:59:59+07:00" && !submitted.dueEstimated && !submitted.dueProvisional)
        for status in [ReportStatus.followedUp, .replied, .held, .infoRequested, .closed, .unknown] {
            #expect(rules.instants(for: report(status)).dueAt == nil, "\(status)")
        }
        #expect(rules.instants(for: report(.unknown)).escalatesAt == nil)
        #expect(rules.instants(for: report(.dispatched)).escalatesAt != nil)
        // A report of the contract (with its timeline) is not estimated.
        var synced = report(.dispatched)
        synced.timeline = [TimelineEvent(id: "e-1", type: .dispatched, at: ts("2026-11-03T09:00:00+07:00"), unitId: "dki-dpu")]
        #expect(!rules.instants(for: synced).dueEstimated)
    }
}

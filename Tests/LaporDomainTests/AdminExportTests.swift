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
        #expect(AdminExport.Column(header: "Nomor") == nil)
        #expect(AdminExport.Column.allCases.count == 26)
        #expect(AdminExport.isHeader(["tracking id", "tanggal laporan masuk", "judul laporan", "status laporan"]))
        #expect(!AdminExport.isHeader(["tracking id", "x"]) && !AdminExport.isHeader(["Judul Laporan: Rekap"]))
    }

    /// The short headers agencies write (issue 24), a leading `No.` column ignored.
    @Test func shortIndonesianHeadersRead() throws {
        let cells = ["No.", "No. Tracking", "Tanggal Laporan", "Waktu", "Judul", "Isi Laporan", "Status", "Kategori"]
        let header = try #require(AdminExport.header(cells))
        #expect(header.columns == [1: .trackingId, 2: .date, 3: .time, 4: .title, 5: .bodyFinal, 6: .status, 7: .category])
        #expect(header.ignored == ["No."])
        // The export's own name and a short one for the same column: the first wins.
        let twice = try #require(AdminExport.header(["Tracking ID", "Tanggal", "Judul", "Status", "No. Tracking"]))
        #expect(twice.columns[0] == .trackingId && twice.columns[4] == nil && twice.ignored == ["No. Tracking"])
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

    func day(_ text: String, order: AdminExport.DateOrder = .dayFirst, system: AdminExport.DateSystem = .from1900) -> LocalDate? {
        try? AdminExport.when(text, order: order, system: system).get().day
    }

    @Test func datesInEveryShapeTheExportWrites() {
        let expected = LocalDate(year: 2026, month: 1, day: 3)
        for text in ["3 Jan 2026", "03 Jan 2026", "3 Januari 2026", "2026-01-03", "46025", "46025.4375", " 3 jan 2026 ", "46025,4375", "'3 Jan 2026"]
        {
            #expect(day(text) == expected, "\(text)")
        }
        #expect(day("17 Agt 2026") == LocalDate(year: 2026, month: 8, day: 17))
        #expect(day("17 Agu 2026") == LocalDate(year: 2026, month: 8, day: 17))
        #expect(day("5 Mei 2026") == LocalDate(year: 2026, month: 5, day: 5))
        #expect(day("1 Okt 2026") == LocalDate(year: 2026, month: 10, day: 1))
        #expect(day("25 Des 2026") == LocalDate(year: 2026, month: 12, day: 25))
        #expect(day("2025-01-01") == AdminExport.serialDate(45658))
        for bad in ["", "31 Feb 2026", "3 Foo 2026", "kemarin", "3 Jan", "12", "1e308", "nan", "3 Jan 99999", "2026-13-01"] {
            #expect(day(bad) == nil, "\(bad)")
        }
        #expect(AdminExport.when("3 Jan 26") == .failure(.twoDigitYear))
        #expect(AdminExport.when("03/01/26") == .failure(.twoDigitYear))
    }

    /// The shapes Indonesian spreadsheets write (issue 24), each with the instant it means.
    @Test func indonesianDatesAndTimesRead() throws {
        func when(_ text: String) throws -> AdminExport.When { try AdminExport.when(text).get() }
        let dec3 = try #require(LocalDate(year: 2026, month: 12, day: 3))
        let cases: [(String, Int?, Int?)] = [
            ("03/12/2026 14:05", 50_700, nil), ("3/12/2026", nil, nil), ("03-12-2026", nil, nil), ("03.12.2026 14.05", 50_700, nil),
            ("3 Desember 2026 14.05", 50_700, nil), ("Kamis, 3 Desember 2026", nil, nil), ("kamis 3 des. 2026 pukul 14.05 WIT", 50_700, 32_400),
            ("2026-12-03T14:05:00+09:00", 50_700, 32_400), ("2026-12-03 14:05:09", 50_709, nil), ("2026-12-03T07:05:00Z", 25_500, 0),
            ("2026-12-03T14:05:00.250+0700", 50_700, 25_200), ("December 3, 2026", nil, nil), ("3-Des-2026", nil, nil),
            ("Thursday, 3 December 2026 2:05 PM", 50_700, nil), ("Jum'at, 4 Desember 2026", nil, nil),
        ]
        for (text, seconds, offset) in cases {
            let read = try when(text)
            let expectedDay = text.contains("4 Desember") ? dec3.adding(days: 1) : dec3
            #expect(read.day == expectedDay && read.seconds == seconds && read.offset == offset, "\(text): \(read)")
        }
        #expect(AdminExport.when("Senin, 3 Desember 2026") == .failure(.weekdayMismatch(written: .monday, actual: .thursday)))
    }

    /// `03/04/2026` is 3 April unless the file's other dates say month first; a file that writes
    /// both orders has that date refused, with both readings named.
    @Test func theFileDecidesTheOrderOfAllNumberDates() throws {
        #expect(AdminExport.dateOrder(of: ["03/04/2026", "25/12/2026"]) == .dayFirst)
        #expect(AdminExport.dateOrder(of: ["03/04/2026", "04/03/2026"]) == .dayFirst)
        #expect(AdminExport.dateOrder(of: ["03/04/2026", "12/25/2026 9:00 AM"]) == .monthFirst)
        #expect(AdminExport.dateOrder(of: ["25/12/2026", "12/25/2026"]) == .contradictory)
        #expect(day("03/04/2026") == LocalDate(year: 2026, month: 4, day: 3))
        #expect(day("03/04/2026", order: .monthFirst) == LocalDate(year: 2026, month: 3, day: 4))
        #expect(day("25/12/2026", order: .monthFirst) == LocalDate(year: 2026, month: 12, day: 25))
        #expect(day("04/04/2026", order: .contradictory) == LocalDate(year: 2026, month: 4, day: 4))
        let both = try #require(LocalDate(year: 2026, month: 4, day: 3))
        let other = try #require(LocalDate(year: 2026, month: 3, day: 4))
        #expect(AdminExport.when("03/04/2026", order: .contradictory) == .failure(.eitherOrder(dayFirst: both, monthFirst: other)))
    }

    /// The 1904 date system: the same serial is four years and a day later.
    @Test func serialsHonourTheWorkbooksEpoch() {
        #expect(AdminExport.serialDate(46359) == LocalDate(year: 2026, month: 12, day: 3))
        #expect(AdminExport.serialDate(44897, system: .from1904) == LocalDate(year: 2026, month: 12, day: 3))
        #expect(day("44897.5868", system: .from1904) == LocalDate(year: 2026, month: 12, day: 3))
        #expect(AdminExport.serial(LocalDate(year: 2026, month: 12, day: 3)!) == 46359)
    }

    @Test func timesAsTextOrFractions() {
        func seconds(_ text: String) -> Int? { try? AdminExport.clock(text).get().seconds }
        #expect(seconds("08:05") == 8 * 3600 + 5 * 60)
        #expect(seconds("08:05:09") == 8 * 3600 + 5 * 60 + 9)
        #expect(seconds("14.05") == 50_700 && seconds("14.05.00") == 50_700 && seconds("9.30") == 34_200 && seconds("00.25") == 1_500)
        #expect(seconds("0.5") == 43_200 && seconds("0,586805556") == 50_700 && seconds("0.586805556") == 50_700)
        #expect(seconds("46025.75") == 64_800 && seconds("2:05 PM") == 50_700 && seconds("12:00 AM") == 0)
        #expect((try? AdminExport.clock("14:05 WITA").get())?.offset == 28_800)
        #expect(seconds("2026-12-03T14:05:00+09:00") == 50_700)
        #expect(AdminExport.clock("0.25") == .failure(.clockOrFraction))
        for bad in ["", "25:00", "08:61", "8", "pagi", "08:05:99", "14,05", "13:00 PM"] { #expect(seconds(bad) == nil, "\(bad)") }
    }

    /// A date cell's time and the time cell's must agree (midnight in either gives way); an
    /// offset in either is honoured.
    @Test func theInstantOfARow() throws {
        func at(_ date: String, _ time: String, _ zone: IndonesianTimeZone = .wib) throws -> String {
            try AdminExport.instant(date: date, time: time, zone: zone, order: .dayFirst, system: .from1900).get().at.rfc3339
        }
        #expect(try at("3 Des 2026", "14.05") == "2026-12-03T14:05:00+07:00")
        #expect(try at("3 Des 2026", "14:05", .wit) == "2026-12-03T14:05:00+09:00")
        #expect(try at("03/12/2026 14:05", "") == "2026-12-03T14:05:00+07:00")
        #expect(try at("03/12/2026 14:05", "14:05") == "2026-12-03T14:05:00+07:00")
        #expect(try at("03/12/2026 00:00", "14:05") == "2026-12-03T14:05:00+07:00")
        // 14:05 WIT is 12:05 WIB.
        #expect(try at("2026-12-03T14:05:00+09:00", "") == "2026-12-03T12:05:00+07:00")
        #expect(try at("3 Des 2026", "14:05 WIT", .wita) == "2026-12-03T13:05:00+08:00")
        let disagree = AdminExport.instant(date: "03/12/2026 10:00", time: "14:05", zone: .wib, order: .dayFirst, system: .from1900)
        #expect(throws: AdminExport.WhenProblem.timesDisagree(dateCell: 36_000, timeCell: 50_700)) { try disagree.get() }
        let unread = try AdminExport.instant(date: "3 Des 2026", time: "pagi", zone: .wib, order: .dayFirst, system: .from1900).get()
        #expect(unread.timeUnread && !unread.timeKnown && unread.at.rfc3339 == "2026-12-03T00:00:00+07:00")
    }

    /// Decimal commas, Excel's text mark, numbers written by a spreadsheet.
    @Test func numbersAndTrackingIdsAsSpreadsheetsWriteThem() {
        #expect(AdminExport.number("4,0") == 4 && AdminExport.number("0,5") == 0.5 && AdminExport.number("'12") == 12)
        #expect(AdminExport.number("1.234,5") == nil && AdminExport.number("1,234.5") == nil && AdminExport.number("abc") == nil)
        #expect(AdminExport.wholeNumber("4,0") == 4 && AdminExport.wholeNumber("4,5") == nil)
        #expect(AdminExport.trackingId("'9108001") == "9108001" && AdminExport.trackingId("9108001.0") == "9108001")
        #expect(AdminExport.trackingId("9.108001E+06") == "9108001" && AdminExport.trackingId("9108001,0") == "9108001")
        #expect(AdminExport.trackingId("91-08001") == nil && AdminExport.trackingId("123") == nil && AdminExport.trackingId("9108001.5") == nil)
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

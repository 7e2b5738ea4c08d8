import Foundation
import LaporCLI
import Testing

@Suite struct CalendarCommandTests {
    @Test func duePrintsTheDeadlineAsRFC3339() async {
        let r = await lapor("calendar", "due", "--from", "2026-03-17T10:00:00+07:00", "--working-days", "3")
        #expect(r == (0, "2026-03-27T23:59:59+07:00", ""))
        let worked = await lapor("calendar", "due", "--from", "2026-03-17T10:00:00+07:00", "--working-days", "3", "--cuti-bersama", "work")
        #expect(worked.out == "2026-03-23T23:59:59+07:00")
        let date = await lapor("calendar", "due", "--from", "2025-03-27", "--working-days", "5", "--timezone", "WITA")
        #expect(date.out == "2025-04-14T23:59:59+08:00")
    }

    @Test func aMissingYearWarnsOrRefusesWithStrict() async {
        let warned = await lapor("calendar", "due", "--from", "2027-12-20", "--working-days", "10")
        #expect(warned.code == 0)
        #expect(warned.out == "2028-01-04T23:59:59+07:00")
        #expect(warned.err.contains("tidak ada data hari libur untuk tahun 2028"))
        let strict = await lapor("calendar", "due", "--from", "2027-12-20", "--working-days", "10", "--strict")
        #expect(strict.code == 2 && strict.out.isEmpty)
        #expect(strict.err == "Tidak ada data hari libur untuk tahun 2028; tenggat tidak dapat dihitung dengan pasti (--strict).")
        let english = await lapor("calendar", "due", "--from", "2027-12-20", "--working-days", "10", "--strict", "--lang", "en")
        #expect(english.err == "No holiday data for 2028; the deadline cannot be computed exactly (--strict).")
    }

    @Test(arguments: [
        (["--from", "kemarin", "--working-days", "3"], "Waktu 'kemarin' tidak dikenali"),
        (["--from", "2026-02-30", "--working-days", "3"], "Waktu '2026-02-30' tidak dikenali"),
        (["--from", "2026-03-17", "--working-days", "0"], "Jumlah hari kerja harus 1 sampai 260, bukan 0."),
        (["--from", "2026-03-17", "--working-days", "261"], "Jumlah hari kerja harus 1 sampai 260, bukan 261."),
        (["--from", "2026-03-17", "--working-days", "3", "--timezone", "Europe/Paris"], "Zona waktu 'Europe/Paris' tidak dikenal"),
        (["--from", "2026-03-17", "--working-days", "3", "--cuti-bersama", "maybe"], "Nilai --cuti-bersama 'maybe' tidak dikenal"),
        (["--from", "1999-12-31", "--working-days", "3"], "di luar rentang kalender"),
        (["--from", "2026-03-17", "--working-days", "tiga"], "invalid for '--working-days"),
        (["--working-days", "3"], "Missing expected argument '--from"),
        (["--from", "2026-03-17", "--working-days", "3", "--lang", "fr"], "Unknown language 'fr'"),
    ])
    func badInputExitsTwoWithOneClearSentence(arguments: [String], message: String) async {
        let captured = Captured()
        let code = await LaporCommand.run(arguments: ["calendar", "due"] + arguments, output: captured.output, environment: [:])
        #expect(code == 2)
        #expect(captured.stdout.isEmpty)
        #expect(captured.stderr.contains(message), "stderr: \(captured.stderr)")
        #expect(!captured.stderr.contains("Fatal error") && !captured.stderr.contains("Stack"))
    }

    @Test func explainListsEveryDayInIndonesianOrEnglish() async {
        let r = await lapor("calendar", "explain", "--from", "2026-03-17T10:00:00+07:00", "--working-days", "3")
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tenggat 3 hari kerja sejak Selasa, 17 Maret 2026 (WIB): Jumat, 27 Maret 2026 23:59:59 WIB")
        #expect(lines.contains("  Kam 19 Mar 2026  dilewati — Libur nasional: Hari Suci Nyepi"))
        #expect(lines.contains("  Sab 21 Mar 2026  dilewati — Sabtu; Libur nasional: Hari Raya Idul Fitri"))
        #expect(lines.contains("  Sen 23 Mar 2026  dilewati — Cuti bersama: Cuti Bersama Hari Raya Idul Fitri"))
        #expect(lines.last == "  Jum 27 Mar 2026  hari kerja ke-3  ← tenggat 23:59:59 WIB")
        let en = await lapor("calendar", "explain", "--from", "2026-03-17", "--working-days", "3", environment: ["LANG": "en_US.UTF-8"])
        #expect(en.out.contains("  Thu 19 Mar 2026  skipped — National holiday: Hari Suci Nyepi"))
        #expect(en.out.contains("working day 3  ← deadline 23:59:59 WIB"))
    }

    @Test func listPrintsADecreeOrSaysWhichYearsExist() async {
        let r = await lapor("calendar", "list", "--year", "2026")
        #expect(r.code == 0)
        #expect(r.out.contains("  2026-03-19  Kam  Libur nasional    Hari Suci Nyepi"))
        #expect(r.out.contains("  2026-12-24  Kam  Cuti bersama      Cuti Bersama Hari Raya Natal"))
        #expect(r.out.hasSuffix("17 libur nasional, 8 cuti bersama"))
        let provisional = await lapor("calendar", "list", "--year", "2027")
        #expect(provisional.out.hasPrefix("Hari libur nasional dan cuti bersama 2027 (SEMENTARA"))
        let missing = await lapor("calendar", "list", "--year", "2031")
        #expect(missing == (2, "", "Tidak ada data hari libur untuk tahun 2031 (tersedia: 2024–2027)."))
    }
}

import Foundation
import Testing

@testable import LaporDomain

/// The privacy guard's detection (issue 16), on a corpus of texts as officers write them: every
/// phone number, NIK and e-mail found (none missed), and the numbers that only look like them
/// (dates, amounts, tracking ids, RT/RW, street numbers, times) not taken for one.
@Suite struct PersonalDataTests {
    /// Text and what must be found in it, as `kind:text`.
    static let corpus: [(String, [String])] = [
        ("Hubungi saya di 081234567890 kapan saja.", ["phone:081234567890"]),
        ("WA: 0812-3456-7890", ["phone:0812-3456-7890"]),
        ("telp 0812 3456 7890 ya pak", ["phone:0812 3456 7890"]),
        ("nomor +62 812 3456 7890.", ["phone:+62 812 3456 7890"]),
        ("+62-812-3456-789", ["phone:+62-812-3456-789"]),
        ("6281234567890 adalah nomor saya", ["phone:6281234567890"]),
        ("kantor (021) 555-1234 atau 021-5551234", ["phone:(021) 555-1234", "phone:021-5551234"]),
        ("+62 21 5551234", ["phone:+62 21 5551234"]),
        ("0811.234.5678", ["phone:0811.234.5678"]),
        ("hp:085712345678/WA", ["phone:085712345678"]),
        ("NIK saya 3171014501900003 mohon dicek", ["nik:3171014501900003"]),
        ("NIK: 3273012010850001.", ["nik:3273012010850001"]),
        ("email budi.santoso@gmail.com", ["email:budi.santoso@gmail.com"]),
        ("Kirim ke siti_aminah+lapor@yahoo.co.id.", ["email:siti_aminah+lapor@yahoo.co.id"]),
        ("BUDI@EXAMPLE.ORG dan 0813-9999-0000", ["email:BUDI@EXAMPLE.ORG", "phone:0813-9999-0000"]),
    ]

    /// Numbers that are not personal data.
    static let lookalikes = [
        "Laporan 4100002 sudah ditindaklanjuti, lihat juga 41000021.",
        "Tracking ID 12345678 dan 9165816",
        "Tanggal 26-11-2026, 26/11/2026, 2026-11-26, 26.11.2026",
        "Biaya Rp 1.500.000 atau Rp1.250.000,00; anggaran 250000000",
        "RT 05/RW 03, RT 005 RW 003, RT05/RW03",
        "Jl. Sudirman No. 12, No 123A, Blok C-12, Kav. 52-53",
        "jam 08.30 WIB sampai pukul 14:00, 0,5 km, km 21,5",
        "NPWP 01.234.567.8-901.000",
        "nomor surat 045/123/2026, kode pos 12950, tahun 2025",
        "ukuran 2 x 3 meter, 16 digit 1234567890123456",
        "surel budi@localhost dan akun @lapor1708",
        "tanggal 0812 (bukan nomor)",
    ]

    static func found(_ text: String, reporter: Report.Reporter? = nil) -> [String] {
        PersonalData.find(in: text, reporter: reporter).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test func everyPhoneNIKAndEmailOfTheCorpusIsFound() {
        var missed: [String] = []
        var extra: [String] = []
        for (text, expected) in Self.corpus {
            let got = Self.found(text)
            missed += expected.filter { !got.contains($0) }.map { "\(text) → \($0)" }
            extra += got.filter { !expected.contains($0) }.map { "\(text) → \($0)" }
        }
        #expect(missed.isEmpty, "missed: \(missed)")
        #expect(extra.isEmpty, "false positives: \(extra)")
    }

    @Test func lookalikesAreNotTakenForPersonalData() {
        let falsePositives = Self.lookalikes.flatMap { text in Self.found(text).map { "\(text) → \($0)" } }
        #expect(falsePositives.isEmpty, "false positives: \(falsePositives)")
    }

    @Test func theReportersOwnNameAndContact() {
        let reporter = Report.Reporter(name: "Budi Santoso", contact: "0812-1111-2222")
        #expect(Self.found("Terima kasih Pak BUDI SANTOSO atas laporannya.", reporter: reporter) == ["reporter_name:BUDI SANTOSO"])
        #expect(Self.found("Kami sudah menghubungi 6281211112222.", reporter: reporter) == ["reporter_contact:6281211112222"])
        #expect(Self.found("Budi Santosoputra bukan pelapor.", reporter: reporter).isEmpty, "a longer word is another name")
        let email = Report.Reporter(name: "Ni Luh Putu", contact: "Putu@Mail.com")
        #expect(
            Self.found("Balasan untuk Ni Luh Putu via putu@mail.com", reporter: email) == [
                "reporter_name:Ni Luh Putu", "reporter_contact:putu@mail.com",
            ])
        #expect(Self.found("ni lúh putu", reporter: email) == ["reporter_name:ni lúh putu"], "diacritics ignored")
    }

    /// The rule: only a report that hides its reporter asks; a public one never does.
    @Test func onlyAnAnonimOrRahasiaReportsTextIsGuarded() {
        var report = Report(
            id: "9100001", kind: .pengaduan, channel: .web, title: "t", body: "b", privacy: .anonim, reporter: .init(name: "Budi"),
            submittedAt: ts("2026-11-02T10:00:00+07:00"))
        #expect(PersonalData.inOutgoingText("Hubungi 081234567890", of: report).map(\.kind) == [.phone])
        report.privacy = .public
        #expect(PersonalData.inOutgoingText("Hubungi 081234567890", of: report).isEmpty)
    }

    /// Never a trap: every prefix of texts around the edges.
    @Test func anyTextIsScannedWithoutATrap() {
        let texts = [
            "+", "+6", "(", "(0", "@", "a@", "@b.c", "08", "0812-", "0812--3456", "((021))", "🇮🇩0812345678901😀", String(repeating: "9", count: 400),
        ]
        for text in texts {
            for n in 0...text.count { _ = PersonalData.find(in: String(text.prefix(n)), reporter: .init(name: "ab", contact: "")) }
        }
    }
}

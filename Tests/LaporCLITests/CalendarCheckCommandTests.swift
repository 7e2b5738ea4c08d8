import Foundation
import LaporCLI
import Testing

/// `lapor calendar check` and `lapor central --holidays/--policy`: decrees and policy are data,
/// checked with one sentence per problem before a central uses them.
@Suite struct DecreeCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/holidays")

    @Test func theShippedDecreesPassAndABadOneIsNamedLineByLine() async throws {
        let good = await lapor("calendar", "check", Self.fixtures.path)
        #expect(good.code == 0, "\(good.err)")
        #expect(good.out.contains("2026: ") && good.out.contains("2027: ") && good.out.contains("(perkiraan)"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-decree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("2028.json")
        try Data(
            #"{"year": 2027, "holidays": [{"date": "2027-13-01", "name": "x", "kind": "libur_nasional"}, {"date": "2027-05-01", "name": "Hari Buruh", "kind": "libur_daerah"}]}"#
                .utf8
        ).write(to: bad)
        let checked = await lapor("calendar", "check", bad.path)
        #expect(checked.code == 2)
        #expect(checked.err.contains("nama berkas menyebut 2028 tetapi isinya tahun 2027"), "\(checked.err)")
        #expect(checked.err.contains("2027-13-01 bukan tanggal YYYY-MM-DD"))
        #expect(checked.err.contains("jenis libur_daerah bukan libur_nasional atau cuti_bersama"))
        // The central refuses to start on it, and on a policy that makes no sense.
        let central = await lapor("central", "--holidays", folder.path, "--port", "0", "--db", folder.appendingPathComponent("c.sqlite").path)
        #expect(central.code == 2 && central.err.contains("lapor calendar check"), "\(central.err)")
        let policy = folder.appendingPathComponent("policy.json")
        try Data(#"{"followup_working_days": 0, "followup_working_days_by_kind": {"keluhan": 4}}"#.utf8).write(to: policy)
        let refused = await lapor("central", "--policy", policy.path, "--port", "0", "--db", folder.appendingPathComponent("c.sqlite").path)
        #expect(
            refused.code == 2 && refused.err.contains("followup_working_days is 0") && refused.err.contains("unknown kind keluhan"), "\(refused.err)")
    }
}

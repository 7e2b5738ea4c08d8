import Foundation
import LaporCentral
import LaporDomain
import LaporTestSupport
import Testing

@Suite struct DemoSeedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func compiledInReferenceDataIsTheFixtureFiles() throws {
        let units = try JSONDecoder().decode(
            [String: [LaporDomain.Unit]].self, from: Data(contentsOf: Self.root.appendingPathComponent("fixtures/units.json")))
        #expect(units["units"] == BuiltinFixtures.units, "the compiled-in units are the file's")
        let categories = try JSONDecoder().decode(
            [String: [LaporDomain.Category]].self, from: Data(contentsOf: Self.root.appendingPathComponent("fixtures/categories.json")))
        #expect(categories["categories"] == BuiltinFixtures.categories)
        let tree = try UnitTree(BuiltinFixtures.units)
        #expect(Set(tree.units.map(\.zone)) == [.wib, .wita, .wit])
        for id in [
            "dki-dpu-jp", "kemenkumham-lapas-tjp", "bpn-kab-tangerang", "kejari-lamteng", "bengkulu-diskominfotik", "bpom", "bpjs-kes", "kemenkes",
        ] {
            #expect(tree.contains(id), "\(id)")
        }
    }

    /// Seeds a store and reads every report back.
    func seeded(_ count: Int, seed: UInt64, now: Timestamp) async throws -> ([Report], [DemoToken]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CentralStore(path: folder.appendingPathComponent("c.sqlite").path)
        let tokensFile = folder.appendingPathComponent("tokens.json").path
        try await DemoSeed(reports: count, seed: seed).seed(store, tokensFile: tokensFile, now: now)
        let attributes = try FileManager.default.attributesOfItem(atPath: tokensFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let tokens = try JSONDecoder().decode([DemoToken].self, from: Data(contentsOf: URL(fileURLWithPath: tokensFile)))
        return (try store.allReports(), tokens)
    }

    @Test func theSeedIsDeterministicRealisticAndHostileWhereItShouldBe() async throws {
        let now = Timestamp(rfc3339: "2026-11-09T10:00:00+07:00")!
        let (a, tokens) = try await seeded(2_000, seed: 42, now: now)
        let (b, _) = try await seeded(2_000, seed: 42, now: now)
        let (c, _) = try await seeded(2_000, seed: 43, now: now)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 2_000)
        #expect(Set(a.map(\.status)) == Set(ReportStatus.contractCases))
        #expect(Set(a.map(\.kind)) == Set(ReportKind.allCases))
        #expect(Set(a.map(\.channel)) == Set(Channel.allCases))
        #expect(Set(a.map(\.privacy)) == Set(Privacy.allCases))
        #expect(a.allSatisfy { Report.isValidTrackingID($0.id) && $0.updatedAt <= now })
        // Deadlines from overdue to fresh, and some past the 60-day escalation.
        let open = a.compactMap(\.dueAt)
        #expect(open.contains { $0 < now } && open.contains { $0 > now })
        let units = try UnitTree(BuiltinFixtures.units)
        let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: units)
        #expect(a.contains { rules.instants(for: $0).isEscalated(at: now) })
        // Every report carries the instants the rules decide (v1.1 item 6).
        for report in a.prefix(200) {
            let decided = rules.instants(for: report)
            #expect(report.escalatesAt == decided.escalatesAt && report.escalationWarningAt == decided.escalationWarningAt)
            #expect(report.dueProvisional == decided.dueProvisional)
        }
        // Every stored deadline is the one the rules give.
        for report in a where !report.status.isFinal { #expect(report.dueAt == rules.due(for: report)?.at, "\(report.id)") }
        // No report still waits on a system clock that has run out.
        #expect(!a.contains { [.followedUp, .held, .infoRequested].contains($0.status) && $0.dueAt! < now })
        // Emoji, wide characters and hostile control sequences are in there.
        #expect(a.contains { $0.body.contains("🚧") || $0.body.contains("😡") || $0.body.contains("🙏") })
        #expect(a.contains { $0.reporter?.name.contains("陈美玲") == true })
        #expect(a.contains { $0.body.contains("\u{1B}]0;") } && a.contains { $0.body.contains("\u{9B}") })
        #expect(a.contains { $0.body.count > 4_000 })
        // Users: a national admin, an admin and a supervisor per instansi, a liaison per unit.
        #expect(tokens.filter { $0.role == .admin && $0.unitId == nil }.count == 1)
        #expect(tokens.filter { $0.role == .admin }.count == units.roots.count + 1)
        #expect(tokens.filter { $0.role == .supervisor }.count == units.roots.count)
        #expect(tokens.filter { $0.role == .liaison }.count == units.units.count)
        #expect(Set(tokens.map(\.token)).count == tokens.count)
    }
}

import Foundation
import GRDB
import LaporDomain

/// One line of `tokens.json`.
public struct DemoToken: Codable, Sendable {
    public var userId: String
    public var name: String
    public var role: Role
    public var unitId: String?
    public var token: String

    enum CodingKeys: String, CodingKey {
        case userId = "user_id"
        case name, role, token
        case unitId = "unit_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(userId, forKey: .userId)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(token, forKey: .token)
    }
}

/// The demo data: the fixture units and categories, a national admin, an admin and a supervisor
/// per instansi, a liaison per unit, and `reports` reports that lived through the real workflow.
public struct DemoSeed: Sendable {
    public var reports: Int
    public var seed: UInt64
    public var policy: SlaPolicy
    /// The decrees the seeded reports are counted with: the server's (`--holidays`).
    public var holidayYears: [HolidayYear]

    public init(reports: Int, seed: UInt64, policy: SlaPolicy = .standard, holidayYears: [HolidayYear] = WorkingCalendar.builtinYears) {
        self.reports = reports
        self.seed = seed
        self.policy = policy
        self.holidayYears = holidayYears
    }

    /// The users of the demo, by the units.
    public static func users(units: UnitTree) -> [User] {
        let names = [
            "Siti Rahma", "Budi Hartono", "Ni Luh Sari", "Yosef Mambor", "Andi Makkasau", "Dewi Kartika", "Hendra Gunawan",
            "Rosa Indah", "Fajar Nugroho", "Linda Sihombing", "Irfan Hakim", "Wayan Sudarma",
        ]
        var users = [User(id: "u-admin", name: "Admin Nasional LAPOR!", role: .admin, unitId: nil)]
        var i = 0
        func name() -> String {
            defer { i += 1 }
            return names[i % names.count]
        }
        for root in units.roots {
            users.append(User(id: "u-admin-\(root.id)", name: "\(name()) (Admin \(root.name))", role: .admin, unitId: root.id))
            users.append(User(id: "u-supervisor-\(root.id)", name: "\(name()) (Supervisor)", role: .supervisor, unitId: root.id))
        }
        for unit in units.units {
            users.append(User(id: "u-liaison-\(unit.id)", name: name(), role: .liaison, unitId: unit.id))
        }
        return users
    }

    /// Seeds an empty store and writes `tokens.json` (mode 0600) beside it.
    public func seed(_ store: CentralStore, tokensFile: String, now: Timestamp) async throws {
        let tree = try UnitTree(BuiltinFixtures.units)
        try store.saveReference(units: BuiltinFixtures.units, categories: BuiltinFixtures.categories)
        var tokens: [DemoToken] = []
        for user in Self.users(units: tree) {
            let token = TokenHash.newToken()
            try store.addUser(user, tokenHash: TokenHash.of(token))
            tokens.append(DemoToken(userId: user.id, name: user.name, role: user.role, unitId: user.unitId, token: token))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard FileManager.default.createFile(atPath: tokensFile, contents: try encoder.encode(tokens), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: tokensFile]) }
        let workflow = Workflow(
            units: tree, policy: policy, calendar: WorkingCalendar(years: holidayYears), categories: CategoryTree(BuiltinFixtures.categories))
        try await insertReports(store, workflow: workflow, now: now)
    }

    /// Generates and writes the reports in one transaction, streaming (never all in memory).
    func insertReports(_ store: CentralStore, workflow: Workflow, now: Timestamp) async throws {
        let count = reports
        let seed = seed
        try await store.writer.write { db in
            var factory = DemoReportFactory(workflow: workflow, now: now, seed: seed, count: count)
            var last = 9_099_999
            for i in 0..<count {
                let report = factory.make(index: i)
                try CentralStore.save(report, previous: nil, at: report.updatedAt, in: db)
                last = Int(report.id) ?? last
            }
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('last_tracking_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(last)])
        }
    }
}

/// Lives reports through the workflow: a submission somewhere in the last 40 working days
/// (a few older, past the escalation limit), then the admins' and units' actions at plausible
/// intervals, stopping at `now`; the system clock closes or archives what it would have.
struct DemoReportFactory {
    let workflow: Workflow
    let now: Timestamp
    let count: Int
    var rng: SeedRandom
    let nationalAdmin = User(id: "u-admin", name: "Admin Nasional LAPOR!", role: .admin, unitId: nil)
    let span: Int64

    init(workflow: Workflow, now: Timestamp, seed: UInt64, count: Int) {
        self.workflow = workflow
        self.now = now
        self.count = count
        self.rng = SeedRandom(seed: seed)
        // 40 working days back is about 56 calendar days.
        self.span = 56 * 86_400
    }

    enum Plan: CaseIterable {
        case submitted, held, verified, dispatched, forwarded, returned, infoRequested, followedUp, replied, closedByAdmin, rated, archivedByAdmin
    }

    static let planWeights = [12, 5, 6, 20, 5, 2, 6, 14, 6, 10, 4, 10]

    mutating func make(index: Int) -> Report {
        let id = String(9_100_000 + index)
        let template = ReportTemplates.all[rng.weighted(ReportTemplates.all.map(\.weight))]
        let plantedMember = PlantedDuplicates.member(at: index)
        let planted = plantedMember.map { PlantedDuplicates.content(group: $0.group, member: $0.member) }
        let unit = planted?.unit ?? rng.pick(template.units)
        let agency = workflow.units.agency(of: unit)?.id ?? unit
        // invariant: a constant table with a "default" entry
        let place = rng.pick(ReportTemplates.places[agency] ?? ReportTemplates.places["default"]!)
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{lokasi}", with: place).replacingOccurrences(of: "{waktu}", with: rng.pick(ReportTemplates.waktu))
                .replacingOccurrences(of: "{lama}", with: rng.pick(ReportTemplates.lama))
        }
        // Submissions in order over the span (a few much older), so ids grow with time.
        let older = index % 20 == 7
        let fraction = Double(index) / Double(max(count, 1))
        let back = older ? span + Int64(Double(25 * 86_400) * fraction) : Int64(Double(span) * (1 - fraction))
        var t = now.adding(seconds: -back - Int64.random(in: 0..<3600, using: &rng))
        let hostile = index % 97 == 13 && planted == nil
        let privacy: Privacy = [.public, .public, .public, .public, .public, .public, .public, .anonim, .anonim, .rahasia][index % 10]
        let channel = rng.pick(Channel.allCases)
        var report = Report(
            id: id, version: 1, kind: planted?.kind ?? template.kind, channel: planted?.channel ?? channel,
            title: hostile ? "Uji teks berbahaya \u{1B}[5mKEDIP\u{1B}[0m" : planted?.title ?? fill(rng.pick(template.titles)),
            body: hostile
                ? ReportTemplates.hostileBodies[index % ReportTemplates.hostileBodies.count] : planted?.body ?? fill(rng.pick(template.bodies)),
            categoryId: planted?.categoryId ?? template.categoryId, location: .init(text: planted?.place ?? place), privacy: privacy,
            reporter: planted?.reporter
                ?? .init(name: rng.pick(ReportTemplates.reporters), contact: "08\(Int.random(in: 1_100_000_000...1_399_999_999, using: &rng))"),
            status: .submitted, unitId: rng.chance(0.3) ? agency : nil, submittedAt: t,
            timeline: [TimelineEvent(id: "e-\(id)-1", type: .submitted, at: t)])
        if rng.chance(0.25) {
            report.attachments = [
                .init(id: "a-\(id)-1", name: "foto-\(id).jpg", mime: "image/jpeg", size: Int.random(in: 40_000...2_500_000, using: &rng))
            ]
        }
        report = workflow.decided(report)

        let liaison = User(id: "u-liaison-\(unit)", name: "Petugas", role: .liaison, unitId: unit)
        var plan = Plan.allCases[rng.weighted(Self.planWeights)]
        // A planted duplicate or look-alike waits in the verification queue.
        if let plantedMember, plantedMember.member != .original { plan = .submitted }
        var steps: [(User, ActionRequest)] = []
        func action(_ type: ActionType, by user: User, _ edit: (inout ActionRequest) -> Void = { _ in }) {
            var request = ActionRequest(id: "seed-\(id)-\(steps.count)", reportId: id, type: type)
            edit(&request)
            steps.append((user, request))
        }
        // A forwarded report goes first to the parent unit, whose liaison forwards it down.
        let parent = workflow.units[unit]?.parentId
        let dispatchTarget = plan == .forwarded ? (parent ?? unit) : unit
        let forwardTarget: String? = plan == .forwarded && parent != nil ? unit : nil
        switch plan {
        case .submitted: break
        case .held: action(.hold, by: nationalAdmin) { $0.text = rng.pick(ReportTemplates.holdReasons) }
        case .archivedByAdmin:
            let reason = rng.pick([ArchiveReason.incomplete, .notPublicService, .hoax, .spam, .abusive, .duplicate])
            action(.archive, by: nationalAdmin) {
                $0.reason = reason
                if reason == .duplicate { $0.duplicateOf = String(9_100_000 + max(0, index - 1 - Int.random(in: 0...5, using: &rng))) }
            }
        default:
            action(.verify, by: nationalAdmin)
        }
        if plan == .verified || plan == .submitted || plan == .held || plan == .archivedByAdmin {
            // intake only
        } else {
            action(.dispatch, by: nationalAdmin) { $0.unitId = dispatchTarget }
            let handler = User(id: "u-liaison-\(dispatchTarget)", name: "Petugas", role: .liaison, unitId: dispatchTarget)
            if plan == .forwarded, let forwardTarget { action(.forward, by: handler) { $0.unitId = forwardTarget } }
            let officer = forwardTarget != nil || dispatchTarget == unit ? liaison : handler
            switch plan {
            case .returned: action(.return, by: officer) { $0.text = ReportTemplates.returnReasons[0] }
            case .infoRequested: action(.requestInfo, by: officer) { $0.text = rng.pick(ReportTemplates.infoRequests) }
            case .followedUp, .replied, .closedByAdmin, .rated:
                action(.followup, by: officer) { $0.text = rng.pick(template.followups) }
                if plan == .closedByAdmin { action(.close, by: nationalAdmin) }
            default: break
            }
        }
        for (user, request) in steps {
            t = t.adding(seconds: Int64.random(in: 3600...(2 * 86_400), using: &rng))
            guard t < now, case .success(let next) = workflow.apply(request, by: user, to: report, at: t) else { break }
            report = next
        }
        if plan == .replied || plan == .rated, report.status == .followedUp {
            t = t.adding(seconds: Int64.random(in: 3600...(3 * 86_400), using: &rng))
            if t < now,
                let next = workflow.reporterReply(
                    to: report, text: plan == .replied ? rng.pick(ReportTemplates.replies) : nil,
                    rating: plan == .rated ? Int.random(in: 1...5, using: &rng) : nil, at: t)
            {
                report = next
            }
        }
        // What the system clock would have done by now.
        if let due = report.dueAt, due < now, let next = workflow.systemTransition(of: report, at: due.adding(seconds: 61)) {
            report = next
        }
        return report
    }
}

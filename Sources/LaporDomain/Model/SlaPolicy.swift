/// The service-level rules (contract: `GET /policy`, with v1.1 items 6 and 8).
public struct SlaPolicy: Codable, Hashable, Sendable {
    /// An admin verifies a submitted report within this many working days.
    public var verifyWorkingDays: Int
    /// The unit posts a follow-up within this many working days of dispatch or of a reply.
    public var followupWorkingDays: Int
    /// A followed-up report with no reply is closed by the system after this many.
    public var autocloseWorkingDays: Int
    /// A held report or an information request with no answer is archived after this many.
    public var infoWaitWorkingDays: Int
    /// Whether cuti bersama days are skipped like national holidays.
    public var skipCutiBersama: Bool
    /// An unfinished report older than this many calendar days is escalated.
    public var escalationCalendarDays: Int
    /// Every role is warned this many calendar days before a report escalates (v1.1 item 6).
    public var escalationWarningDays: Int
    /// A deadline is "due soon" from this many working days before it (the amber band of every
    /// surface: lists, the countdown, the supervisor's table, the status bar).
    public var dueSoonWorkingDays: Int
    /// A follow-up period per report kind (`permintaan_informasi` may get its own); kinds not
    /// named use `followupWorkingDays` (v1.1 item 8).
    public var followupWorkingDaysByKind: [String: Int]

    public init(
        verifyWorkingDays: Int = 3, followupWorkingDays: Int = 5, autocloseWorkingDays: Int = 10,
        infoWaitWorkingDays: Int = 10, skipCutiBersama: Bool = true, escalationCalendarDays: Int = 60,
        escalationWarningDays: Int = 10, dueSoonWorkingDays: Int = 2, followupWorkingDaysByKind: [String: Int] = [:]
    ) {
        self.verifyWorkingDays = verifyWorkingDays
        self.followupWorkingDays = followupWorkingDays
        self.autocloseWorkingDays = autocloseWorkingDays
        self.infoWaitWorkingDays = infoWaitWorkingDays
        self.skipCutiBersama = skipCutiBersama
        self.escalationCalendarDays = escalationCalendarDays
        self.escalationWarningDays = escalationWarningDays
        self.dueSoonWorkingDays = dueSoonWorkingDays
        self.followupWorkingDaysByKind = followupWorkingDaysByKind
    }

    /// The LAPOR! published procedure: 3 / 5 / 10 working days, 60 calendar days to escalation,
    /// a warning 10 days before it, "due soon" 2 working days before a deadline.
    public static let standard = SlaPolicy()

    /// The follow-up period of a report kind.
    public func followupWorkingDays(for kind: ReportKind) -> Int {
        followupWorkingDaysByKind[kind.rawValue] ?? followupWorkingDays
    }

    /// What is wrong with the policy, one sentence each (English; for `lapor central --policy`).
    public var problems: [String] {
        var out: [String] = []
        let days: [(String, Int, ClosedRange<Int>)] = [
            ("verify_working_days", verifyWorkingDays, 1...60), ("followup_working_days", followupWorkingDays, 1...60),
            ("autoclose_working_days", autocloseWorkingDays, 1...60), ("info_wait_working_days", infoWaitWorkingDays, 1...60),
            ("escalation_calendar_days", escalationCalendarDays, 1...365),
            ("escalation_warning_days", escalationWarningDays, 0...escalationCalendarDays),
            ("due_soon_working_days", dueSoonWorkingDays, 0...20),
        ]
        for (name, value, range) in days where !range.contains(value) {
            out.append("\(name) is \(value); it must be \(range.lowerBound) to \(range.upperBound)")
        }
        for (kind, value) in followupWorkingDaysByKind.sorted(by: { $0.key < $1.key }) {
            if ReportKind(rawValue: kind) == nil { out.append("followup_working_days_by_kind names an unknown kind \(kind)") }
            if !(1...60).contains(value) { out.append("followup_working_days_by_kind.\(kind) is \(value); it must be 1 to 60") }
        }
        return out
    }

    enum CodingKeys: String, CodingKey {
        case verifyWorkingDays = "verify_working_days"
        case followupWorkingDays = "followup_working_days"
        case autocloseWorkingDays = "autoclose_working_days"
        case infoWaitWorkingDays = "info_wait_working_days"
        case skipCutiBersama = "skip_cuti_bersama"
        case escalationCalendarDays = "escalation_calendar_days"
        case escalationWarningDays = "escalation_warning_days"
        case dueSoonWorkingDays = "due_soon_working_days"
        case followupWorkingDaysByKind = "followup_working_days_by_kind"
    }

    /// Fields a v1.0 server does not send take their standard values.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let standard = SlaPolicy()
        verifyWorkingDays = try c.decodeIfPresent(Int.self, forKey: .verifyWorkingDays) ?? standard.verifyWorkingDays
        followupWorkingDays = try c.decodeIfPresent(Int.self, forKey: .followupWorkingDays) ?? standard.followupWorkingDays
        autocloseWorkingDays = try c.decodeIfPresent(Int.self, forKey: .autocloseWorkingDays) ?? standard.autocloseWorkingDays
        infoWaitWorkingDays = try c.decodeIfPresent(Int.self, forKey: .infoWaitWorkingDays) ?? standard.infoWaitWorkingDays
        skipCutiBersama = try c.decodeIfPresent(Bool.self, forKey: .skipCutiBersama) ?? standard.skipCutiBersama
        escalationCalendarDays = try c.decodeIfPresent(Int.self, forKey: .escalationCalendarDays) ?? standard.escalationCalendarDays
        escalationWarningDays = try c.decodeIfPresent(Int.self, forKey: .escalationWarningDays) ?? standard.escalationWarningDays
        dueSoonWorkingDays = try c.decodeIfPresent(Int.self, forKey: .dueSoonWorkingDays) ?? standard.dueSoonWorkingDays
        followupWorkingDaysByKind = try c.decodeIfPresent([String: Int].self, forKey: .followupWorkingDaysByKind) ?? [:]
    }
}

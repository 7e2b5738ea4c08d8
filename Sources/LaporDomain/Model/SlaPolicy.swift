/// The service-level rules (contract: `GET /policy`).
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

    public init(
        verifyWorkingDays: Int = 3, followupWorkingDays: Int = 5, autocloseWorkingDays: Int = 10,
        infoWaitWorkingDays: Int = 10, skipCutiBersama: Bool = true, escalationCalendarDays: Int = 60
    ) {
        self.verifyWorkingDays = verifyWorkingDays
        self.followupWorkingDays = followupWorkingDays
        self.autocloseWorkingDays = autocloseWorkingDays
        self.infoWaitWorkingDays = infoWaitWorkingDays
        self.skipCutiBersama = skipCutiBersama
        self.escalationCalendarDays = escalationCalendarDays
    }

    /// The LAPOR! published procedure: 3 / 5 / 10 working days, 60 calendar days to escalation.
    public static let standard = SlaPolicy()

    enum CodingKeys: String, CodingKey {
        case verifyWorkingDays = "verify_working_days"
        case followupWorkingDays = "followup_working_days"
        case autocloseWorkingDays = "autoclose_working_days"
        case infoWaitWorkingDays = "info_wait_working_days"
        case skipCutiBersama = "skip_cuti_bersama"
        case escalationCalendarDays = "escalation_calendar_days"
    }
}

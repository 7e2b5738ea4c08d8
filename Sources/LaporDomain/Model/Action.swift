/// What a user asks the central endpoint to do to a report (contract: `POST /actions`).
public enum ActionType: String, Codable, CaseIterable, Sendable {
    case verify, hold, archive, dispatch, forward
    case `return`
    case followup
    case requestInfo = "request_info"
    case close
}

/// The body of `POST /actions`: the action's id (also its `Idempotency-Key`), the report, the
/// version the user saw, and the payload fields of its type, flat as the contract writes them.
public struct ActionRequest: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var reportId: String
    public var baseVersion: Int?
    public var type: ActionType
    public var text: String?
    public var attachments: [Report.Attachment]?
    public var unitId: String?
    public var reason: ArchiveReason?
    public var duplicateOf: String?
    public var kind: ReportKind?
    public var categoryId: String?
    public var privacy: Privacy?
    public var title: String?

    public init(
        id: String, reportId: String, baseVersion: Int? = nil, type: ActionType, text: String? = nil,
        attachments: [Report.Attachment]? = nil, unitId: String? = nil, reason: ArchiveReason? = nil,
        duplicateOf: String? = nil, kind: ReportKind? = nil, categoryId: String? = nil, privacy: Privacy? = nil,
        title: String? = nil
    ) {
        self.id = id
        self.reportId = reportId
        self.baseVersion = baseVersion
        self.type = type
        self.text = text
        self.attachments = attachments
        self.unitId = unitId
        self.reason = reason
        self.duplicateOf = duplicateOf
        self.kind = kind
        self.categoryId = categoryId
        self.privacy = privacy
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case id, type, text, attachments, reason, kind, privacy, title
        case reportId = "report_id"
        case baseVersion = "base_version"
        case unitId = "unit_id"
        case duplicateOf = "duplicate_of"
        case categoryId = "category_id"
    }
}

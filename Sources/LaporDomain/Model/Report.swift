/// A LAPOR! report as the contract carries it (`GET /reports/{id}`, `/changes`).
public struct Report: Codable, Hashable, Sendable, Identifiable {
    /// The tracking ID: digits, 7 today and 8 later; text, never a number.
    public var id: String
    public var version: Int
    public var kind: ReportKind
    public var channel: Channel
    public var title: String
    public var body: String
    public var categoryId: String?
    public var location: Location?
    public var privacy: Privacy
    /// Nil for every caller but admins when `privacy` hides the reporter.
    public var reporter: Reporter?
    public var status: ReportStatus
    public var statusLabel: String
    public var unitId: String?
    public var archiveReason: ArchiveReason?
    public var duplicateOf: String?
    public var submittedAt: Timestamp
    public var updatedAt: Timestamp
    public var dueAt: Timestamp?
    /// v1.1 item 6: the deadline counts days of a year whose decree is provisional or missing.
    public var dueProvisional: Bool?
    /// v1.1 item 6: when the report escalates, and when the warning before it starts; nil once
    /// closed or archived (and from a v1.0 server).
    public var escalatesAt: Timestamp?
    public var escalationWarningAt: Timestamp?
    public var attachments: [Attachment]
    public var timeline: [TimelineEvent]
    public var rating: Int?

    public init(
        id: String, version: Int = 1, kind: ReportKind, channel: Channel, title: String, body: String,
        categoryId: String? = nil, location: Location? = nil, privacy: Privacy = .public, reporter: Reporter? = nil,
        status: ReportStatus = .submitted, statusLabel: String? = nil, unitId: String? = nil,
        archiveReason: ArchiveReason? = nil, duplicateOf: String? = nil, submittedAt: Timestamp,
        updatedAt: Timestamp? = nil, dueAt: Timestamp? = nil, attachments: [Attachment] = [],
        timeline: [TimelineEvent] = [], rating: Int? = nil
    ) {
        self.id = id
        self.version = version
        self.kind = kind
        self.channel = channel
        self.title = title
        self.body = body
        self.categoryId = categoryId
        self.location = location
        self.privacy = privacy
        self.reporter = reporter
        self.status = status
        self.statusLabel = statusLabel ?? status.label()
        self.unitId = unitId
        self.archiveReason = archiveReason
        self.duplicateOf = duplicateOf
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt ?? submittedAt
        self.dueAt = dueAt
        self.attachments = attachments
        self.timeline = timeline
        self.rating = rating
    }

    public struct Location: Codable, Hashable, Sendable {
        public var text: String
        public var lat: Double?
        public var lon: Double?

        public init(text: String, lat: Double? = nil, lon: Double? = nil) {
            self.text = text
            self.lat = lat
            self.lon = lon
        }
    }

    public struct Reporter: Codable, Hashable, Sendable {
        public var name: String
        public var contact: String?

        public init(name: String, contact: String? = nil) {
            self.name = name
            self.contact = contact
        }
    }

    public struct Attachment: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var mime: String
        public var size: Int

        public init(id: String, name: String, mime: String, size: Int) {
            self.id = id
            self.name = name
            self.mime = mime
            self.size = size
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, version, kind, channel, title, body, location, privacy, reporter, status, attachments, timeline, rating
        case categoryId = "category_id"
        case statusLabel = "status_label"
        case unitId = "unit_id"
        case archiveReason = "archive_reason"
        case duplicateOf = "duplicate_of"
        case submittedAt = "submitted_at"
        case updatedAt = "updated_at"
        case dueAt = "due_at"
        case dueProvisional = "due_provisional"
        case escalatesAt = "escalates_at"
        case escalationWarningAt = "escalation_warning_at"
    }

    /// Explicit nulls for the optional fields, as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(version, forKey: .version)
        try c.encode(kind, forKey: .kind)
        try c.encode(channel, forKey: .channel)
        try c.encode(title, forKey: .title)
        try c.encode(body, forKey: .body)
        try c.encode(categoryId, forKey: .categoryId)
        try c.encode(location, forKey: .location)
        try c.encode(privacy, forKey: .privacy)
        try c.encode(reporter, forKey: .reporter)
        try c.encode(status, forKey: .status)
        try c.encode(statusLabel, forKey: .statusLabel)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(archiveReason, forKey: .archiveReason)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(submittedAt, forKey: .submittedAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(dueAt, forKey: .dueAt)
        try c.encode(dueProvisional ?? false, forKey: .dueProvisional)
        try c.encode(escalatesAt, forKey: .escalatesAt)
        try c.encode(escalationWarningAt, forKey: .escalationWarningAt)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(rating, forKey: .rating)
    }

    /// Sets the instants the rules decided (v1.1 item 6).
    public mutating func apply(_ instants: DecidedInstants) {
        dueAt = instants.dueAt
        dueProvisional = instants.dueProvisional
        escalatesAt = instants.escalatesAt
        escalationWarningAt = instants.escalationWarningAt
    }

    /// Tracking IDs are all digits, 7 or 8 long (the contract allows room to grow to 12).
    public static func isValidTrackingID(_ id: String) -> Bool {
        (7...12).contains(id.utf8.count) && id.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// The one masking rule: whether `role` may see who reported a report of `privacy`. The
    /// reporter of an `anonim` or `rahasia` report is for admins only. Every output asks it: the
    /// server's answers, the screen, `show`, `list`, the export and the clipboard.
    public static func showsReporter(of privacy: Privacy, to role: Role) -> Bool {
        !privacy.hidesReporter || role == .admin
    }

    /// The report as a caller of `role` may see it (`showsReporter`).
    public func masked(for role: Role) -> Report {
        guard !Self.showsReporter(of: privacy, to: role), reporter != nil else { return self }
        var copy = self
        copy.reporter = nil
        return copy
    }
}

extension Report {
    /// True when the newest event is `userId`'s own: a change the user made is never news to
    /// them (the TUI does not mark it unread).
    public func lastChange(isBy userId: String?) -> Bool {
        guard let userId, let actor = timeline.last?.actor else { return false }
        return actor.id == userId
    }
}

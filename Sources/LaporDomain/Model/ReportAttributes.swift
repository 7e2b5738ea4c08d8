/// `kind`: what the citizen sent.
public enum ReportKind: String, Codable, CaseIterable, Sendable {
    case pengaduan
    case aspirasi
    case permintaanInformasi = "permintaan_informasi"
}

/// `channel`: how the report reached LAPOR!. An unknown channel decodes as `other`, so that a
/// newer server never breaks an older client.
public enum Channel: String, CaseIterable, Sendable {
    case web, sms, mobile, whatsapp, twitter, instagram, facebook, email, integrated, other
}

extension Channel: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = Channel(rawValue: raw) ?? .other
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `privacy`: who may see the report and the reporter.
public enum Privacy: String, Codable, CaseIterable, Sendable {
    /// The report and the reporter are public.
    case `public`
    /// The report is public, the reporter hidden.
    case anonim
    /// The report is never public and the reporter hidden.
    case rahasia

    /// Whether the reporter's identity is hidden from everyone but admins.
    public var hidesReporter: Bool { self != .public }
}

/// `archive_reason`.
public enum ArchiveReason: String, Codable, CaseIterable, Sendable {
    case incomplete
    case notPublicService = "not_public_service"
    case hoax, spam, abusive, duplicate
    /// Archived by the system: the reporter did not answer in time.
    case noReply = "no_reply"

    /// Reasons an admin may give; `no_reply` is the system's alone.
    public static let adminReasons: [ArchiveReason] = [.incomplete, .notPublicService, .hoax, .spam, .abusive, .duplicate]
}

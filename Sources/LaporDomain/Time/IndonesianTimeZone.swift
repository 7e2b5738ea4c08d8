/// The three Indonesian time zones. None observes daylight saving time, so each is a fixed
/// offset; that keeps deadline arithmetic exact and free of Foundation's time zone database.
public enum IndonesianTimeZone: String, CaseIterable, Codable, Sendable {
    /// Waktu Indonesia Barat, UTC+7 (also the national admin queue's zone).
    case wib = "Asia/Jakarta"
    /// Waktu Indonesia Tengah, UTC+8.
    case wita = "Asia/Makassar"
    /// Waktu Indonesia Timur, UTC+9.
    case wit = "Asia/Jayapura"

    /// The zone's IANA identifier, as the contract's `timezone` field carries it.
    public var identifier: String { rawValue }

    public var abbreviation: String {
        switch self {
        case .wib: "WIB"
        case .wita: "WITA"
        case .wit: "WIT"
        }
    }

    public var secondsFromUTC: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// Accepts the IANA identifiers of the contract, the other IANA names for the same
    /// Indonesian zones, and the abbreviations WIB, WITA and WIT (any case).
    public init?(name: String) {
        switch name.uppercased() {
        case "ASIA/JAKARTA", "ASIA/PONTIANAK", "WIB": self = .wib
        case "ASIA/MAKASSAR", "ASIA/UJUNG_PANDANG", "WITA": self = .wita
        case "ASIA/JAYAPURA", "WIT": self = .wit
        default: return nil
        }
    }

    /// The zone for a unit's `timezone` field; the national admin queue (no unit) uses WIB.
    public static func forUnit(timezone: String?) -> IndonesianTimeZone {
        timezone.flatMap(IndonesianTimeZone.init(name:)) ?? .wib
    }
}

/// A day off decreed for the whole country.
public struct Holiday: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Libur nasional: a national holiday, never a working day.
        case liburNasional = "libur_nasional"
        /// Cuti bersama: collective leave; a working day or not by policy (`skip_cuti_bersama`).
        case cutiBersama = "cuti_bersama"
    }

    public var date: LocalDate
    /// The name in Bahasa Indonesia, as the decree writes it.
    public var name: String
    public var kind: Kind
    /// The decree the date comes from; absent in a contract `/calendar` answer.
    public var source: String?

    public init(date: LocalDate, name: String, kind: Kind, source: String? = nil) {
        self.date = date
        self.name = name
        self.kind = kind
        self.source = source
    }
}

/// One year's decree: the shape of `fixtures/holidays/YYYY.json` and of the contract's
/// `GET /calendar?year=` answer (which lacks `provisional` and `source`; both are optional).
public struct HolidayYear: Codable, Hashable, Sendable {
    public var year: Int
    /// True while the decree is not final (Islamic dates still estimates).
    public var provisional: Bool
    public var source: String?
    public var holidays: [Holiday]

    public init(year: Int, provisional: Bool = false, source: String? = nil, holidays: [Holiday]) {
        self.year = year
        self.provisional = provisional
        self.source = source
        self.holidays = holidays
    }

    enum CodingKeys: String, CodingKey { case year, provisional, source, holidays }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        provisional = try c.decodeIfPresent(Bool.self, forKey: .provisional) ?? false
        source = try c.decodeIfPresent(String.self, forKey: .source)
        holidays = try c.decode([Holiday].self, forKey: .holidays)
        if let stray = holidays.first(where: { $0.date.year != year }) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [CodingKeys.holidays], debugDescription: "holiday \(stray.date) is not in year \(year)"))
        }
    }
}

import Foundation

/// An instant with the UTC offset it was written in: the contract's RFC 3339 times
/// (`2026-03-02T09:15:00+07:00`). Whole seconds; a fraction in the input is dropped.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// The offset from UTC the instant is shown in, in seconds.
    public var offsetSeconds: Int

    public init(epochSeconds: Int64, offsetSeconds: Int = 0) {
        self.epochSeconds = epochSeconds
        self.offsetSeconds = offsetSeconds
    }

    public init(_ date: Date, offsetSeconds: Int = 0) {
        self.init(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)), offsetSeconds: offsetSeconds)
    }

    public init(_ date: Date, in zone: IndonesianTimeZone) {
        self.init(date, offsetSeconds: zone.secondsFromUTC)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(epochSeconds)) }

    /// The same instant shown in another zone.
    public func `in`(_ zone: IndonesianTimeZone) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds, offsetSeconds: zone.secondsFromUTC)
    }

    /// The civil date of this instant at its own offset.
    public var localDate: LocalDate { LocalDate(dayNumber: Self.floorDiv(epochSeconds + Int64(offsetSeconds), 86_400)) }

    /// Seconds since local midnight at its own offset.
    public var secondOfDay: Int {
        Int((epochSeconds + Int64(offsetSeconds)) - Int64(localDate.dayNumber) * 86_400)
    }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds + seconds, offsetSeconds: offsetSeconds)
    }

    /// The first second of a local date in a zone.
    public static func startOfDay(_ date: LocalDate, in zone: IndonesianTimeZone) -> Timestamp {
        Timestamp(epochSeconds: Int64(date.dayNumber) * 86_400 - Int64(zone.secondsFromUTC), offsetSeconds: zone.secondsFromUTC)
    }

    /// 23:59:59 of a local date in a zone: when a working-day deadline falls.
    public static func endOfDay(_ date: LocalDate, in zone: IndonesianTimeZone) -> Timestamp {
        startOfDay(date, in: zone).adding(seconds: 86_399)
    }

    /// RFC 3339 with the offset, e.g. `2026-03-27T23:59:59+07:00`; `Z` for UTC.
    public var rfc3339: String {
        let day = localDate
        let s = secondOfDay
        var out = day.iso + "T" + Digits.pad(s / 3600, 2) + ":" + Digits.pad(s / 60 % 60, 2) + ":" + Digits.pad(s % 60, 2)
        if offsetSeconds == 0 {
            out += "Z"
        } else {
            let o = abs(offsetSeconds) / 60
            out += (offsetSeconds < 0 ? "-" : "+") + Digits.pad(o / 60, 2) + ":" + Digits.pad(o % 60, 2)
        }
        return out
    }

    public var description: String { rfc3339 }

    /// Parses RFC 3339 (`T`, `t` or a space between date and time; `Z`, `z` or `±HH:MM`;
    /// an optional fraction of a second, which is dropped). Returns nil for anything else,
    /// including impossible dates and times.
    public init?(rfc3339 string: some StringProtocol) {
        let b = Array(string.utf8)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let y = Digits.parse(b, 0, 4), let mo = Digits.parse(b, 5, 2), let d = Digits.parse(b, 8, 2),
            let h = Digits.parse(b, 11, 2), let mi = Digits.parse(b, 14, 2), let se = Digits.parse(b, 17, 2),
            let date = LocalDate(year: y, month: mo, day: d), h < 24, mi < 60, se < 60
        else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        let offset: Int
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return nil }
            offset = 0
        } else {
            guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                let oh = Digits.parse(b, i + 1, 2), let om = Digits.parse(b, i + 4, 2), oh < 24, om < 60
            else { return nil }
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
        }
        let local = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + se)
        self.init(epochSeconds: local - Int64(offset), offsetSeconds: offset)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

    /// Equality is the instant's; the offset is only how it is shown.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds == rhs.epochSeconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int {
        Int(a >= 0 ? a / b : -((-a + b - 1) / b))
    }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an RFC 3339 time with offset: \(text.prefix(40))")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text.prefix(40))")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

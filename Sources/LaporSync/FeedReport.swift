import LaporDomain

/// What the store indexes of a report in the change feed, read straight from the server's bytes:
/// the columns, the texts of the full-text index, and the timeline the rulebook reads (types,
/// instants, units, actors). The server's JSON is stored as it came, so nothing is lost; a detail
/// view decodes the whole report from it with `Report`'s own `Decodable`. The location's text and
/// the reporter are read (duplicate suggestions compare them: `Similarity`); the location's
/// coordinates, attachments and rating are skipped; of the server's instants, `due_at` and `escalates_at` are
/// read to be compared with the client's (the store decides and keeps its own).
///
/// Why by hand: Foundation's `JSONDecoder` spent ~50 µs a report (a dictionary per object,
/// generic containers), as long as SQLite's whole write; this reader takes a few. Its answers are
/// held equal to `JSONDecoder`'s `Report` on the demo seed's reports, and it never traps on a
/// malformed item (`FeedReportTests`).
struct FeedReport {
    var id = ""
    var version = 0
    var kind: ReportKind = .pengaduan
    var channel: Channel = .web
    var title = ""
    var body = ""
    var categoryId: String?
    var privacy: Privacy = .public
    var status: ReportStatus = .submitted
    var statusLabel = ""
    var unitId: String?
    var submittedAt = Timestamp(epochSeconds: 0)
    var updatedAt = Timestamp(epochSeconds: 0)
    var timeline: [TimelineEvent] = []
    var location: Report.Location?
    var reporter: Report.Reporter?
    /// What the server decided (contract v1.1 item 6), to compare with the client's rules.
    var dueAt: Timestamp?
    var escalatesAt: Timestamp?

    enum Failure: Error, Equatable {
        case malformed(at: Int)
        case missing(String)
        case invalid(String)
    }

    static let required = [
        "id", "version", "kind", "channel", "title", "body", "privacy", "status", "status_label", "submitted_at", "updated_at", "attachments",
        "timeline",
    ]

    /// Reads one report object.
    init(json bytes: UnsafeRawBufferPointer) throws {
        var reader = JSONBytes(bytes)
        var seen = Set<String>()
        try reader.object { key, r in
            seen.insert(key)
            switch key {
            case "id": id = try r.string()
            case "version": version = try r.int()
            case "kind": kind = try r.enumValue(ReportKind.self, key)
            case "channel": channel = try r.enumValue(Channel.self, key)
            case "title": title = try r.string()
            case "body": body = try r.string()
            case "category_id": categoryId = try r.optionalString()
            case "privacy": privacy = try r.enumValue(Privacy.self, key)
            case "status": status = try r.enumValue(ReportStatus.self, key)
            case "status_label": statusLabel = try r.string()
            case "unit_id": unitId = try r.optionalString()
            case "submitted_at": submittedAt = try r.timestamp(key)
            case "updated_at": updatedAt = try r.timestamp(key)
            case "timeline": timeline = try Self.events(&r)
            case "attachments": try r.array { r in try r.skip() }
            case "location":
                if try r.null() { break }
                var text: String?
                try r.object { key, r in
                    if key == "text" { text = try r.optionalString() } else { try r.skip() }
                }
                location = text.map { Report.Location(text: $0) }
            case "reporter":
                if try r.null() { break }
                var name: String?
                var contact: String?
                try r.object { key, r in
                    switch key {
                    case "name": name = try r.optionalString()
                    case "contact": contact = try r.optionalString()
                    default: try r.skip()
                    }
                }
                reporter = name.map { Report.Reporter(name: $0, contact: contact) }
            case "due_at": dueAt = try r.null() ? nil : r.timestamp(key)
            case "escalates_at": escalatesAt = try r.null() ? nil : r.timestamp(key)
            default: try r.skip()
            }
        }
        try reader.end()
        // The keys `Report` cannot do without, so that what is stored can be shown.
        for key in Self.required where !seen.contains(key) { throw Failure.missing(key) }
    }

    static func events(_ r: inout JSONBytes) throws -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        try r.array { r in
            var id: String?
            var type: TimelineEvent.EventType?
            var at: Timestamp?
            var actor: TimelineEvent.Actor?
            var system = false
            var text: String?
            var unitId: String?
            try r.object { key, r in
                switch key {
                case "id": id = try r.string()
                case "type": type = try r.enumValue(TimelineEvent.EventType.self, "timeline.type")
                case "at": at = try r.timestamp("timeline.at")
                case "actor":
                    if try r.null() { break }
                    var actorId: String?
                    var name: String?
                    var role: Role?
                    try r.object { key, r in
                        switch key {
                        case "id": actorId = try r.string()
                        case "name": name = try r.string()
                        case "role": role = try r.enumValue(Role.self, "actor.role")
                        default: try r.skip()
                        }
                    }
                    guard let actorId, let name, let role else { throw Failure.missing("timeline.actor") }
                    actor = TimelineEvent.Actor(id: actorId, name: name, role: role)
                case "system": system = try r.optionalBool() ?? false
                case "text": text = try r.optionalString()
                case "unit_id": unitId = try r.optionalString()
                default: try r.skip()
                }
            }
            guard let id, let type, let at else { throw Failure.missing("timeline.id/type/at") }
            events.append(TimelineEvent(id: id, type: type, at: at, actor: actor, system: system, text: text, unitId: unitId))
        }
        return events
    }

    /// The report the store's rules and columns read.
    var report: Report {
        var report = Report(
            id: id, version: version, kind: kind, channel: channel, title: title, body: body, categoryId: categoryId, privacy: privacy,
            status: status, statusLabel: statusLabel, unitId: unitId, submittedAt: submittedAt, updatedAt: updatedAt, dueAt: dueAt,
            timeline: timeline)
        report.escalatesAt = escalatesAt
        report.location = location
        report.reporter = reporter
        return report
    }
}

/// A forward-only reader of JSON bytes: strings (with every escape), integers, booleans, null,
/// objects and arrays, and skipping whatever is not asked for. Every malformed input throws.
struct JSONBytes {
    let b: UnsafeRawBufferPointer
    var i = 0
    /// Nesting bound, so a hostile item cannot exhaust the stack.
    var depth = 0

    init(_ bytes: UnsafeRawBufferPointer) { b = bytes }

    typealias Failure = FeedReport.Failure

    mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ c: UInt8) throws {
        ws()
        guard i < b.count, b[i] == c else { throw Failure.malformed(at: i) }
        i += 1
    }

    /// Nothing but white space left.
    mutating func end() throws {
        ws()
        guard i == b.count else { throw Failure.malformed(at: i) }
    }

    mutating func object(_ member: (String, inout JSONBytes) throws -> Void) throws {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { r in
            let key = try r.string()
            try r.expect(UInt8(ascii: ":"))
            r.ws()
            try member(key, &r)
        }
    }

    mutating func array(_ element: (inout JSONBytes) throws -> Void) throws {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), element)
    }

    /// An object or an array: `item` reads each member or element, commas and nesting checked.
    private mutating func container(open: UInt8, close: UInt8, _ item: (inout JSONBytes) throws -> Void) throws {
        try expect(open)
        depth += 1
        guard depth <= 64 else { throw Failure.malformed(at: i) }
        ws()
        if i < b.count, b[i] == close {
            i += 1
            depth -= 1
            return
        }
        while true {
            ws()
            try item(&self)
            ws()
            guard i < b.count else { throw Failure.malformed(at: i) }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard b[i] == close else { throw Failure.malformed(at: i) }
            i += 1
            depth -= 1
            return
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() throws -> Bool {
        ws()
        guard i + 4 <= b.count, b[i] == UInt8(ascii: "n") else { return false }
        guard b[i + 1] == UInt8(ascii: "u"), b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "l") else {
            throw Failure.malformed(at: i)
        }
        i += 4
        return true
    }

    mutating func optionalString() throws -> String? { try null() ? nil : string() }

    mutating func optionalBool() throws -> Bool? {
        if try null() { return nil }
        ws()
        if i + 4 <= b.count, b[i] == UInt8(ascii: "t"), b[i + 1] == UInt8(ascii: "r"), b[i + 2] == UInt8(ascii: "u"), b[i + 3] == UInt8(ascii: "e") {
            i += 4
            return true
        }
        if i + 5 <= b.count, b[i] == UInt8(ascii: "f"), b[i + 1] == UInt8(ascii: "a"), b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "s"),
            b[i + 4] == UInt8(ascii: "e")
        {
            i += 5
            return false
        }
        throw Failure.malformed(at: i)
    }

    mutating func int() throws -> Int {
        ws()
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        guard i > digits, i - digits <= 18 else { throw Failure.malformed(at: start) }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            throw Failure.invalid("a whole number")
        }
        var value = 0
        for k in digits..<i { value = value * 10 + Int(b[k] - 0x30) }
        return b[start] == UInt8(ascii: "-") ? -value : value
    }

    mutating func enumValue<T: RawRepresentable>(_ type: T.Type, _ key: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Failure.invalid(key) }
        return value
    }

    mutating func timestamp(_ key: String) throws -> Timestamp {
        guard let value = Timestamp(rfc3339: try string()) else { throw Failure.invalid(key) }
        return value
    }

    /// A string value, unescaped; invalid UTF-8, a raw control character or a broken escape throws.
    mutating func string() throws -> String {
        ws()
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Failure.malformed(at: i) }
        i += 1
        let start = i
        while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20 { i += 1 }
        guard i < b.count else { throw Failure.malformed(at: i) }
        if b[i] == UInt8(ascii: "\"") {
            // The common case: no escapes, one copy.
            let text = String(validating: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            i += 1
            guard let text else { throw Failure.invalid("UTF-8") }
            return text
        }
        var out: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw Failure.invalid("UTF-8") }
                return text
            }
            guard c >= 0x20 else { throw Failure.malformed(at: i) }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < b.count else { throw Failure.malformed(at: i) }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw Failure.invalid("surrogate") }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure.invalid("surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Failure.invalid("surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw Failure.invalid("escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Failure.malformed(at: i - 1)
            }
        }
        throw Failure.malformed(at: i)
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Failure.malformed(at: i) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Failure.malformed(at: i)
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    /// Skips one value of any kind (checked as far as skipping needs).
    mutating func skip() throws {
        ws()
        guard i < b.count else { throw Failure.malformed(at: i) }
        switch b[i] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object { _, r in try r.skip() }
        case UInt8(ascii: "["): try array { r in try r.skip() }
        case UInt8(ascii: "n"): _ = try null()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try optionalBool()
        default:
            let start = i
            while i < b.count,
                b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e")
                    || b[i] == UInt8(ascii: "E") || (b[i] >= 0x30 && b[i] <= 0x39)
            {
                i += 1
            }
            guard i > start else { throw Failure.malformed(at: i) }
        }
    }
}

/// A reply template: text with placeholders that the composer fills from the report.
///
/// Placeholders: `{{tracking_id}}`, `{{judul}}`, `{{unit}}`, `{{tanggal}}` and `{{sapaan}}`, the
/// reporter's name, or "Bapak/Ibu" when the report is anonim or rahasia (the name must not
/// appear in a reply even where the caller can see it) or carries no name. An unknown
/// placeholder stays as written, so that a typo shows instead of vanishing.
public struct ReplyTemplate: Hashable, Sendable {
    public let name: String
    public let body: String

    public init(name: String, body: String) {
        self.name = name
        self.body = body
    }

    public static let placeholders = ["tracking_id", "judul", "unit", "tanggal", "sapaan"]

    public static func salutation(for report: Report) -> String {
        guard report.privacy == .public, let name = report.reporter?.name.trimmingWhitespace, !name.isEmpty else { return "Bapak/Ibu" }
        return name
    }

    /// The body with its placeholders filled; `unit` is the unit's name, `date` today's date as
    /// the reader should read it.
    public func filled(for report: Report, unit: String, date: String) -> String {
        let values = [
            "tracking_id": report.id, "judul": report.title, "unit": unit, "tanggal": date, "sapaan": Self.salutation(for: report),
        ]
        var out = ""
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace
            out += values[key] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

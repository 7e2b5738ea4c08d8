/// Limits on what users and citizens write (contract v1.1 item 1), in characters (grapheme
/// clusters) and in UTF-8 bytes: a character count alone lets one "character" of a letter and
/// thousands of combining marks through.
public enum TextLimits {
    /// A follow-up, a report body and every other action text: 1 to 20,000 characters...
    public static let maxActionText = 20_000
    /// ...and at most 80,000 UTF-8 bytes.
    public static let maxActionTextBytes = 80_000
    /// A title: at most 300 characters and 1,200 bytes.
    public static let maxTitle = 300
    public static let maxTitleBytes = 1_200
    /// Each field of `location` and `reporter`: at most 500 bytes.
    public static let maxFieldBytes = 500
    /// A report's whole JSON stays under 2 MiB; an action that would grow it past is refused
    /// (413), and a client skips a feed item larger than this.
    public static let maxReportJSONBytes = 2 << 20

    /// Whether a report whose JSON has `bytes` bytes is within the limit.
    public static func reportFits(bytes: Int) -> Bool { bytes < maxReportJSONBytes }
}

/// Which limits a text field has.
public enum TextKind: Sendable {
    /// `text` of an action, `body` of a report: 1 to 20,000 characters, 80,000 bytes.
    case body
    /// `title`: 1 to 300 characters, 1,200 bytes.
    case title
    /// A field of `location` or `reporter`: at most 500 bytes (may be empty).
    case field
}

/// The one place that decides whether a text is acceptable, and how it is normalised; the
/// server, `lapor act` and the composer all ask it.
public enum TextRules {
    /// CR and CRLF become LF (before counting and checking).
    public static func normalised(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// What is wrong with `text` as a field of `kind`, or nil. The text is normalised first;
    /// an empty (or blank) body or title is `.empty`.
    public static func problem(in text: String, kind: TextKind) -> FieldProblem? {
        let text = normalised(text)
        if containsControl(text) { return .controlCharacter }
        let maxBytes: Int
        switch kind {
        case .body:
            if text.trimmingWhitespace.isEmpty { return .empty }
            maxBytes = TextLimits.maxActionTextBytes
            // Bytes first: counting characters of a huge text is the slow part.
            if text.utf8.count > maxBytes { return .tooManyBytes(max: maxBytes) }
            if text.count > TextLimits.maxActionText { return .tooLong(max: TextLimits.maxActionText) }
        case .title:
            if text.trimmingWhitespace.isEmpty { return .empty }
            maxBytes = TextLimits.maxTitleBytes
            if text.utf8.count > maxBytes { return .tooManyBytes(max: maxBytes) }
            if text.count > TextLimits.maxTitle { return .tooLong(max: TextLimits.maxTitle) }
        case .field:
            if text.utf8.count > TextLimits.maxFieldBytes { return .tooManyBytes(max: TextLimits.maxFieldBytes) }
        }
        return nil
    }

    /// U+0000 and the C0 controls other than TAB and LF.
    public static func containsControl(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A }
    }
}

/// Makes untrusted text (anything from the server or a file) harmless for a terminal: C0 and C1
/// controls, DEL and the bidirectional overrides become visible symbols, so no escape sequence
/// (CSI, OSC, DCS, a bell, a title change) ever reaches the terminal as a control.
public enum Sanitizer {
    /// One line: newlines and tabs are shown as symbols too.
    public static func line(_ text: String) -> String { clean(text, keepNewlines: false) }

    /// A block: newlines stay; tabs become spaces; everything else as in `line`.
    public static func block(_ text: String) -> String { clean(text, keepNewlines: true) }

    /// A spreadsheet cell: line feeds, carriage returns and tabs stay as they are (a report's
    /// text keeps its paragraphs through an export); everything else as in `line`.
    public static func cell(_ text: String) -> String { clean(text, keepNewlines: true, keepTabsAndReturns: true) }

    static func clean(_ text: String, keepNewlines: Bool, keepTabsAndReturns: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09 where keepTabsAndReturns, 0x0D where keepTabsAndReturns: out.append(scalar)
            case 0x0A where keepNewlines: out.append(scalar)
            case 0x09 where keepNewlines: out.append(contentsOf: "    ".unicodeScalars)
            case 0x0D where keepNewlines: break  // CRLF → LF; a lone CR would rewrite the line
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + scalar.value)!)  // ␛, ␇, ␈, ␍ …
            case 0x7F: out.append("\u{2421}")  // ␡
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                out.append(contentsOf: "⟨U+\(String(scalar.value, radix: 16, uppercase: true))⟩".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

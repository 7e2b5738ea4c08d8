import Foundation

/// Text for a terminal whose locale is not UTF-8 (`LC_ALL=C`): every character becomes ASCII of
/// the same width, so that the layout holds — line drawing and symbols by look, letters without
/// their accents, anything else `?`. Marks that differ stay different: unread `•` is `o`, not
/// the `*` of a marked report; the escalation flag `⚑` is `F`, not the `!` of overdue. Without it, ncurses drops what the locale cannot encode.
public enum AsciiFallback {
    static let glyphs: [Character: Character] = [
        "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "▶": ">", "•": "o", "↑": "^", "⚑": "F",
        "≈": "~", "…": ".", "✓": "v", "—": "-", "–": "-", "›": ">", "→": ">", "←": "<", "↓": "v", "≤": "<", "≥": ">", "“": "\"",
        "”": "\"", "‘": "'", "’": "'", "·": ".", "⚠": "!", "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#",
        "▏": "#", "×": "x",
    ]

    /// `text` in ASCII, column for column.
    public static func text(_ text: String) -> String {
        var out = ""
        for c in text {
            let width = DisplayWidth.of(c)
            if c.isASCII {
                out.append(c)
            } else if let glyph = glyphs[c] {
                out += String(glyph) + String(repeating: " ", count: max(0, width - 1))
            } else if width == 0 {
                continue
            } else {
                let folded = String(c).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                let ascii = folded.unicodeScalars.filter(\.isASCII)
                let plain = ascii.count == 1 ? String(ascii) : "?"
                out += plain + String(repeating: plain == "?" ? "?" : " ", count: max(0, width - 1))
            }
        }
        return out
    }
}

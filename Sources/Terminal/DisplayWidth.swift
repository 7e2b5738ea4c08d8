/// How many terminal columns text takes: wide East Asian characters and emoji two, combining
/// marks and other zero-width characters none, everything else one.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // ASCII first: most of what a screen draws, without Unicode property lookups (which were
        // 40% of a frame). "\r\n" is one Character with an ASCII value, and draws nothing.
        if let a = character.asciiValue { return a >= 0x20 && a < 0x7F ? 1 : 0 }
        return drawable(character).unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// What is drawn for a character: a form whose width every terminal agrees on. Terminals
    /// differ on emoji sequences (tmux draws a ZWJ family as its four people, others as one;
    /// flags, keycaps, skin tones and VS16 vary too), so a sequence is drawn as its first emoji,
    /// a flag as its two letters, a keycap as its key, and VS16 and skin tones are left out.
    public static func drawable(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return String(character) }
        var out = String.UnicodeScalarView()
        var regional = ""
        for scalar in scalars {
            let v = scalar.value
            if v == 0x200D { break }  // ZWJ: the rest of the sequence is left out
            if v == 0xFE0F || v == 0xFE0E || v == 0x20E3 || (0x1F3FB...0x1F3FF).contains(v) { continue }
            if (0x1F1E6...0x1F1FF).contains(v), let letter = Unicode.Scalar(v - 0x1F1E6 + 0x41) {
                regional.unicodeScalars.append(letter)
                continue
            }
            out.append(scalar)
        }
        return regional + String(out)
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var ascii = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if byte >= 0x20, byte < 0x7F { ascii += 1 }
        }
        return ascii
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII and Latin-1 (no marks, wide or emoji forms below U+0300; U+00AD, the
        // soft hyphen, is a format character): `DisplayWidthTests` holds this equal to the rules below.
        if v >= 0x20, v < 0x7F { return 1 }
        if v >= 0xA0, v < 0x300, v != 0xAD { return 1 }
        return byProperties(scalar)
    }

    /// The width from the scalar's Unicode properties (the definition the fast paths follow).
    static func byProperties(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The longest prefix of `text` that fits in `columns`, with `…` when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The longest end of `text` that fits in `columns`, after `…` when something was cut.
    public static func truncateKeepingEnd(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var out = ""
        var used = 1
        for c in text.reversed() {
            let w = of(c)
            if used + w > columns { break }
            out.insert(c, at: out.startIndex)
            used += w
        }
        // Begin at a word: a word cut at its start reads as another word.
        if text.dropLast(out.count).last != " ", let space = out.firstIndex(of: " ") { out = String(out[space...]) }
        while out.first == " " { out.removeFirst() }
        return "…" + out
    }

    /// Cut at a word: the words that fit, then `…`; a single word longer than the width is cut
    /// inside it (there is nothing better).
    public static func truncateAtWord(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let cut = truncate(text, to: columns)
        let kept = cut.dropLast()
        // Cut right before a space: already at a word's end.
        if text.dropFirst(kept.count).first == " " { return String(kept).trimmingTrailingSpaces + "…" }
        guard let space = kept.lastIndex(of: " ") else { return cut }
        return String(kept[..<space]).trimmingTrailingSpaces + "…"
    }

    /// Whole fields joined by `separator`, as many as fit in `columns`; `…` says some were left
    /// out. A first field too wide alone is cut at a word.
    public static func fitFields(_ fields: [String], separator: String, to columns: Int) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            let next = out.isEmpty ? field : out + separator + field
            let more = i < fields.count - 1
            // Room for the "…" that says more fields were left out.
            if of(next) + (more ? of(separator) + 1 : 0) <= columns || (!more && of(next) <= columns) {
                out = next
                continue
            }
            if out.isEmpty { return truncateAtWord(field, to: columns) }
            return out + separator + "…"
        }
        return out
    }

    /// Word wrap to `columns`: breaks at spaces, splits words longer than a line, keeps newlines.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = of(word)
                let gap = line.isEmpty ? 0 : 1
                if used + gap + w <= columns {
                    if gap == 1 { line += " " }
                    line += word
                    used += gap + w
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                used = 0
                for c in word {
                    let cw = of(c)
                    if used + cw > columns {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(c)
                    used += cw
                }
            }
            lines.append(line)
        }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

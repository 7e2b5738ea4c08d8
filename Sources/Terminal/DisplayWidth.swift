import CNCursesW
import Foundation

/// How many terminal columns text takes, counted as the terminal will count it: scalar by scalar
/// with the C library's `wcwidth`, which ncurses, tmux and most terminals use (issue 25).
///
/// Text is drawn in cells that every side counts alike: each cell is one spacing scalar (1 or 2
/// columns) with at most four combining marks after it. A scalar the C library cannot print
/// (unassigned, newer than its tables, U+2028) is drawn as `�`, one column; zero-width scalars
/// that are not combining marks (format characters, tags, conjoining jamo left over) are left
/// out; emoji sequences terminals draw differently are drawn in a form they agree on.
public enum DisplayWidth {
    /// One drawn cell: its text and its width in columns (1 or 2).
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var width: Int
    }

    /// The C library's width of every scalar under a UTF-8 locale (the environment's, else
    /// C.UTF-8); nil on a machine without one, where Unicode properties decide (`byProperties`).
    static let table: [Int8]? = {
        var table = [Int8](repeating: 0, count: 0x110000)
        let made = table.withUnsafeMutableBufferPointer { lapor_width_table($0.baseAddress, UInt32($0.count)) }
        return made != 0 ? table : nil
    }()

    /// What the C library says of a scalar: −1 (it cannot print it), 0, 1 or 2.
    public static func cWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20, v < 0x7F { return 1 }
        if let table { return Int(table[Int(v)]) }
        return byProperties(scalar)
    }

    /// The columns a character takes as drawn (`cells`).
    public static func of(_ character: Character) -> Int {
        // ASCII first: most of what a screen draws, without Unicode lookups. "\r\n" is one
        // Character with an ASCII value, and draws nothing.
        if let a = character.asciiValue { return a >= 0x20 && a < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return of(scalar) }
        return cells(character).reduce(0) { $0 + $1.width }
    }

    /// The columns one scalar takes drawn alone: a control none (the sanitiser shows controls
    /// as symbols before anything is drawn), a scalar the C library cannot print one (its
    /// placeholder), a zero-width one none, a regional indicator one (drawn as its letter).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20, v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isRegional(v) { return 1 }
        let w = cWidth(scalar)
        return w < 0 ? 1 : w
    }

    /// The cells a character is drawn in.
    public static func cells(_ character: Character) -> [Cell] {
        if let a = character.asciiValue { return a >= 0x20 && a < 0x7F ? [Cell(text: String(character), width: 1)] : [] }
        var cells: [Cell] = []
        var marks = 0
        for scalar in form(character).unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F..<0xA0).contains(v) { continue }
            let w = cWidth(scalar)
            if w != 0 {
                cells.append(w > 0 ? Cell(text: String(scalar), width: w) : Cell(text: "\u{FFFD}", width: 1))
                marks = 0
                continue
            }
            // Zero width: a combining mark joins the cell before it, four at most (what a cell
            // of ncurses holds beside its base); anything else is left out.
            guard !cells.isEmpty, marks < 4, isMark(scalar) else { continue }
            cells[cells.count - 1].text.unicodeScalars.append(scalar)
            marks += 1
        }
        return cells
    }

    /// What is drawn for a character: its cells' text.
    public static func drawable(_ character: Character) -> String {
        if character.asciiValue != nil { return String(character) }
        return cells(character).map(\.text).joined()
    }

    /// Text as drawn, character by character: what a line printed to a terminal should hold so
    /// that the terminal counts the columns `of` counted.
    public static func drawn(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text }
        var out = ""
        for c in text { out += drawable(c) }
        return out
    }

    /// A character in a form terminals agree on before it is cut into cells. Terminals differ on
    /// emoji sequences (tmux draws a ZWJ family as its four people, others as one; flags,
    /// keycaps, skin tones and VS16 vary too), so a sequence is drawn as its first emoji, a flag
    /// or a lone regional indicator as letters, a keycap as its key, and VS16 and skin tones are
    /// left out; what remains is composed (NFC), so that a letter and its accent are one scalar.
    static func form(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            return isRegional(scalar.value) ? regionalLetter(scalar.value) : String(character)
        }
        var out = String.UnicodeScalarView()
        var regional = ""
        for scalar in scalars {
            let v = scalar.value
            if v == 0x200D { break }  // ZWJ: the rest of the sequence is left out
            if v == 0xFE0F || v == 0xFE0E || v == 0x20E3 || (0x1F3FB...0x1F3FF).contains(v) { continue }
            if isRegional(v) {
                regional += regionalLetter(v)
                continue
            }
            out.append(scalar)
        }
        let rest = String(out)
        return regional + (rest.unicodeScalars.count > 1 ? rest.precomposedStringWithCanonicalMapping : rest)
    }

    static func isRegional(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    static func regionalLetter(_ v: UInt32) -> String { Unicode.Scalar(v - 0x1F1E6 + 0x41).map { String($0) } ?? "?" }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var ascii = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if byte >= 0x20, byte < 0x7F { ascii += 1 }
        }
        return ascii
    }

    /// The width from the scalar's Unicode properties: only where the machine has no UTF-8
    /// locale to ask the C library in.
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
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
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

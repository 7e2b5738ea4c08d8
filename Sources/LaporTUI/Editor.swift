import LaporDomain
import Terminal

/// The composer's multi-line text editor, as a value: the text as characters (grapheme
/// clusters, so a wide character or an emoji is one step), a cursor between them, and the
/// operations keys map to. Lines wrap at a width given by the pane; up, down, Home, End and the
/// page keys move over those wrapped lines as they show.
public struct Editor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// 0…characters.count: the cursor sits before `characters[cursor]`.
    public private(set) var cursor: Int
    /// The column that up and down aim for, kept across short lines.
    var goalColumn: Int?

    /// The contract's limits on an action's text: characters and UTF-8 bytes.
    public static let limit = TextLimits.maxActionText
    public static let byteLimit = TextLimits.maxActionTextBytes

    public init(_ text: String = "") {
        characters = Self.fitting(Array(text), characters: 0, bytes: 0)
        cursor = characters.count
    }

    /// The UTF-8 size of the text.
    public var byteCount: Int { characters.reduce(0) { $0 + $1.utf8.count } }

    /// The leading part of `incoming` that fits beside `characters` characters and `bytes` bytes.
    static func fitting(_ incoming: [Character], characters: Int, bytes: Int) -> [Character] {
        var room = limit - characters
        var byteRoom = byteLimit - bytes
        var taken = 0
        for character in incoming {
            let size = character.utf8.count
            guard room > 0, size <= byteRoom else { break }
            room -= 1
            byteRoom -= size
            taken += 1
        }
        return Array(incoming.prefix(taken))
    }

    public var text: String { String(characters) }
    public var count: Int { characters.count }
    public var isBlank: Bool { characters.allSatisfy { $0.isWhitespace } }

    // MARK: Changing the text

    /// Moves the cursor to the first `[…]` placeholder at or after `start` (a template's blank
    /// to fill); false when there is none.
    @discardableResult
    public mutating func toPlaceholder(from start: Int) -> Bool {
        guard let at = Self.placeholders(in: characters, from: start).first else { return false }
        cursor = at.lowerBound
        return true
    }

    /// The `[…]` spans of a text that are still to be filled in (a template's blanks).
    public static func placeholders(in characters: [Character], from start: Int = 0) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int?
        for i in max(0, start)..<characters.count {
            switch characters[i] {
            case "[": open = i
            case "]":
                if let o = open, i > o + 1 { out.append(o..<(i + 1)) }
                open = nil
            case "\n": open = nil
            default: break
            }
        }
        return out
    }

    /// Inserts at the cursor, up to the limit; false when something was left out.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        // Pasted text arrives with CR or CRLF line ends; tabs become spaces; other controls go.
        let cleaned = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\t", with: "    ")
        let incoming = cleaned.filter { $0 == "\n" || !($0.unicodeScalars.first.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } ?? true) }
        let taken = Self.fitting(Array(incoming), characters: characters.count, bytes: byteCount)
        characters.insert(contentsOf: taken, at: cursor)
        cursor += taken.count
        goalColumn = nil
        return taken.count == incoming.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        goalColumn = nil
    }

    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        goalColumn = nil
    }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
        goalColumn = nil
    }

    // MARK: Moving by character and word

    public mutating func left() { move(to: cursor - 1) }
    public mutating func right() { move(to: cursor + 1) }
    public mutating func wordLeft() { move(to: wordStart(before: cursor)) }

    public mutating func wordRight() {
        var i = cursor
        while i < characters.count && !isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && isWordCharacter(characters[i]) { i += 1 }
        move(to: i)
    }

    public mutating func toStart() { move(to: 0) }
    public mutating func toEnd() { move(to: characters.count) }

    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    mutating func move(to index: Int) {
        cursor = min(max(0, index), characters.count)
        goalColumn = nil
    }

    // MARK: Wrapped lines

    /// The text as it shows at `width` columns: each line a range of characters. Lines break
    /// after a space where they can, inside a word longer than a line where they must; a newline
    /// ends its line and belongs to it.
    public func lines(width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastBreak: Int? = nil  // index just after the last space on this line
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                lines.append(start..<(i + 1))
                start = i + 1
                used = 0
                lastBreak = nil
                i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && i > start {
                // A space may hang past the edge; otherwise break after the last space, or here.
                if c == " " {
                    i += 1
                    lines.append(start..<i)
                    start = i
                    used = 0
                    lastBreak = nil
                    continue
                }
                let end = lastBreak ?? i
                lines.append(start..<end)
                start = end
                used = DisplayWidth.of(characters[start..<i].map { String($0) }.joined())
                lastBreak = nil
                continue
            }
            used += w
            if c == " " { lastBreak = i + 1 }
            i += 1
        }
        lines.append(start..<characters.count)
        return lines
    }

    /// The visual line and column of the cursor at `width`.
    public func position(width: Int) -> (line: Int, column: Int) { position(in: lines(width: width)) }

    /// The cursor's line and column in lines already wrapped (one wrap per frame, not two).
    public func position(in lines: [Range<Int>]) -> (line: Int, column: Int) {
        let line = lineIndex(of: cursor, in: lines)
        return (line, column(of: cursor, on: lines[line]))
    }

    /// The first line that ends after `index`, else the last: a cursor at the end of a wrapped
    /// line (or after a newline) shows at the start of the next one.
    func lineIndex(of index: Int, in lines: [Range<Int>]) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let mid = (low + high) / 2
            if index < lines[mid].upperBound { high = mid } else { low = mid + 1 }
        }
        return low
    }

    func column(of index: Int, on line: Range<Int>) -> Int {
        DisplayWidth.of(String(characters[line.lowerBound..<min(index, line.upperBound)]))
    }

    /// Moves `delta` visual lines up (negative) or down, keeping the column.
    public mutating func vertical(_ delta: Int, width: Int) {
        let lines = lines(width: width)
        let here = lineIndex(of: cursor, in: lines)
        let goal = goalColumn ?? column(of: cursor, on: lines[here])
        let target = min(max(0, here + delta), lines.count - 1)
        if target == here {
            cursor = delta < 0 ? lines[here].lowerBound : endOfLine(lines[here], isLast: here == lines.count - 1)
        } else {
            cursor = index(atColumn: goal, on: lines[target], isLast: target == lines.count - 1)
        }
        goalColumn = goal
    }

    public mutating func up(width: Int) { vertical(-1, width: width) }
    public mutating func down(width: Int) { vertical(1, width: width) }

    /// Home and End: the start and end of the visual line.
    public mutating func lineStart(width: Int) {
        let lines = lines(width: width)
        move(to: lines[lineIndex(of: cursor, in: lines)].lowerBound)
    }

    public mutating func lineEnd(width: Int) {
        let lines = lines(width: width)
        let n = lineIndex(of: cursor, in: lines)
        move(to: endOfLine(lines[n], isLast: n == lines.count - 1))
    }

    /// Where the cursor goes at the end of a line: before its newline, or before the character
    /// that starts the next wrapped line (which shows as the next line's start).
    func endOfLine(_ line: Range<Int>, isLast: Bool) -> Int {
        if line.upperBound > line.lowerBound, characters[line.upperBound - 1] == "\n" { return line.upperBound - 1 }
        if isLast { return line.upperBound }
        // A wrapped line: stop before its last character, so the cursor stays on this line.
        return max(line.lowerBound, line.upperBound - 1)
    }

    func index(atColumn goal: Int, on line: Range<Int>, isLast: Bool) -> Int {
        var used = 0
        var i = line.lowerBound
        let end = endOfLine(line, isLast: isLast)
        while i < end {
            let w = DisplayWidth.of(characters[i])
            if used + w > goal { break }
            used += w
            i += 1
        }
        return i
    }
}

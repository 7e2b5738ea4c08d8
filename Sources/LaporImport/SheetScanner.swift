/// A worksheet read straight from its bytes into `SheetRows` (issue 24: Foundation's `XMLParser`,
/// an attribute dictionary and strings for every element, was a quarter of a 200,000-row import).
///
/// It reads the XML a worksheet is written in — elements, attributes, character and entity
/// references, CDATA, comments, processing instructions — and checks as it goes what `XMLParser`
/// would refuse: well-formed nesting, UTF-8, characters XML forbids, unknown entities. Anything it
/// does not read exactly as `XMLParser` would (a DTD, any doubt) throws `Fallback`, and the caller
/// parses with `XMLParser`, which then reads it or says why the file is bad; the two are held to
/// the same rows (`SheetScannerTests`).
enum SheetScanner {
    /// Leave it to `XMLParser`.
    struct Fallback: Error {}

    /// Feeds `rows` the sheet's elements and texts. A failure of the rows themselves (too many)
    /// stops the scan with `rows.failure` set.
    static func scan(_ xml: [UInt8], into rows: SheetRows) throws(Fallback) {
        guard String(validating: xml, as: UTF8.self) != nil else { throw Fallback() }
        try xml.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(Fallback) in
            var scanner = Scanner(b: b, rows: rows)
            try scanner.run()
        }
    }

    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        let rows: SheetRows
        var i = 0
        /// The open elements' names (ranges of `b`).
        var stack: [Range<Int>] = []
        var sawRoot = false
        /// The attribute names of the element being read (kept between elements: no allocation).
        var names: [Range<Int>] = []

        init(b: UnsafeBufferPointer<UInt8>, rows: SheetRows) {
            self.b = b
            self.rows = rows
        }

        mutating func run() throws(Fallback) {
            let n = b.count
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            if starts(with: Array("<?xml".utf8), at: i) { try declaration() }
            while i < n {
                if b[i] == 0x3C {
                    guard i + 1 < n else { throw Fallback() }
                    switch b[i + 1] {
                    case 0x3F: throw Fallback()  // a processing instruction in the sheet: XMLParser's
                    case 0x21: try bang()
                    case 0x2F: if try !endTag() { return }
                    default: if try !startTag() { return }
                    }
                } else {
                    try text()
                }
            }
            guard stack.isEmpty, sawRoot else { throw Fallback() }
        }

        /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, read as strictly as XML's
        /// grammar has it (the version first, then the encoding, then standalone, each optional
        /// but the version).
        mutating func declaration() throws(Fallback) {
            i += 5
            var seen = 0
            for (index, attribute) in ["version", "encoding", "standalone"].enumerated() {
                let before = i
                spaces()
                guard i > before || b[i] == 0x3F else { throw Fallback() }
                guard starts(with: Array(attribute.utf8), at: i) else {
                    if index == 0 { throw Fallback() }
                    continue
                }
                guard index >= seen else { throw Fallback() }
                i += attribute.utf8.count
                let (quote, start) = try valueStart()
                while i < b.count, b[i] != quote, b[i] != 0x3C { i += 1 }
                guard i < b.count, b[i] == quote else { throw Fallback() }
                let value = String(decoding: b[start..<i], as: UTF8.self)
                i += 1
                let valid: Bool
                switch index {
                case 0: valid = value.hasPrefix("1.") && value.count > 2 && value.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
                // UTF-8 only: a sheet in another encoding is XMLParser's to read (it transcodes).
                case 1: valid = ["utf-8", "utf8"].contains(value.lowercased())
                default: valid = value == "yes" || value == "no"
                }
                guard valid else { throw Fallback() }
                seen = index + 1
            }
            spaces()
            guard starts(with: [0x3F, 0x3E], at: i) else { throw Fallback() }
            i += 2
        }

        /// Moves past the next `terminator`.
        mutating func skip(past terminator: [UInt8]) throws(Fallback) {
            var j = i + 2
            while j + terminator.count <= b.count {
                if b[j] == terminator[0], (1..<terminator.count).allSatisfy({ b[j + $0] == terminator[$0] }) {
                    i = j + terminator.count
                    return
                }
                j += 1
            }
            throw Fallback()
        }

        func starts(with literal: [UInt8], at: Int) -> Bool {
            at + literal.count <= b.count && (0..<literal.count).allSatisfy { b[at + $0] == literal[$0] }
        }

        /// `<!--…-->` or `<![CDATA[…]]>`; a DTD or anything else is left to `XMLParser`.
        mutating func bang() throws(Fallback) {
            if starts(with: Array("<!--".utf8), at: i) {
                let start = i + 4
                i += 2
                try skip(past: Array("-->".utf8))
                // XML allows no `--` in a comment, nor the characters it forbids anywhere.
                let inside = b[start..<max(start, i - 3)]
                guard i - 3 >= start, inside.allSatisfy(Self.allowed), inside.last != 0x2D,
                    !zip(inside, inside.dropFirst()).contains(where: { $0 == 0x2D && $1 == 0x2D })
                else {
                    throw Fallback()
                }
            } else if starts(with: Array("<![CDATA[".utf8), at: i), !stack.isEmpty {
                let start = i + 9
                i = start - 2
                try skip(past: Array("]]>".utf8))
                let end = i - 3
                // A CR in CDATA: XMLParser gives it as it is, unlike in text (left to it).
                for k in start..<end where !Self.allowed(b[k]) || b[k] == 0x0D { throw Fallback() }
                if rows.wantsText { rows.text(String(decoding: b[start..<end], as: UTF8.self)) }
            } else {
                throw Fallback()
            }
        }

        /// A name from `i`: the bytes to white space, `/`, `>` or `=`, which must make an XML name
        /// (a letter, `_`, `:` or a non-ASCII character first; then digits, `-` and `.` too).
        mutating func name() throws(Fallback) -> Range<Int> {
            let start = i
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3D: break
                default:
                    i += 1
                    continue
                }
                break
            }
            guard i > start, i < b.count else { throw Fallback() }
            func letter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F || c == 0x3A || c >= 0x80 }
            guard letter(b[start]), b[(start + 1)..<i].allSatisfy({ letter($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E }) else {
                throw Fallback()
            }
            return start..<i
        }

        /// `= "` or `= '` after an attribute's name (spaces allowed around `=`): the quote, and
        /// where the value starts (the scanner is there).
        mutating func valueStart() throws(Fallback) -> (quote: UInt8, start: Int) {
            spaces()
            guard i < b.count, b[i] == 0x3D else { throw Fallback() }
            i += 1
            spaces()
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { throw Fallback() }
            let quote = b[i]
            i += 1
            return (quote, i)
        }

        mutating func spaces() {
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                default: return
                }
            }
        }

        func element(_ name: Range<Int>) -> SheetRows.Element {
            var local = name
            if let colon = b[name].lastIndex(of: 0x3A) { local = (colon + 1)..<name.upperBound }
            switch local.count {
            case 1:
                switch b[local.lowerBound] {
                case 0x63: return .c
                case 0x76: return .v
                case 0x74: return .t
                default: return .other
                }
            case 3: return b[local.lowerBound] == 0x72 && b[local.lowerBound + 1] == 0x6F && b[local.lowerBound + 2] == 0x77 ? .row : .other
            default: return .other
            }
        }

        /// `<name attr="value" …>` or `…/>`. False when the rows stopped.
        mutating func startTag() throws(Fallback) -> Bool {
            i += 1
            let name = try name()
            if stack.isEmpty {
                guard !sawRoot else { throw Fallback() }
                sawRoot = true
            }
            let kind = element(name)
            let wanted = kind == .row || kind == .c
            var attributes = SheetRows.Attributes()
            names.removeAll(keepingCapacity: true)
            var selfClosing = false
            while true {
                let before = i
                spaces()
                guard i < b.count else { throw Fallback() }
                if b[i] == 0x3E {
                    i += 1
                    break
                }
                if b[i] == 0x2F {
                    guard i + 1 < b.count, b[i + 1] == 0x3E else { throw Fallback() }
                    i += 2
                    selfClosing = true
                    break
                }
                // Attributes are apart from the name and from each other, and each is given once.
                guard i > before else { throw Fallback() }
                let attribute = try self.name()
                guard !names.contains(where: { b[$0].elementsEqual(b[attribute]) }) else { throw Fallback() }
                names.append(attribute)
                let (quote, start) = try valueStart()
                while i < b.count, b[i] != quote {
                    guard b[i] != 0x3C, Self.allowed(b[i]) else { throw Fallback() }
                    i += 1
                }
                guard i < b.count else { throw Fallback() }
                let raw = start..<i
                i += 1
                if wanted, attribute.count == 1 {
                    switch b[attribute.lowerBound] {
                    case 0x72: attributes.r = try decode(raw, attribute: true)
                    case 0x74: attributes.t = try decode(raw, attribute: true)
                    case 0x73: attributes.s = try decode(raw, attribute: true)
                    default: if b[raw].contains(0x26) { _ = try decode(raw, attribute: true) }
                    }
                } else if b[raw].contains(0x26) {
                    _ = try decode(raw, attribute: true)
                }
            }
            guard rows.start(kind, attributes) else { return false }
            if selfClosing { return rows.end(kind) }
            stack.append(name)
            return true
        }

        /// `</name>`: it must close the element open last. False when the rows stopped.
        mutating func endTag() throws(Fallback) -> Bool {
            i += 2
            let name = try name()
            spaces()
            guard i < b.count, b[i] == 0x3E, let open = stack.popLast(), b[open].elementsEqual(b[name]) else { throw Fallback() }
            i += 1
            return rows.end(element(name))
        }

        /// Character data up to the next `<`: given to the rows when they read it, checked always.
        mutating func text() throws(Fallback) {
            let start = i
            while i < b.count, b[i] != 0x3C { i += 1 }
            let run = start..<i
            if stack.isEmpty {
                // Outside the root only white space.
                guard b[run].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { throw Fallback() }
                return
            }
            if rows.wantsText {
                rows.text(try decode(run, attribute: false))
            } else {
                for k in run where !Self.allowed(b[k]) || b[k] == 0x26 {
                    guard b[k] == 0x26 else { throw Fallback() }
                    _ = try decode(run, attribute: false)
                    break
                }
            }
        }

        /// Bytes XML allows in text as they are (controls but tab and line ends are not).
        static func allowed(_ byte: UInt8) -> Bool { byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// Text with its references resolved and its line ends read as XML reads them (in an
        /// attribute, white space is a space, as XML normalises it).
        func decode(_ range: Range<Int>, attribute: Bool) throws(Fallback) -> String {
            // Most texts hold no reference, no line end and nothing XML forbids: as they are.
            var plain = true
            for k in range {
                let byte = b[k]
                if byte < 0x20 || byte == 0x26 || byte == 0xEF {
                    plain = false
                    break
                }
            }
            if plain { return String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var k = range.lowerBound
            while k < range.upperBound {
                let byte = b[k]
                guard Self.allowed(byte) else { throw Fallback() }
                if byte == 0x26 {
                    guard let semicolon = b[k..<range.upperBound].firstIndex(of: 0x3B) else { throw Fallback() }
                    let reference = Array(b[(k + 1)..<semicolon])
                    try Self.appendReference(reference, to: &out)
                    k = semicolon + 1
                    continue
                }
                if byte == 0x0D {
                    out.append(attribute ? 0x20 : 0x0A)
                    if k + 1 < range.upperBound, b[k + 1] == 0x0A { k += 1 }
                } else if attribute, byte == 0x0A || byte == 0x09 {
                    out.append(0x20)
                } else {
                    out.append(byte)
                }
                k += 1
            }
            // U+FFFE and U+FFFF are no XML characters.
            if out.count >= 3 {
                for j in 0..<(out.count - 2) where out[j] == 0xEF && out[j + 1] == 0xBF && (out[j + 2] == 0xBE || out[j + 2] == 0xBF) {
                    throw Fallback()
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// `lt`, `gt`, `amp`, `quot`, `apos`, `#123`, `#x1F`: the character; others are left to
        /// `XMLParser` (it refuses an entity no DTD declares).
        static func appendReference(_ name: [UInt8], to out: inout [UInt8]) throws(Fallback) {
            switch name {
            case Array("lt".utf8): out.append(0x3C)
            case Array("gt".utf8): out.append(0x3E)
            case Array("amp".utf8): out.append(0x26)
            case Array("quot".utf8): out.append(0x22)
            case Array("apos".utf8): out.append(0x27)
            default:
                guard name.first == 0x23, name.count >= 2 else { throw Fallback() }
                let hex = name[1] == 0x78
                let digits = name.dropFirst(hex ? 2 : 1)
                guard !digits.isEmpty, digits.count <= 8, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
                    value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                        || (0x10000...0x10FFFF).contains(value),
                    let scalar = Unicode.Scalar(value)
                else { throw Fallback() }
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
    }
}

/// The pieces of a date or time cell: numbers (their digits), words (lower case) and marks.
struct WhenScanner {
    enum Token: Equatable {
        case number(String)
        case word(String)
        case mark(Character)
    }

    private var tokens: [Token]
    private var at = 0

    init(_ text: String) {
        var tokens: [Token] = []
        var current = ""
        var isNumber = false
        func flush() {
            guard !current.isEmpty else { return }
            tokens.append(isNumber ? .number(current) : .word(current))
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isASCII, ch.isNumber {
                if !isNumber { flush() }
                isNumber = true
                current.append(ch)
            } else if ch.isLetter || (ch == "'" && !isNumber && !current.isEmpty) {
                if isNumber { flush() }
                isNumber = false
                current.append(ch)
            } else {
                flush()
                if !ch.isWhitespace { tokens.append(.mark(ch)) }
            }
        }
        flush()
        self.tokens = tokens
    }

    var peek: Token? { at < tokens.count ? tokens[at] : nil }
    var atEnd: Bool { at >= tokens.count }
    @discardableResult mutating func next() -> Token? {
        defer { at += 1 }
        return peek
    }
    mutating func skip(_ mark: Character) {
        if peek == .mark(mark) || peek == .word(String(mark)) { at += 1 }
    }
    mutating func number(maxDigits: Int = 4) -> (value: Int, digits: Int)? {
        guard case .number(let n)? = peek, n.count <= maxDigits, let v = Int(n) else { return nil }
        at += 1
        return (v, n.count)
    }

    /// The two leading numbers of an all-number date (`03/04/2026`), for the file's order.
    static func numberDateHead(_ text: String) -> (Int, Int)? {
        var s = WhenScanner(AdminExport.withoutTextMark(text.trimmingWhitespace))
        guard let a = s.number(maxDigits: 2), case .mark(let m)? = s.next(), "/-.".contains(m), let b = s.number(maxDigits: 2),
            s.next() == .mark(m), let y = s.number(), y.digits == 4
        else { return nil }
        return (a.value, b.value)
    }

    /// A date: `YYYY-MM-DD` (or `/`), `D/M/YYYY` (`-` or `.`; day or month first by `order`),
    /// `D Month YYYY` (`3 Des. 2026`, `3-Des-2026`), `Month D, YYYY`.
    mutating func date(order: AdminExport.DateOrder) -> Result<LocalDate, AdminExport.WhenProblem> {
        func make(_ y: Int, _ m: Int, _ d: Int) -> Result<LocalDate, AdminExport.WhenProblem> {
            LocalDate(year: y, month: m, day: d).map { (1901...2099).contains($0.year) ? .success($0) : .failure(.unreadable) }
                ?? .failure(.unreadable)
        }
        func year() -> Result<Int, AdminExport.WhenProblem> {
            guard let y = number() else { return .failure(.unreadable) }
            return y.digits == 4 ? .success(y.value) : y.digits == 2 ? .failure(.twoDigitYear) : .failure(.unreadable)
        }
        if case .word(let w)? = peek, let month = AdminExport.months[w] {
            // Month D, YYYY
            next()
            skip(".")
            guard let d = number(maxDigits: 2) else { return .failure(.unreadable) }
            skip(",")
            return year().flatMap { make($0, month, d.value) }
        }
        guard let first = number() else { return .failure(.unreadable) }
        if first.digits == 4 {
            guard case .mark(let m)? = next(), "-/".contains(m), let mo = number(maxDigits: 2), next() == .mark(m), let d = number(maxDigits: 2)
            else { return .failure(.unreadable) }
            return make(first.value, mo.value, d.value)
        }
        guard first.digits <= 2 else { return .failure(.unreadable) }
        if case .mark(let m)? = peek, "/-.".contains(m) {
            next()
            if case .number = peek {
                guard let b = number(maxDigits: 2), next() == .mark(m) else { return .failure(.unreadable) }
                let y: Int
                switch year() {
                case .success(let v): y = v
                case .failure(let p): return .failure(p)
                }
                let a = first.value
                if a > 12 || a == b.value || order == .dayFirst && b.value <= 12 { return make(y, b.value, a) }
                if b.value > 12 || order == .monthFirst { return make(y, a, b.value) }
                // Both readings are dates, and the file writes both orders.
                guard let dayFirst = LocalDate(year: y, month: b.value, day: a), let monthFirst = LocalDate(year: y, month: a, day: b.value) else {
                    return .failure(.unreadable)
                }
                return .failure(.eitherOrder(dayFirst: dayFirst, monthFirst: monthFirst))
            }
            // 3-Des-2026
            guard case .word(let w)? = next(), let month = AdminExport.months[w] else { return .failure(.unreadable) }
            skip(".")
            guard next() == .mark(m) else { return .failure(.unreadable) }
            return year().flatMap { make($0, month, first.value) }
        }
        // 3 Desember 2026, 3 Des. 2026
        guard case .word(let w)? = next(), let month = AdminExport.months[w] else { return .failure(.unreadable) }
        skip(".")
        skip(",")
        return year().flatMap { make($0, month, first.value) }
    }

    /// A time of day: `H:MM[:SS[.fff]]` or `H.MM[.SS]`, then `am`/`pm`, then an offset
    /// (`Z`, `+07:00`, `+0700`, `+07`) or a zone name (WIB, WITA, WIT, UTC).
    mutating func clock() -> Result<AdminExport.Clock, AdminExport.WhenProblem> {
        guard let h = number(maxDigits: 2), case .mark(let sep)? = next(), sep == ":" || sep == ".", let m = number(maxDigits: 2), m.digits == 2
        else { return .failure(.unreadable) }
        var s = 0
        if peek == .mark(sep) {
            next()
            guard let sec = number(maxDigits: 2), sec.digits == 2 else { return .failure(.unreadable) }
            s = sec.value
            if peek == .mark("."), sep == ":" || sep == "." {
                // A fraction of a second, dropped.
                next()
                guard number(maxDigits: 9) != nil else { return .failure(.unreadable) }
            }
        }
        var hour = h.value
        if case .word(let w)? = peek, w == "am" || w == "pm" || w == "a" || w == "p" {
            next()
            skip(".")
            if case .word("m")? = peek { next() }
            skip(".")
            guard (1...12).contains(hour) else { return .failure(.unreadable) }
            hour = hour % 12 + (w.hasPrefix("p") ? 12 : 0)
        }
        guard hour < 24, m.value < 60, s < 60 else { return .failure(.unreadable) }
        var offset: Int?
        if case .word(let w)? = peek, let o = AdminExport.zoneOffsets[w] {
            next()
            offset = o
            if case .mark(let sign)? = peek, sign == "+" || sign == "-" {
                // UTC+7, GMT+07:00
                guard let extra = signedOffset() else { return .failure(.unreadable) }
                offset = extra
            }
        } else if case .mark(let sign)? = peek, sign == "+" || sign == "-" {
            guard let o = signedOffset() else { return .failure(.unreadable) }
            offset = o
        }
        return .success(AdminExport.Clock(seconds: hour * 3600 + m.value * 60 + s, offset: offset))
    }

    /// `+07:00`, `+0700`, `+07`, `+7`: seconds east of UTC (at most 14 hours).
    private mutating func signedOffset() -> Int? {
        guard case .mark(let sign)? = next(), let first = number(maxDigits: 4) else { return nil }
        var hours = first.value
        var minutes = 0
        if first.digits == 4 {
            hours = first.value / 100
            minutes = first.value % 100
        } else if peek == .mark(":") {
            next()
            guard let m = number(maxDigits: 2), m.digits == 2 else { return nil }
            minutes = m.value
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// A cell that is a clock time and nothing else.
    mutating func wholeClock() -> Result<AdminExport.Clock, AdminExport.WhenProblem> {
        if case .word(let w)? = peek, ["pukul", "pkl", "jam"].contains(w) {
            next()
            skip(".")
        }
        let clock = clock()
        guard case .success = clock, atEnd else { return .failure(.unreadable) }
        return clock
    }
}

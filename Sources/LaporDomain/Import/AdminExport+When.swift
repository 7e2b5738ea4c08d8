/// When a report came in, read from the shapes spreadsheets write (issue 24): the export's own
/// `3 Jan 2026`, ISO 8601 with or without an offset, day-first numbers as Indonesian locales write
/// them (`03/12/2026 14:05`), long Indonesian dates with a weekday (`Kamis, 3 Desember 2026
/// 14.05 WIB`), clock times with a colon or a dot, spreadsheet serials in either date system, and
/// decimal commas. A shape that reads two ways is refused with what would read, never guessed.
extension AdminExport {
    /// The spreadsheet's day 0: Excel's default (1900, with its 29 February 1900 that never was) or
    /// the 1904 system a workbook declares with `<workbookPr date1904="1"/>`.
    public enum DateSystem: Sendable, Hashable {
        case from1900, from1904

        /// The Unix day number of serial 0 (1899-12-30 for 1900, whose serials from 61 on count
        /// as if 1900 were a leap year; 1904-01-01 for 1904).
        var dayZero: Int { self == .from1900 ? -25_569 : -24_107 }
        /// The least serial read as a date (1901-01-01 in either system).
        var firstSerial: Double { self == .from1900 ? 367 : -95 }
    }

    /// Which number comes first in an all-number date such as `03/04/2026`, decided for the whole
    /// file by the dates that read only one way (`25/04/2026` is day first, `04/25/2026` month first).
    public enum DateOrder: Sendable, Hashable {
        /// The Indonesian way, and the answer when nothing in the file says otherwise.
        case dayFirst
        /// Every date that reads one way only is month first (a file saved in a US locale).
        case monthFirst
        /// The file holds both: a date that reads both ways is refused.
        case contradictory
    }

    /// A date, perhaps with a time of day and an offset from UTC, as a cell wrote it.
    public struct When: Sendable, Hashable {
        public var day: LocalDate
        /// Seconds since midnight, when the cell holds a time.
        public var seconds: Int?
        /// Seconds east of UTC, when the cell names an offset or a zone (`+09:00`, `Z`, `WIT`).
        public var offset: Int?
    }

    /// A time of day as a cell wrote it.
    public struct Clock: Sendable, Hashable {
        public var seconds: Int
        public var offset: Int?
    }

    /// Why a date or time cell does not read.
    public enum WhenProblem: Error, Sendable, Hashable {
        /// No shape this reader knows.
        case unreadable
        /// A year of two digits: which century is a guess.
        case twoDigitYear
        /// An all-number date that reads two ways in a file that writes both orders.
        case eitherOrder(dayFirst: LocalDate, monthFirst: LocalDate)
        /// The weekday written is not the date's.
        case weekdayMismatch(written: Weekday, actual: Weekday)
        /// `0.25`: a clock time (00.25) or a fraction of a day (06:00).
        case clockOrFraction
        /// The date cell's time of day and the time cell's disagree.
        case timesDisagree(dateCell: Int, timeCell: Int)
        /// Two offsets that disagree (the date cell's and the time cell's).
        case offsetsDisagree
    }

    /// Reads a date cell: the date, and the time and offset when the cell holds them too.
    public static func when(_ text: String, order: DateOrder = .dayFirst, system: DateSystem = .from1900) -> Result<When, WhenProblem> {
        let t = withoutTextMark(text.trimmingWhitespace)
        if let fast = isoDateTime(t) { return .success(fast) }
        if let serial = number(t) {
            guard let day = serialDate(serial, system: system) else { return .failure(.unreadable) }
            let fraction = serial - serial.rounded(.down)
            return .success(When(day: day, seconds: fraction == 0 ? nil : daySeconds(fraction)))
        }
        var scanner = WhenScanner(t)
        var written: Weekday?
        if case .word(let w)? = scanner.peek, let weekday = weekdays[w] {
            written = weekday
            scanner.next()
            scanner.skip(",")
        }
        let date: LocalDate
        switch scanner.date(order: order) {
        case .success(let d): date = d
        case .failure(let problem): return .failure(problem)
        }
        if let written, written != date.weekday { return .failure(.weekdayMismatch(written: written, actual: date.weekday)) }
        scanner.skip(",")
        scanner.skip("t")
        if case .word(let w)? = scanner.peek, ["pukul", "pkl", "jam"].contains(w) {
            scanner.next()
            scanner.skip(".")
        }
        if scanner.atEnd { return .success(When(day: date)) }
        switch scanner.clock() {
        case .success(let clock) where scanner.atEnd: return .success(When(day: date, seconds: clock.seconds, offset: clock.offset))
        case .failure(let problem) where problem != .unreadable: return .failure(problem)
        default: return .failure(.unreadable)
        }
    }

    /// Reads a time cell: `14:05`, `14:05:09`, `14.05`, `14.05.00`, `2:05 PM`, with an optional
    /// offset or zone; a fraction of a day (`0.586805556`, `0,586805556`) or a full serial's
    /// fraction; a whole ISO 8601 date and time (its time).
    public static func clock(_ text: String, system: DateSystem = .from1900) -> Result<Clock, WhenProblem> {
        let t = withoutTextMark(text.trimmingWhitespace)
        if let fast = colonClock(Array(t.utf8)) { return .success(Clock(seconds: fast)) }
        if let value = number(t) {
            // `0.25` is both 00.25 and a quarter of a day: refused. Other numbers are fractions
            // of a day, or a full serial whose fraction is the time.
            let b = Array(t.utf8)
            if let dot = b.firstIndex(of: 0x2E), (1...2).contains(dot), b.count - dot == 3 {
                // `14.05`, `9.30`, `00.25`: a clock with a dot, as Indonesian writes it.
                if dot == 1, b[0] == 0x30 { return .failure(.clockOrFraction) }
                var scanner = WhenScanner(t)
                return scanner.wholeClock()
            }
            guard (0..<1).contains(value) || serialDate(value, system: system) != nil else { return .failure(.unreadable) }
            return .success(Clock(seconds: daySeconds(value - value.rounded(.down))))
        }
        if case .success(let when) = AdminExport.when(t), let seconds = when.seconds {
            return .success(Clock(seconds: seconds, offset: when.offset))
        }
        var scanner = WhenScanner(t)
        return scanner.wholeClock()
    }

    /// The instant of a row: the date cell, and the time cell's time unless the date cell holds a
    /// time of its own (they must agree unless one is midnight); an offset written in either
    /// cell is honoured, else the time is the unit's `zone`. `timeUnread` is true when the time
    /// cell held something that does not read (00:00 or the date cell's time is used, noted).
    public static func instant(
        date dateText: String, time timeText: String, zone: IndonesianTimeZone, order: DateOrder, system: DateSystem
    ) -> Result<(at: Timestamp, timeUnread: Bool, timeKnown: Bool), WhenProblem> {
        let date: When
        switch when(dateText, order: order, system: system) {
        case .success(let w): date = w
        case .failure(let p): return .failure(p)
        }
        var clock: Clock?
        var unread = false
        if !timeText.trimmingWhitespace.isEmpty {
            switch self.clock(timeText, system: system) {
            case .success(let c): clock = c
            case .failure(.unreadable): unread = true
            case .failure(let p): return .failure(p)
            }
        } else if date.seconds == nil {
            unread = true
        }
        var seconds = date.seconds ?? 0
        var offset = date.offset
        if let clock {
            if let s = date.seconds, s != 0, clock.seconds != 0, s != clock.seconds {
                return .failure(.timesDisagree(dateCell: s, timeCell: clock.seconds))
            }
            if date.seconds == nil || date.seconds == 0 { seconds = clock.seconds }
            if let a = offset, let b = clock.offset, a != b { return .failure(.offsetsDisagree) }
            offset = offset ?? clock.offset
        }
        let local = Int64(date.day.dayNumber) * 86_400 + Int64(seconds)
        let at = Timestamp(epochSeconds: local - Int64(offset ?? zone.secondsFromUTC)).in(zone)
        return .success((at, unread, clock != nil || date.seconds != nil))
    }

    /// The file's order of all-number dates, from the dates that read one way only.
    public static func dateOrder(of texts: some Sequence<String>) -> DateOrder {
        var dayFirst = false
        var monthFirst = false
        for text in texts {
            guard let (a, b) = WhenScanner.numberDateHead(text) else { continue }
            if a > 12, b <= 12 { dayFirst = true }
            if b > 12, a <= 12 { monthFirst = true }
            if dayFirst, monthFirst { return .contradictory }
        }
        return monthFirst ? .monthFirst : .dayFirst
    }

    /// A number as spreadsheets write it: `4`, `4.0`, `4,0` (the Indonesian decimal comma),
    /// `0,586805556`, `9.108001E+06`; nil for anything else (`1.234,5` and `1,234.5` included).
    public static func number(_ text: String) -> Double? {
        let t = withoutTextMark(text.trimmingWhitespace)
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || [0x2B, 0x2D, 0x2E, 0x2C, 0x45, 0x65].contains($0) }),
            t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let commas = t.utf8.filter { $0 == 0x2C }.count
        let dots = t.utf8.filter { $0 == 0x2E }.count
        guard commas + dots <= 1 else { return nil }
        let value = Double(commas == 1 ? t.replacingOccurrences(of: ",", with: ".") : t)
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A whole number as spreadsheets write it (`4`, `4.0`, `4,0`); nil for `4.5`.
    public static func wholeNumber(_ text: String) -> Int? {
        guard let value = number(text), value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// `2026-12-03` or `2026-12-03 14:05:09` (`T` too), without an offset: the shapes lapor keeps
    /// and writes, read without the scanner (an import reads one on every row). Nil for any other.
    static func isoDateTime(_ text: String) -> When? {
        let b = Array(text.utf8)
        guard b.count == 10 || b.count == 19, b[4] == 0x2D, b[7] == 0x2D, let y = Digits.parse(b, 0, 4), let m = Digits.parse(b, 5, 2),
            let d = Digits.parse(b, 8, 2), let day = LocalDate(year: y, month: m, day: d), (1901...2099).contains(y)
        else { return nil }
        guard b.count == 19 else { return When(day: day) }
        guard b[10] == 0x20 || b[10] == 0x54, let seconds = colonClock(Array(b[11...])) else { return nil }
        return When(day: day, seconds: seconds)
    }

    /// `14:05` or `14:05:09` as seconds; nil for any other shape.
    static func colonClock(_ b: [UInt8]) -> Int? {
        guard b.count == 5 || b.count == 8, b[2] == 0x3A, let h = Digits.parse(b, 0, 2), let m = Digits.parse(b, 3, 2), h < 24, m < 60 else {
            return nil
        }
        guard b.count == 8 else { return h * 3600 + m * 60 }
        guard b[5] == 0x3A, let s = Digits.parse(b, 6, 2), s < 60 else { return nil }
        return h * 3600 + m * 60 + s
    }

    /// Excel's text mark: a leading `'` typed to keep a number as text (`'9108001`).
    static func withoutTextMark(_ text: String) -> String {
        text.utf8.first == 0x27 ? String(text.dropFirst()).trimmingWhitespace : text
    }

    /// A spreadsheet date serial (day 1 is 1900-01-01 in the 1900 system, 1904-01-02 in the 1904
    /// one); nil outside 1901–2099.
    public static func serialDate(_ serial: Double, system: DateSystem = .from1900) -> LocalDate? {
        guard serial >= system.firstSerial, serial < 80_000 else { return nil }
        let day = LocalDate(dayNumber: Int(serial.rounded(.down)) + system.dayZero)
        return (1901...2099).contains(day.year) ? day : nil
    }

    /// The serial of a date and time (the 1900 system), as `lapor export` writes date cells.
    public static func serial(_ day: LocalDate, seconds: Int = 0) -> Double {
        Double(day.dayNumber - DateSystem.from1900.dayZero) + Double(seconds) / 86_400
    }

    /// A fraction of a day in whole seconds (rounded: Excel stores 14:05 as 0.58680555…).
    public static func daySeconds(_ fraction: Double) -> Int { min(86_399, max(0, Int((fraction * 86_400).rounded()))) }

    /// Weekday names, Bahasa Indonesia and English, full and short.
    static let weekdays: [String: Weekday] = [
        "senin": .monday, "selasa": .tuesday, "rabu": .wednesday, "kamis": .thursday, "jumat": .friday, "jum'at": .friday,
        "sabtu": .saturday, "minggu": .sunday, "ahad": .sunday, "monday": .monday, "tuesday": .tuesday, "wednesday": .wednesday,
        "thursday": .thursday, "friday": .friday, "saturday": .saturday, "sunday": .sunday, "mon": .monday, "tue": .tuesday,
        "wed": .wednesday, "thu": .thursday, "fri": .friday, "sat": .saturday, "sun": .sunday, "sen": .monday, "sel": .tuesday,
        "rab": .wednesday, "kam": .thursday, "jum": .friday, "sab": .saturday, "min": .sunday,
    ]

    /// Zone names written after a time.
    static let zoneOffsets: [String: Int] = ["wib": 25_200, "wita": 28_800, "wit": 32_400, "z": 0, "utc": 0, "gmt": 0]
}

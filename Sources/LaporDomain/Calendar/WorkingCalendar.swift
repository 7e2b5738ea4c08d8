import Foundation

/// Working days: Monday to Friday minus national holidays and, by policy, cuti bersama.
///
/// Every day of the supported range is classified once, when the calendar is built, into a
/// cumulative working-day index; a deadline is then two array lookups (O(1)), never a walk.
/// A year without decree data counts weekends only and marks every deadline that crosses it as
/// provisional, naming the year: it never silently passes for a year with known holidays.
public struct WorkingCalendar: Sendable {
    /// Years the index covers; dates outside are refused with `CalendarError.outsideSupportedRange`.
    public static let supportedYears = 2000...2099

    /// The decrees the calendar knows, by year.
    public let years: [Int: HolidayYear]
    /// Whether cuti bersama days are skipped (policy `skip_cuti_bersama`, true by default).
    public let skipsCutiBersama: Bool
    let index: DayIndex

    public init(years: [HolidayYear], skipsCutiBersama: Bool = true) {
        var byYear: [Int: HolidayYear] = [:]
        for year in years { byYear[year.year] = year }
        self.years = byYear
        self.skipsCutiBersama = skipsCutiBersama
        self.index = DayIndex(years: byYear, skipsCutiBersama: skipsCutiBersama)
    }

    /// The decrees compiled into the binary (`fixtures/holidays/`, 2024 to 2027).
    public static func builtin(skipsCutiBersama: Bool = true) -> WorkingCalendar {
        skipsCutiBersama ? builtinSkipping : builtinWorking
    }

    /// The embedded decrees themselves.
    public static let builtinYears: [HolidayYear] = {
        let decoder = JSONDecoder()
        return HolidayYear.builtinJSON.keys.sorted().map { year in
            // The fixture files themselves, compiled in and decoded by the tests; a decoding
            // failure here is a build defect, not something a user can cause.
            let bytes = HolidayYear.builtinJSON[year] ?? []
            return try! decoder.decode(HolidayYear.self, from: Data(bytes))  // invariant: compiled-in fixture, tested
        }
    }()

    private static let builtinSkipping = WorkingCalendar(years: builtinYears, skipsCutiBersama: true)
    private static let builtinWorking = WorkingCalendar(years: builtinYears, skipsCutiBersama: false)

    /// The same decrees under the other cuti bersama policy.
    public func with(skipsCutiBersama skip: Bool) -> WorkingCalendar {
        skip == skipsCutiBersama ? self : WorkingCalendar(years: Array(years.values), skipsCutiBersama: skip)
    }

    public func hasData(for year: Int) -> Bool { years[year] != nil }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        guard let i = index.offset(of: date) else { return !date.weekday.isWeekend }
        return index.flags[i] & DayIndex.working != 0
    }

    /// The decreed holidays on a date (usually none, at most a few).
    public func holidays(on date: LocalDate) -> [Holiday] {
        years[date.year]?.holidays.filter { $0.date == date } ?? []
    }

    /// The deadline `n` working days after the event at `start`: the end (23:59:59) of the
    /// n-th working day strictly after the event's local date in `zone`.
    public func due(after start: Timestamp, workingDays n: Int, in zone: IndonesianTimeZone) throws(CalendarError) -> Deadline {
        try due(afterDate: start.in(zone).localDate, workingDays: n, in: zone)
    }

    /// As `due(after:workingDays:in:)`, from a local date.
    public func due(afterDate day: LocalDate, workingDays n: Int, in zone: IndonesianTimeZone) throws(CalendarError) -> Deadline {
        guard n >= 1 else { throw .workingDaysOutOfRange(n) }
        guard let i = index.offset(of: day) else { throw .outsideSupportedRange(day) }
        let position = Int(index.cumulative[i]) + n - 1
        guard position < index.working.count else { throw .outsideSupportedRange(day) }
        let dueDay = LocalDate(dayNumber: index.firstDay + Int(index.working[position]))
        var missing: [Int] = []
        var provisional: [Int] = []
        let firstYear = day.adding(days: 1).year
        let lastYear = dueDay.year
        for year in firstYear...lastYear {
            if let data = years[year] {
                if data.provisional { provisional.append(year) }
            } else {
                missing.append(year)
            }
        }
        return Deadline(
            start: day, workingDays: n, zone: zone, at: Timestamp.endOfDay(dueDay, in: zone),
            missingYears: missing, provisionalYears: provisional)
    }

    /// Working days in the half-open span (from, through]: the days a deadline counts.
    public func workingDays(after from: LocalDate, through to: LocalDate) -> Int {
        guard from < to else { return 0 }
        guard let a = index.offset(of: from), let b = index.offset(of: to) else {
            var count = 0
            var d = from.adding(days: 1)
            while d <= to {
                if isWorkingDay(d) { count += 1 }
                d = d.adding(days: 1)
            }
            return count
        }
        return Int(index.cumulative[b] - index.cumulative[a])
    }

    /// Working time left before `deadline` becomes overdue (one second after 23:59:59), counting
    /// only the hours of working days in the deadline's zone; negative once overdue.
    public func remaining(from now: Timestamp, until deadline: Timestamp, in zone: IndonesianTimeZone) -> WorkingTimeRemaining {
        let overdueAt = deadline.adding(seconds: 1)
        if now < overdueAt {
            return WorkingTimeRemaining(seconds: workingSeconds(from: now, to: overdueAt, in: zone), isOverdue: false)
        }
        return WorkingTimeRemaining(seconds: -workingSeconds(from: overdueAt, to: now, in: zone), isOverdue: true)
    }

    /// As `remaining(from:until:in:)` for a computed deadline, in its own zone.
    public func remaining(from now: Timestamp, until deadline: Deadline) -> WorkingTimeRemaining {
        remaining(from: now, until: deadline.at, in: deadline.zone)
    }

    /// Seconds of working days between two instants (a ≤ b), each working day worth 24 hours.
    public func workingSeconds(from a: Timestamp, to b: Timestamp, in zone: IndonesianTimeZone) -> Int64 {
        guard a < b else { return 0 }
        let la = a.in(zone)
        let lb = b.in(zone)
        let dayA = la.localDate
        let dayB = lb.localDate
        if dayA == dayB { return isWorkingDay(dayA) ? b.epochSeconds - a.epochSeconds : 0 }
        var total: Int64 = 0
        if isWorkingDay(dayA) { total += 86_400 - Int64(la.secondOfDay) }
        if isWorkingDay(dayB) { total += Int64(lb.secondOfDay) }
        total += Int64(workingDays(after: dayA, through: dayB.adding(days: -1))) * 86_400
        return total
    }

    /// Why each day from the event's date to the deadline counts or not.
    public func explain(after start: Timestamp, workingDays n: Int, in zone: IndonesianTimeZone) throws(CalendarError) -> DeadlineExplanation {
        let deadline = try due(after: start, workingDays: n, in: zone)
        var days: [ExplainedDay] = []
        var ordinal = 0
        var date = deadline.start
        while date <= deadline.date {
            let notes = notes(for: date)
            let role: ExplainedDay.Role
            if date == deadline.start {
                role = .eventDay
            } else if isWorkingDay(date) {
                ordinal += 1
                role = .counted(ordinal)
            } else {
                role = .skipped
            }
            days.append(ExplainedDay(date: date, role: role, notes: notes))
            date = date.adding(days: 1)
        }
        return DeadlineExplanation(deadline: deadline, days: days)
    }

    func notes(for date: LocalDate) -> [DayNote] {
        var notes: [DayNote] = []
        if date.weekday == .saturday { notes.append(.saturday) }
        if date.weekday == .sunday { notes.append(.sunday) }
        guard years[date.year] != nil else {
            if !date.weekday.isWeekend { notes.append(.noData(year: date.year)) }
            return notes
        }
        let decreed = holidays(on: date)
        for holiday in decreed {
            switch holiday.kind {
            case .liburNasional: notes.append(.nationalHoliday(holiday.name))
            case .cutiBersama: notes.append(skipsCutiBersama ? .cutiBersama(holiday.name) : .cutiBersamaWorked(holiday.name))
            }
        }
        if years[date.year]!.provisional, !decreed.isEmpty {
            notes.append(.provisionalData(year: date.year))
        }
        return notes
    }
}

/// Refusals of the calendar; the CLI and the TUI put them in words.
public enum CalendarError: Error, Equatable, Sendable {
    /// N must be at least one working day.
    case workingDaysOutOfRange(Int)
    /// The date, or the deadline it leads to, is outside `WorkingCalendar.supportedYears`.
    case outsideSupportedRange(LocalDate)
}

/// The per-day index behind `WorkingCalendar`: flags, cumulative counts and working days.
final class DayIndex: Sendable {
    static let working: UInt8 = 1

    let firstDay: Int
    let flags: [UInt8]
    /// `cumulative[i]`: working days in [firstDay, firstDay + i].
    let cumulative: [Int32]
    /// Offsets from `firstDay` of the working days, in order.
    let working: [Int32]

    init(years: [Int: HolidayYear], skipsCutiBersama: Bool) {
        let first = LocalDate(year: WorkingCalendar.supportedYears.lowerBound, month: 1, day: 1)!.dayNumber
        let last = LocalDate(year: WorkingCalendar.supportedYears.upperBound, month: 12, day: 31)!.dayNumber
        var offDays = Set<Int>()
        for year in years.values {
            for holiday in year.holidays where holiday.kind == .liburNasional || skipsCutiBersama {
                offDays.insert(holiday.date.dayNumber)
            }
        }
        var flags = [UInt8](repeating: 0, count: last - first + 1)
        var cumulative = [Int32](repeating: 0, count: flags.count)
        var working: [Int32] = []
        working.reserveCapacity(flags.count * 5 / 7)
        var count: Int32 = 0
        for i in 0..<flags.count {
            let date = LocalDate(dayNumber: first + i)
            if !date.weekday.isWeekend && !offDays.contains(date.dayNumber) {
                flags[i] = DayIndex.working
                count += 1
                working.append(Int32(i))
            }
            cumulative[i] = count
        }
        self.firstDay = first
        self.flags = flags
        self.cumulative = cumulative
        self.working = working
    }

    @inline(__always)
    func offset(of date: LocalDate) -> Int? {
        let i = date.dayNumber - firstDay
        return i >= 0 && i < flags.count ? i : nil
    }
}

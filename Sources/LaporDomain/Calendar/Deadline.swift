/// A working-day deadline and how sure it is.
public struct Deadline: Hashable, Sendable {
    /// The event's local date (day D); counting starts the day after.
    public let start: LocalDate
    public let workingDays: Int
    public let zone: IndonesianTimeZone
    /// 23:59:59 of the last working day, in `zone`.
    public let at: Timestamp
    /// Years crossed without decree data: only weekends were skipped in them.
    public internal(set) var missingYears: [Int]
    /// Years crossed whose decree is provisional (Islamic dates still estimates).
    public internal(set) var provisionalYears: [Int]
    /// Counted from an estimated event: a report read from an export, whose dispatch date the
    /// export does not carry (`DeadlineRules.due(for:)`).
    public internal(set) var isEstimated = false

    /// The deadline's local date.
    public var date: LocalDate { at.localDate }
    /// True when the deadline may move once the missing or provisional decrees are known.
    public var isProvisional: Bool { !missingYears.isEmpty || !provisionalYears.isEmpty }
}

/// Working time left before a deadline (positive) or elapsed since it passed (negative),
/// counting 24 hours for every working day and nothing for the days off.
public struct WorkingTimeRemaining: Hashable, Sendable {
    /// Signed working seconds.
    public let seconds: Int64
    public let isOverdue: Bool

    public init(seconds: Int64, isOverdue: Bool) {
        self.seconds = seconds
        self.isOverdue = isOverdue
    }

    /// Whole working days of the magnitude.
    public var workingDays: Int { Int(abs(seconds) / 86_400) }
    /// Hours beyond the whole working days.
    public var hours: Int { Int(abs(seconds) % 86_400 / 3600) }
    /// Minutes beyond the hours.
    public var minutes: Int { Int(abs(seconds) % 3600 / 60) }
}

/// The day-by-day account of a deadline.
public struct DeadlineExplanation: Hashable, Sendable {
    public let deadline: Deadline
    public let days: [ExplainedDay]
}

public struct ExplainedDay: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// The event's own day: never counted.
        case eventDay
        /// The n-th working day counted.
        case counted(Int)
        /// Not a working day.
        case skipped
    }

    public let date: LocalDate
    public let role: Role
    public let notes: [DayNote]
}

/// Why a day is what it is; worded by `LaporText`.
public enum DayNote: Hashable, Sendable {
    case saturday
    case sunday
    case nationalHoliday(String)
    case cutiBersama(String)
    /// A cuti bersama day that the policy counts as a working day.
    case cutiBersamaWorked(String)
    /// No decree data for the year: counted as a working day, provisionally.
    case noData(year: Int)
    /// The year's decree is provisional.
    case provisionalData(year: Int)
}

import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar`: working-day deadlines and the holiday decrees behind them.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working-day deadlines (hari kerja) and the holiday decrees behind them.",
        subcommands: [CalendarDueCommand.self, CalendarExplainCommand.self, CalendarListCommand.self, CalendarCheckCommand.self]
    )
}

/// The options shared by `calendar due` and `calendar explain`.
struct DeadlineOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The event: an RFC 3339 instant (2026-03-17T10:00:00+07:00) or a date (2026-03-17, read in --timezone).",
            valueName: "time"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("Working days to add, 1 to 260.", valueName: "n"))
    var workingDays: Int

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The responsible unit's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).",
            valueName: "zone"))
    var timezone: String = IndonesianTimeZone.wib.identifier

    @Option(name: .long, help: ArgumentHelp("skip: cuti bersama are days off (default); work: they count.", valueName: "skip|work"))
    var cutiBersama: String = "skip"

    @Flag(name: .long, help: "Refuse (exit 2) when the span crosses a year with no holiday data, instead of warning.")
    var strict = false

    /// Reads the options into a deadline, or a one-sentence refusal.
    func deadline(_ text: Catalogue, explain: Bool) throws -> (Deadline, DeadlineExplanation?) {
        guard let zone = IndonesianTimeZone(name: timezone) else { throw CLIError(text.badTimezone(timezone)) }
        let skip: Bool
        switch cutiBersama.lowercased() {
        case "skip": skip = true
        case "work": skip = false
        default: throw CLIError(text.badCutiPolicy(cutiBersama))
        }
        guard (1...260).contains(workingDays) else { throw CLIError(text.workingDaysRange(workingDays)) }
        let start: Timestamp
        if let instant = Timestamp(rfc3339: from) {
            start = instant
        } else if let date = LocalDate(iso: from) {
            start = Timestamp.startOfDay(date, in: zone)
        } else {
            throw CLIError(text.badInstant(String(from.prefix(60))))
        }
        let calendar = WorkingCalendar.builtin(skipsCutiBersama: skip)
        do {
            let result: (Deadline, DeadlineExplanation?)
            if explain {
                let explanation = try calendar.explain(after: start, workingDays: workingDays, in: zone)
                result = (explanation.deadline, explanation)
            } else {
                result = (try calendar.due(after: start, workingDays: workingDays, in: zone), nil)
            }
            if strict, !result.0.missingYears.isEmpty { throw CLIError(text.missingYearStrict(result.0.missingYears)) }
            return result
        } catch let error as CalendarError {
            throw CLIError(text.calendarError(error))
        }
    }
}

/// `lapor calendar due`: the deadline as RFC 3339, for scripts.
struct CalendarDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Print the deadline N working days after an event, as RFC 3339 in the unit's zone.",
        discussion: """
            The deadline is 23:59:59 of the N-th working day strictly after the event's date in
            the zone. Example: lapor calendar due --from 2026-03-17T10:00:00+07:00 --working-days 3
            prints 2026-03-27T23:59:59+07:00. Warnings (provisional data) go to standard error.
            """
    )

    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let (result, _) = try deadline.deadline(text, explain: false)
        CommandContext.output.write(result.at.rfc3339)
        for line in text.provisionalWarning(result) { CommandContext.output.error(line) }
    }
}

/// `lapor calendar explain`: every day from the event to the deadline, counted or skipped, and why.
struct CalendarExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a deadline day by day: which days count and which are skipped, and why."
    )

    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let (result, explanation) = try deadline.deadline(text, explain: true)
        let out = CommandContext.output
        out.write(text.explanationHeading(result))
        out.write("(\(text.cutiPolicy(skip: deadline.cutiBersama.lowercased() == "skip")))")
        for day in explanation?.days ?? [] {
            var line = "  \(text.shortDate(day.date))  \(text.explainedRole(day.role))"
            if !day.notes.isEmpty { line += " — " + day.notes.map(text.dayNote).joined(separator: "; ") }
            if day.date == result.date { line += "  " + text.deadlineMarker(result) }
            out.write(line)
        }
        for line in text.provisionalWarning(result) { out.write(line) }
    }
}

/// `lapor calendar list`: the decreed holidays of a year.
struct CalendarListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the national holidays and cuti bersama of a year, with their decree."
    )

    @Option(name: .long, help: "The year, e.g. 2026.")
    var year: Int

    @Flag(name: .long, help: "Also print each entry's source decree.")
    var sources = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let out = CommandContext.output
        let available = WorkingCalendar.builtinYears.map(\.year)
        guard let data = WorkingCalendar.builtinYears.first(where: { $0.year == year }) else {
            throw CLIError(text.noYearData(year, available: available))
        }
        out.write(text.holidayListHeading(data))
        if let source = data.source { out.write(source) }
        for holiday in data.holidays {
            var line =
                "  \(holiday.date.iso)  \(text.weekdayShort(holiday.date.weekday))  \(text.holidayKind(holiday.kind).padding(toLength: 16, withPad: " ", startingAt: 0))  \(holiday.name)"
            if sources, let source = holiday.source { line += "  [\(source)]" }
            out.write(line)
        }
        let libur = data.holidays.filter { $0.kind == .liburNasional }.count
        out.write(text.holidayCount(libur: libur, cuti: data.holidays.count - libur))
    }
}

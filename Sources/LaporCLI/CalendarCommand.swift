import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar`: working-day deadlines and the holiday decrees behind them.
struct CalendarCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "calendar",
            abstract: say(
                "Working-day deadlines (hari kerja) and the holiday decrees behind them.",
                id: "Tenggat hari kerja dan SKB hari libur yang mendasarinya."),
            subcommands: [CalendarDueCommand.self, CalendarExplainCommand.self, CalendarListCommand.self, CalendarCheckCommand.self]
        )
    }
}

/// The options shared by `calendar due` and `calendar explain`.
struct DeadlineOptions: ParsableArguments {
    @Option(
        name: .long,
        help: say(
            "The event: an RFC 3339 instant (2026-03-17T10:00:00+07:00) or a date (2026-03-17, read in --timezone).",
            id: "Kejadiannya: waktu RFC 3339 (2026-03-17T10:00:00+07:00) atau tanggal (2026-03-17, dibaca dalam --timezone).", valueName: "time"))
    var from: String

    @Option(name: .long, help: say("Working days to add, 1 to 260.", id: "Jumlah hari kerja yang ditambahkan, 1 sampai 260.", valueName: "n"))
    var workingDays: Int

    @Option(
        name: .long,
        help: say(
            "The responsible unit's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).",
            id: "Zona waktu unit penanggung jawab: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).", valueName: "zone"))
    var timezone: String = IndonesianTimeZone.wib.identifier

    @Option(
        name: .long,
        help: say(
            "skip: cuti bersama are days off (default); work: they count.",
            id: "skip: cuti bersama adalah hari libur (bawaan); work: cuti bersama dihitung.", valueName: "skip|work"))
    var cutiBersama: String = "skip"

    @Flag(
        name: .long,
        help: say(
            "Refuse (exit 2) when the span crosses a year with no holiday data, instead of warning.",
            id: "Tolak (keluar 2) bila rentangnya melewati tahun tanpa data hari libur, bukan sekadar memperingatkan."))
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

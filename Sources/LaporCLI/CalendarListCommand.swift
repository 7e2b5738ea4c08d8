import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar list`: the decreed holidays of a year.
struct CalendarListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: say(
                "List the national holidays and cuti bersama of a year, with their decree.",
                id: "Daftar libur nasional dan cuti bersama satu tahun, dengan SKB-nya.")
        )
    }

    @Option(name: .long, help: say("The year, e.g. 2026.", id: "Tahunnya, mis. 2026."))
    var year: Int

    @Flag(name: .long, help: say("Also print each entry's source decree.", id: "Cetak juga SKB sumber setiap entri."))
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

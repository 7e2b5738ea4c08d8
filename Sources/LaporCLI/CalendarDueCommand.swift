import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar due`: the deadline as RFC 3339, for scripts.
struct CalendarDueCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "due",
            abstract: say(
                "Print the deadline N working days after an event, as RFC 3339 in the unit's zone.",
                id: "Cetak tenggat N hari kerja setelah suatu kejadian, sebagai RFC 3339 dalam zona waktu unit."),
            discussion: say(
                """
                The deadline is 23:59:59 of the N-th working day strictly after the event's date in \
                the zone. Example: lapor calendar due --from 2026-03-17T10:00:00+07:00 --working-days 3 \
                prints 2026-03-27T23:59:59+07:00. Warnings (provisional data) go to standard error.
                """,
                id: """
                    Tenggatnya pukul 23:59:59 pada hari kerja ke-N setelah tanggal kejadian dalam zona itu. Contoh: \
                    lapor calendar due --from 2026-03-17T10:00:00+07:00 --working-days 3 mencetak \
                    2026-03-27T23:59:59+07:00. Peringatan (data sementara) ditulis ke galat standar.
                    """
            )
        )
    }

    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let (result, _) = try deadline.deadline(text, explain: false)
        CommandContext.output.write(result.at.rfc3339)
        for line in text.provisionalWarning(result) { CommandContext.output.error(line) }
    }
}

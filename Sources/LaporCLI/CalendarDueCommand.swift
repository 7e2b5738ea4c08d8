import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar due`: the deadline as RFC 3339, for scripts.
struct CalendarDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Print the deadline N working days after an event, as RFC 3339 in the unit's zone.",
        discussion: """
            The deadline is 23:59:59 of the N-th working day strictly after the event's date in \
            the zone. Example: lapor calendar due --from 2026-03-17T10:00:00+07:00 --working-days 3 \
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

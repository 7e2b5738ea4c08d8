import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar explain`: every day from the event to the deadline, counted or skipped, and why.
struct CalendarExplainCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "explain",
            abstract: say(
                "Explain a deadline day by day: which days count and which are skipped, and why.",
                id: "Uraikan tenggat hari demi hari: hari yang dihitung dan yang dilewati, beserta alasannya.")
        )
    }

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

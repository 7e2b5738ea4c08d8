import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar check FILE…`: validates holiday decree files before a central loads them.
struct CalendarCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check holiday decree files (the format of fixtures/holidays/YYYY.json): one sentence per problem.",
        discussion: """
            Checks that each file is a decree of one year (2000-2099; a file named YYYY.json must hold \
            that year), that every date is a date of that year, every kind is libur_nasional or \
            cuti_bersama, every holiday has a name and none is listed twice. A holiday on a weekend is \
            noted, not refused. Exit 0 when every file is usable, 2 otherwise.
            """)

    @Argument(help: ArgumentHelp("Decree files or folders of them.", valueName: "file")) var files: [String]
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        var usable = true
        for path in files {
            let result = Decrees.load(path)
            for (file, problems) in result.problems {
                for problem in problems { CommandContext.output.error("\(file): \(text.decreeProblem(problem))") }
            }
            for decree in result.decrees {
                CommandContext.output.write(text.decreeSummary(decree))
            }
            if result.problems.contains(where: { $0.1.contains(where: \.isError) }) || result.decrees.isEmpty { usable = false }
        }
        if !usable { throw ExitCode(2) }
    }
}

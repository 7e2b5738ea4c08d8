import ArgumentParser
import Foundation
import LaporDomain
import LaporText

/// `lapor calendar check FILE…`: validates holiday decree files before a central loads them.
struct CalendarCheckCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: say(
                "Check holiday decree files (the format of fixtures/holidays/YYYY.json): one sentence per problem.",
                id: "Periksa berkas SKB hari libur (format fixtures/holidays/YYYY.json): satu kalimat per masalah."),
            discussion: say(
                """
                Checks that each file is a decree of one year (2000-2099; a file named YYYY.json must hold \
                that year), that every date is a date of that year, every kind is libur_nasional or \
                cuti_bersama, every holiday has a name and none is listed twice. A holiday on a weekend is \
                noted, not refused. Exit 0 when every file is usable, 2 otherwise.
                """,
                id: """
                    Memeriksa bahwa setiap berkas adalah SKB satu tahun (2000-2099; berkas bernama YYYY.json harus \
                    memuat tahun itu), setiap tanggal adalah tanggal tahun itu, setiap jenis adalah libur_nasional \
                    atau cuti_bersama, setiap hari libur punya nama dan tidak ada yang tercantum dua kali. Hari \
                    libur pada akhir pekan dicatat, tidak ditolak. Keluar 0 bila setiap berkas dapat dipakai, 2 bila \
                    tidak.
                    """
            ))
    }

    @Argument(help: say("Decree files or folders of them.", id: "Berkas SKB atau folder berisinya.", valueName: "file")) var files: [String]
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

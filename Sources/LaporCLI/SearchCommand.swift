import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText

/// `lapor search TEXT`: full text over titles, bodies and timelines.
struct SearchCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "search",
            abstract: say(
                "Search the local case store (title, body, timeline; words match as prefixes).",
                id: "Cari di penyimpanan kasus lokal (judul, isi, linimasa; kata cocok sebagai awalan)."))
    }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The words to look for.", id: "Kata yang dicari.")) var words: [String]
    @Option(help: say("At most this many results.", id: "Jumlah hasil paling banyak.")) var limit = 50
    @Option(
        help: say(
            "table, json, ndjson (one report a line), csv or csv-excel (BOM, CRLF).",
            id: "table, json, ndjson (satu laporan per baris), csv atau csv-excel (BOM, CRLF).")) var format: ListFormat = .table
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let workflow = try session.workflow(try session.reference())
        guard (1...10_000).contains(limit) else { throw CLIError(text.badLimit) }
        let query = words.joined(separator: " ")
        guard CaseStore.ftsQuery(query) != nil else { throw CLIError(text.emptySearch) }
        let rows = try session.store.search(query, limit: limit)
        let printer = ReportPrinter(text: text, workflow: workflow, now: currentTime())
        switch format {
        case .table:
            printer.table(rows, width: ReportPrinter.tableWidth(environment: CommandContext.environment)).forEach(CommandContext.output.write)
            CommandContext.output.error(text.searchFooter(rows.count))
        case .json, .ndjson:
            // As `lapor list`: the server's JSON as it came, best matches first.
            try ListCommand.writeStoredJSON(ndjson: format == .ndjson) { emit in
                for row in rows { if let json = try session.store.storedJSON(row.id) { try emit(json) } }
            }
        case .csv, .csvExcel: printer.csv(rows, excel: format == .csvExcel).forEach(CommandContext.output.write)
        }
    }
}

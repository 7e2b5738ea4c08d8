import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText

/// `lapor show ID`: one report with its whole timeline.
struct ShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: say("Show one report with its timeline and deadline.", id: "Tampilkan satu laporan dengan linimasa dan tenggatnya."))
    }

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The tracking ID.", id: "Nomor pelacakan (tracking ID).")) var id: String
    @Option(help: say("text or json.", id: "text atau json.")) var format: Format = .text
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let workflow = try session.workflow(try session.reference())
        guard Report.isValidTrackingID(id) else { throw CLIError(text.notATrackingID(id)) }
        guard let report = try session.store.report(id) else { throw CLIError(text.reportNotInStore(id), status: .notInStore) }
        let printer = ReportPrinter(text: text, workflow: workflow, now: currentTime())
        switch format {
        case .text:
            printer.detail(report, drafts: try session.store.drafts().filter { $0.key.reportId == id }, imported: try session.store.importedRow(id))
                .forEach(CommandContext.output.write)
        case .json: CommandContext.output.write(try printer.json(report))
        }
        try session.store.markSeen(id)
    }
}

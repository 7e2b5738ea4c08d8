import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

struct OutboxRetryCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "retry",
            abstract: say(
                "Queue a conflicted or failed action again (optionally with a new text).",
                id: "Antrekan lagi tindakan yang konflik atau gagal (boleh dengan teks baru)."))
    }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The item's id (or a unique prefix).", id: "ID item (atau awalan yang unik).")) var id: String
    @Option(help: say("A new text.", id: "Teks baru.")) var text: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let words = try global.catalogue()
        let session = try ProfileSession.open(profile, text: words)
        let reference = try session.reference()
        let item = try findOutboxItem(id, in: session.store, text: words)
        guard item.state.isRetryable else { throw CLIError(words.notRetryable(item.id, words.outboxState(item.state))) }
        switch try ActionDesk(store: session.store).retry(item.id, text: text, by: reference.user, workflow: try session.workflow(reference)) {
        case .queued: CommandContext.output.write(words.requeued(item.id))
        case .refused(let refusal, _): throw CLIError(words.refusal(refusal), status: .refused)
        case .notInStore: throw CLIError(words.reportNotInStore(item.reportId), status: .notInStore)
        case .alreadyQueued(let other): throw CLIError(words.alreadyQueued(item.type, reportId: item.reportId, itemId: other))
        }
    }
}

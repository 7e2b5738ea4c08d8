import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a conflicted or failed action again (optionally with a new text).")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The item's id (or a unique prefix).") var id: String
    @Option(help: "A new text.") var text: String?
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

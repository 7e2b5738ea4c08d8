import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

struct OutboxDiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard", abstract: "Give up an action that has not been sent (its text stays readable).")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The item's id (or a unique prefix).") var id: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let words = try global.catalogue()
        let session = try ProfileSession.open(profile, text: words)
        let reference = try session.reference()
        let item = try findOutboxItem(id, in: session.store, text: words)
        guard item.state.isDiscardable else { throw CLIError(words.notRetryable(item.id, words.outboxState(item.state))) }
        try ActionDesk(store: session.store).discard(item.id, by: reference.user)
        CommandContext.output.write(words.discarded(item.id))
    }
}

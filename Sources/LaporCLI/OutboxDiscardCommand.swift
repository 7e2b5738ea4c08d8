import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

struct OutboxDiscardCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "discard",
            abstract: say(
                "Give up an action that has not been sent (its text stays readable).",
                id: "Batalkan tindakan yang belum terkirim (teksnya tetap dapat dibaca)."))
    }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The item's id (or a unique prefix).", id: "ID item (atau awalan yang unik).")) var id: String
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

import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// `lapor outbox`: what waits, what was sent, what came back.
struct OutboxCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "outbox",
            abstract: say("List the outbox, or retry or discard an item.", id: "Daftar kotak keluar, atau antrekan ulang atau buang satu item."),
            subcommands: [OutboxListCommand.self, OutboxRetryCommand.self, OutboxDiscardCommand.self],
            defaultSubcommand: OutboxListCommand.self
        )
    }
}

/// Finds an outbox item by its id or a unique prefix of it.
func findOutboxItem(_ prefix: String, in store: CaseStore, text: Catalogue) throws -> OutboxItem {
    let matches = try store.outbox().filter { $0.id.hasPrefix(prefix.lowercased()) || $0.id.hasPrefix(prefix) }
    guard !prefix.isEmpty, let first = matches.first else { throw CLIError(text.unknownOutboxItem(prefix), status: .notInStore) }
    guard matches.count == 1 else { throw CLIError(text.ambiguousOutboxItem(prefix)) }
    return first
}

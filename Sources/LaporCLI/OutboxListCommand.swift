import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

struct OutboxListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: say(
                "List queued, sent, conflicted, failed and discarded actions.",
                id: "Daftar tindakan yang antre, terkirim, konflik, gagal dan dibuang."))
    }

    @OptionGroup var profile: ProfileOptions
    @Flag(help: say("Also list sent and discarded items.", id: "Tampilkan juga item yang terkirim dan dibuang.")) var all = false
    @Option(help: say("table or json.", id: "table atau json.")) var format: ListFormat = .table
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let states: Set<OutboxItem.State> = all ? Set(OutboxItem.State.allCases) : [.queued, .conflict, .failed]
        let items = try session.store.outbox(states: states)
        let out = CommandContext.output
        if format == .json {
            struct Line: Encodable {
                var id, reportId, type, state: String
                var attempts: Int
                var error: String?
                var text: String?
                var createdAt: String
            }
            let lines = items.map {
                Line(
                    id: $0.id, reportId: $0.reportId, type: $0.type.rawValue, state: $0.state.rawValue, attempts: $0.attempts, error: $0.error,
                    text: $0.request.text, createdAt: $0.createdAt.in(.wib).rfc3339)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            out.write(String(decoding: try encoder.encode(lines), as: UTF8.self))
            return
        }
        if items.isEmpty {
            out.error(text.outboxEmpty)
            return
        }
        for item in items {
            var line = "\(item.id.prefix(8))  \(item.reportId)  \(text.actionName(item.type))  [\(text.outboxState(item.state))]"
            if item.attempts > 0 { line += "  " + text.attempts(item.attempts) }
            out.write(line)
            if let error = item.error { out.write("    " + Sanitizer.line(error)) }
            if let t = item.request.text { out.write("    “" + Sanitizer.line(String(t.prefix(100))) + (t.count > 100 ? "…" : "") + "”") }
            if item.state == .conflict, let server = item.serverReport {
                out.write("    " + text.serverNow(Sanitizer.line(server.statusLabel), version: server.version))
            }
        }
    }
}

import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// `lapor act TYPE ID`: checks an action with the domain rules and queues it in the outbox.
struct ActCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act",
        abstract: "Queue an action on a report (sent by the next `lapor sync`).",
        discussion: """
            Types: verify, hold, archive, dispatch, forward, return, followup, request_info, close.
            The action is checked against the rules (role, units, status, payload) before it is queued;
            a refused action exits 2 with the reason and queues nothing.
            Examples:
              lapor act followup 9100012 --text-file balasan.txt
              lapor act forward 9100012 --unit dki-dpu-jp
              lapor act archive 9100040 --reason duplicate --duplicate-of 9100012
            """
    )

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The action type.") var type: String
    @Argument(help: "The report's tracking ID.") var reportId: String
    @Option(help: "The text (follow-up, reason, what is missing…).") var text: String?
    @Option(help: ArgumentHelp("Read the text from a file (- for standard input).", valueName: "path")) var textFile: String?
    @Option(help: "Target unit (dispatch, forward).") var unit: String?
    @Option(help: "Archive reason (incomplete, not_public_service, hoax, spam, abusive, duplicate).") var reason: String?
    @Option(help: "The original report, with --reason duplicate.") var duplicateOf: String?
    @Option(help: "verify: corrected kind.") var kind: String?
    @Option(help: "verify: corrected category id.") var category: String?
    @Option(help: "verify: corrected privacy.") var privacy: String?
    @Option(help: "verify: corrected title.") var title: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let words = try global.catalogue()
        let session = try ProfileSession.open(profile, text: words)
        let reference = try session.reference()
        let workflow = try session.workflow(reference)
        let normalized = type.replacingOccurrences(of: "-", with: "_").lowercased()
        guard let actionType = ActionType(rawValue: normalized) else {
            throw CLIError(words.unknownValue("TYPE", type, ActionType.allCases.map(\.rawValue)))
        }
        guard Report.isValidTrackingID(reportId) else { throw CLIError(words.notATrackingID(reportId)) }
        guard let report = try session.store.report(reportId) else { throw CLIError(words.reportNotInStore(reportId)) }
        var request = ActionRequest(id: UUID().uuidString.lowercased(), reportId: reportId, baseVersion: report.version, type: actionType)
        request.text = try readText(words)
        request.unitId = unit
        if let reason {
            guard let r = ArchiveReason(rawValue: reason) else {
                throw CLIError(words.unknownValue("--reason", reason, ArchiveReason.adminReasons.map(\.rawValue)))
            }
            request.reason = r
        }
        request.duplicateOf = duplicateOf
        if let kind {
            guard let k = ReportKind(rawValue: kind) else { throw CLIError(words.unknownValue("--kind", kind, ReportKind.allCases.map(\.rawValue))) }
            request.kind = k
        }
        if let privacy {
            guard let p = Privacy(rawValue: privacy) else {
                throw CLIError(words.unknownValue("--privacy", privacy, Privacy.allCases.map(\.rawValue)))
            }
            request.privacy = p
        }
        request.categoryId = category
        request.title = title
        // The rules are asked again on the stored report, in the transaction that queues it.
        let desk = ActionDesk(store: session.store)
        let draft = DraftKey(reportId: reportId, kind: actionType.rawValue)
        let finished = request
        switch try desk.queue(on: reportId, by: reference.user, workflow: workflow, draft: draft, keepRefusedText: true, make: { _ in finished }) {
        case .queued(let itemId):
            CommandContext.output.write(words.queued(actionType, reportId: reportId, itemId: itemId))
        case .refused(let refusal, let draftKept):
            throw CLIError(words.refusal(refusal) + (draftKept ? " " + words.draftKept : ""))
        case .notInStore:
            throw CLIError(words.reportNotInStore(reportId))
        }
    }

    /// `--text` or `--text-file` (at most 1 MiB, UTF-8), never both.
    func readText(_ words: Catalogue) throws -> String? {
        switch (text, textFile) {
        case (let t?, nil): return t
        case (nil, nil): return nil
        case (nil, let path?):
            let data: Data?
            if path == "-" {
                data = try? FileHandle.standardInput.readToEnd() ?? Data()
            } else {
                data = FileManager.default.contents(atPath: path)
            }
            guard let data else { throw CLIError(words.unreadableFile(path)) }
            guard data.count <= 1 << 20 else { throw CLIError(words.fileTooLarge(path)) }
            guard let string = String(data: data, encoding: .utf8) else { throw CLIError(words.notUTF8(path)) }
            return string
        default: throw CLIError(words.textTwice)
        }
    }
}

/// `lapor outbox`: what waits, what was sent, what came back.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List the outbox, or retry or discard an item.",
        subcommands: [OutboxListCommand.self, OutboxRetryCommand.self, OutboxDiscardCommand.self],
        defaultSubcommand: OutboxListCommand.self
    )
}

struct OutboxListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List queued, sent, conflicted, failed and discarded actions.")

    @OptionGroup var profile: ProfileOptions
    @Flag(help: "Also list sent and discarded items.") var all = false
    @Option(help: "table or json.") var format: ListFormat = .table
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

/// Finds an outbox item by its id or a unique prefix of it.
func findOutboxItem(_ prefix: String, in store: CaseStore, text: Catalogue) throws -> OutboxItem {
    let matches = try store.outbox().filter { $0.id.hasPrefix(prefix.lowercased()) || $0.id.hasPrefix(prefix) }
    guard !prefix.isEmpty, let first = matches.first else { throw CLIError(text.unknownOutboxItem(prefix)) }
    guard matches.count == 1 else { throw CLIError(text.ambiguousOutboxItem(prefix)) }
    return first
}

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
        guard item.state == .conflict || item.state == .failed else { throw CLIError(words.notRetryable(item.id, words.outboxState(item.state))) }
        switch try ActionDesk(store: session.store).retry(item.id, text: text, by: reference.user, workflow: try session.workflow(reference)) {
        case .queued: CommandContext.output.write(words.requeued(item.id))
        case .refused(let refusal, _): throw CLIError(words.refusal(refusal))
        case .notInStore: throw CLIError(words.reportNotInStore(item.reportId))
        }
    }
}

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
        guard item.state != .sent && item.state != .discarded else { throw CLIError(words.notRetryable(item.id, words.outboxState(item.state))) }
        try ActionDesk(store: session.store).discard(item.id, by: reference.user)
        CommandContext.output.write(words.discarded(item.id))
    }
}

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
            Types: verify, hold, archive, dispatch, forward, return, followup, request_info, close. \
            The action is checked against the rules (role, units, status, payload) before it is queued; \
            a refused action exits 6 with the reason and queues nothing (7: the report is not in the \
            local store).
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
        guard let report = try session.store.report(reportId) else { throw CLIError(words.reportNotInStore(reportId), status: .notInStore) }
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
            throw CLIError(words.refusal(refusal) + (draftKept ? " " + words.draftKept : ""), status: .refused)
        case .notInStore:
            throw CLIError(words.reportNotInStore(reportId), status: .notInStore)
        case .alreadyQueued(let itemId):
            throw CLIError(words.alreadyQueued(actionType, reportId: reportId, itemId: itemId), status: .refused)
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

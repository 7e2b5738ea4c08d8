import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// `lapor act TYPE ID`: checks an action with the domain rules and queues it in the outbox.
struct ActCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "act",
            abstract: say(
                "Queue an action on a report (sent by the next `lapor sync`).",
                id: "Antrekan tindakan atas laporan (dikirim oleh `lapor sync` berikutnya)."),
            discussion: say(
                """
                Types: verify, hold, archive, dispatch, forward, return, followup, request_info, close. \
                The action is checked against the rules (role, units, status, payload) before it is queued; \
                a refused action exits 6 with the reason and queues nothing (7: the report is not in the \
                local store). Tracking IDs: lapor list (or lapor list --format json).
                Examples (ID is a tracking ID):
                  lapor act followup ID --text-file balasan.txt
                  lapor act forward ID --unit dki-dpu-jp
                  lapor act archive ID --reason duplicate --duplicate-of ID
                """,
                id: """
                    Jenis: verify, hold, archive, dispatch, forward, return, followup, request_info, close. \
                    Tindakan diperiksa terhadap aturan (peran, unit, status, isi) sebelum diantrekan; \
                    tindakan yang ditolak keluar 6 dengan alasannya dan tidak mengantrekan apa pun (7: laporan \
                    tidak ada di penyimpanan lokal). Nomor pelacakan: lapor list (atau lapor list --format json).
                    Contoh (ID adalah nomor pelacakan):
                      lapor act followup ID --text-file balasan.txt
                      lapor act forward ID --unit dki-dpu-jp
                      lapor act archive ID --reason duplicate --duplicate-of ID
                    """)
        )
    }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The action type.", id: "Jenis tindakan.")) var type: String
    @Argument(help: say("The report's tracking ID.", id: "Nomor pelacakan laporan.")) var reportId: String
    @Option(help: say("The text (follow-up, reason, what is missing…).", id: "Teksnya (tindak lanjut, alasan, yang kurang…).")) var text: String?
    @Option(help: say("Read the text from a file (- for standard input).", id: "Baca teks dari berkas (- untuk masukan standar).", valueName: "path"))
    var textFile: String?
    @Option(help: say("Target unit (dispatch, forward).", id: "Unit tujuan (dispatch, forward).")) var unit: String?
    @Option(
        help: say(
            "Archive reason (incomplete, not_public_service, hoax, spam, abusive, duplicate).",
            id: "Alasan arsip (incomplete, not_public_service, hoax, spam, abusive, duplicate).")) var reason: String?
    @Option(help: say("The original report, with --reason duplicate.", id: "Laporan asli, dengan --reason duplicate.")) var duplicateOf: String?
    @Option(help: say("verify: corrected kind.", id: "verify: jenis yang dikoreksi.")) var kind: String?
    @Option(help: say("verify: corrected category id.", id: "verify: ID kategori yang dikoreksi.")) var category: String?
    @Option(help: say("verify: corrected privacy.", id: "verify: kerahasiaan yang dikoreksi.")) var privacy: String?
    @Option(help: say("verify: corrected title.", id: "verify: judul yang dikoreksi.")) var title: String?
    @Flag(
        help: say(
            "Send a text with personal data (phone, NIK, e-mail, the reporter's name) on an anonim or rahasia report.",
            id: "Kirim teks berisi data pribadi (telepon, NIK, e-mail, nama pelapor) pada laporan anonim atau rahasia."))
    var allowPersonalData = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let words = try global.catalogue()
        let session = try ProfileSession.open(profile, text: words)
        let normalized = type.replacingOccurrences(of: "-", with: "_").lowercased()
        guard let actionType = ActionType(rawValue: normalized) else {
            throw CLIError(words.unknownValue("TYPE", type, ActionType.allCases.map(\.rawValue)))
        }
        guard Report.isValidTrackingID(reportId) else { throw CLIError(words.notATrackingID(reportId)) }
        guard let report = try session.store.report(reportId) else { throw CLIError(words.reportNotInStore(reportId), status: .notInStore) }
        let draft = DraftKey(reportId: reportId, kind: actionType.rawValue)
        if session.profile.isOffline {
            // Nothing is sent from an export's profile; a text given is kept as the draft.
            if ActionRule.rule(for: actionType).draftsOffline, let text = try readText(words),
                !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                try session.store.saveDraft(draft, text: text, at: currentTime())
                throw CLIError(words.offlineCannotAct(session.profile.name) + " " + words.draftKept)
            }
            throw CLIError(words.offlineCannotAct(session.profile.name))
        }
        let reference = try session.reference()
        let workflow = try session.workflow(reference)
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
        // Personal data in the text of a report that hides its reporter: refused unless asked
        // for (the text kept as the draft, so nothing typed is lost).
        if let outgoing = request.text, !allowPersonalData {
            let found = PersonalData.inOutgoingText(outgoing, of: report)
            if !found.isEmpty {
                try session.store.saveDraft(draft, text: outgoing, at: currentTime())
                throw CLIError(words.personalDataFound(found.map { ($0.kind, Sanitizer.line($0.text)) }) + " " + words.draftKept, status: .refused)
            }
        }
        // The rules are asked again on the stored report, in the transaction that queues it.
        let desk = ActionDesk(store: session.store)
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

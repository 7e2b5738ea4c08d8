import LaporDomain

// The sentences of acting in the terminal UI: the composer, pickers, confirmations, the outbox.
extension Catalogue {
    public var stillLoading: String {
        pick("Rincian laporan sedang dimuat; coba lagi sebentar.", "The report is still loading; try again in a moment.")
    }
    public var noUnitToChoose: String {
        pick("Tidak ada unit tujuan yang diizinkan untuk laporan ini.", "There is no unit this report may go to.")
    }
    public var pickReason: String { pick("Alasan pengarsipan", "Archive reason") }
    public var pickCategory: String { pick("Kategori", "Category") }
    public var pickTemplate: String { pick("Templat balasan (ketik untuk menyaring)", "Reply template (type to narrow)") }
    public var nothingMatches: String { pick("(tidak ada yang cocok)", "(nothing matches)") }
    public var noTemplates: String { pick("Tidak ada templat balasan.", "There are no reply templates.") }
    public var textLimitReached: String {
        pick("Batas 20.000 karakter tercapai; sisa teks tidak dimasukkan.", "The 20,000-character limit is reached; the rest was left out.")
    }
    public var draftKept: String {
        pick("Draf disimpan; buka lagi laporan ini untuk melanjutkan.", "Draft kept; open this report again to go on.")
    }
    public func draftRestored(_ characters: Int) -> String {
        pick("Draf dipulihkan (\(characters) karakter).", "Draft restored (\(characters) characters).")
    }
    public var composerOpen: String {
        pick("Penyusun teks masih terbuka: Tab kembali menulis, Esc menutupnya.", "The composer is open: Tab goes back to writing, Esc closes it.")
    }
    public var cancelled: String { pick("Dibatalkan; tidak ada yang dikirim.", "Cancelled; nothing was queued.") }
    public var confirmTitle: String { pick("Konfirmasi", "Confirm") }
    /// A confirmation's heading: the tracking number it acts on, or how many when marked.
    public func confirmHeading(_ ids: [String]) -> String {
        switch ids.count {
        case 0: return confirmTitle
        case 1: return pick(" Konfirmasi · LAPOR \(ids[0]) ", " Confirm · LAPOR \(ids[0]) ")
        default: return pick(" Konfirmasi · \(ids.count) laporan ", " Confirm · \(ids.count) reports ")
        }
    }
    public var replacesOutboxItem: String {
        pick("Menggantikan item kotak keluar yang konflik/gagal.", "Replaces the conflicted/failed outbox item.")
    }
    public var notYetSynced: String { pick("belum tersinkron", "not yet synced") }
    public var noTextToEdit: String { pick("Item ini tidak memiliki teks untuk disunting.", "This item has no text to edit.") }
    public var noText: String { pick("(tanpa teks)", "(no text)") }
    public var reportLeftSight: String {
        pick(
            "Di server: laporan ini sudah tidak berada di unit Anda (diteruskan atau dikembalikan); teks Anda tetap tersimpan di sini.",
            "On the server: this report is no longer in your units (forwarded or returned); your text stays here.")
    }
    public var outboxUpdated: String { pick("Kotak keluar diperbarui.", "Outbox updated.") }
    public var duplicatePrompt: String {
        pick("Nomor pelacakan laporan asli (laporan ini duplikatnya):", "Tracking ID of the original report (this one duplicates it):")
    }
    public func archiveReasonLine(_ reason: String) -> String { pick("Alasan: \(reason)", "Reason: \(reason)") }
    public func duplicateOfLine(_ id: String, title: String) -> String {
        pick("Duplikat dari \(id)", "Duplicate of \(id)") + (title.isEmpty ? "" : " — " + title)
    }
    public func change(_ field: String, _ before: String, _ after: String) -> String { "\(field): \(before) → \(after)" }
    public func unfilledPlaceholders(_ n: Int) -> String {
        pick("⚠ \(n) isian [...] templat belum diisi.", "⚠ \(n) template blank(s) [...] not filled in.")
    }
    public var noCorrections: String { pick("Tanpa koreksi.", "No corrections.") }
    public var marksCleared: String { pick("Semua tanda dilepas.", "All marks cleared.") }

    public func markedCount(_ n: Int) -> String { pick("\(n) ditandai", "\(n) marked") }

    public func pickUnit(_ type: ActionType) -> String {
        type == .dispatch
            ? pick("Disposisi ke unit (ketik untuk menyaring)", "Dispatch to unit (type to narrow)")
            : pick("Teruskan ke sub-unit (ketik untuk menyaring)", "Forward to sub-unit (type to narrow)")
    }

    public func archiveReasonName(_ reason: ArchiveReason) -> String {
        switch reason {
        case .incomplete: pick("Tidak lengkap", "Incomplete")
        case .notPublicService: pick("Bukan pelayanan publik", "Not a public service")
        case .hoax: pick("Hoaks", "Hoax")
        case .spam: "Spam"
        case .abusive: pick("Kasar/menghina", "Abusive")
        case .duplicate: pick("Duplikat", "Duplicate")
        case .noReply: pick("Pelapor tidak menanggapi", "No reply from the reporter")
        }
    }

    public func kindName(_ kind: ReportKind) -> String {
        switch kind {
        case .pengaduan: pick("pengaduan", "complaint (pengaduan)")
        case .aspirasi: pick("aspirasi", "aspiration (aspirasi)")
        case .permintaanInformasi: pick("permintaan informasi", "information request")
        }
    }

    public func composerTitle(_ pending: PendingComposerTitle) -> String {
        let target =
            pending.reportIds.count == 1 ? pending.reportIds[0] : pick("\(pending.reportIds.count) laporan", "\(pending.reportIds.count) reports")
        let retry = pending.retry ? pick(" · sunting ulang", " · editing again") : ""
        return " " + actionName(pending.type).capitalizedFirst + " · " + target + retry
    }

    public func composerFooter(count: Int, limit: Int) -> String {
        pick("─ \(grouped(count))/\(grouped(limit)) karakter ", "─ \(grouped(count))/\(grouped(limit)) characters ")
    }

    func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += language == .id ? "." : "," }
            out.append(c)
        }
        return out
    }

    public func confirmOne(_ action: String, reportId: String, title: String) -> String {
        pick("\(action.capitalizedFirst) untuk laporan \(reportId) — \(title)", "\(action.capitalizedFirst) on report \(reportId) — \(title)")
    }

    public func confirmBulk(_ action: String, count: Int, ids: [String]) -> String {
        let list = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
        return pick("\(action.capitalizedFirst) untuk \(count) laporan: \(list)", "\(action.capitalizedFirst) on \(count) reports: \(list)")
    }

    public func effect(status: String, unit: String?, deadlineMoves: Bool) -> String {
        var line = pick("Akibat: status menjadi “\(status)”", "Effect: the status becomes “\(status)”")
        if let unit { line += pick(", di \(unit)", ", with \(unit)") }
        line +=
            deadlineMoves
            ? pick("; tenggat dihitung ulang.", "; the deadline is recomputed.") : pick("; tenggat tidak berubah.", "; the deadline stays.")
        return line
    }

    public func confirmRequeue(_ type: ActionType, reportId: String) -> String {
        pick(
            "Kirim ulang \(actionName(type)) untuk laporan \(reportId) apa adanya?",
            "Queue the \(actionName(type)) on report \(reportId) again, unchanged?")
    }
    public func confirmDiscard(_ type: ActionType, reportId: String) -> String {
        pick(
            "Batalkan \(actionName(type)) untuk laporan \(reportId)? Teksnya tetap dapat dibaca di kotak keluar.",
            "Discard the \(actionName(type)) on report \(reportId)? Its text stays readable in the outbox.")
    }
    public func notChangeable(_ type: ActionType, reportId: String, state: String) -> String {
        pick(
            "\(actionName(type).capitalizedFirst) untuk laporan \(reportId) berstatus \(state); tidak dapat diubah.",
            "\(actionName(type).capitalizedFirst) on report \(reportId) is \(state); it cannot be changed.")
    }
    /// Why the server refused, in the user's words: the action against the report's status now.
    public func conflictNow(_ type: ActionType, status: String?) -> String {
        guard let status else {
            return pick(
                "Server menolak \(actionName(type)): laporan sudah tidak dapat Anda lihat.",
                "The server refused the \(actionName(type)): the report is no longer yours to see.")
        }
        return pick(
            "Server menolak \(actionName(type)): laporan kini berstatus \(status), dan tindakan ini tidak berlaku pada status itu.",
            "The server refused the \(actionName(type)): the report is now \(status), where this action does not apply.")
    }
    public func failedOnServer(_ type: ActionType) -> String {
        pick(
            "Server menolak \(actionName(type)) karena isinya (rincian di bawah).",
            "The server refused the \(actionName(type)) for its content (details below).")
    }

    public func bulkSummary(_ action: String, queued: Int, refused: Int) -> String {
        pick(
            "\(action.capitalizedFirst): \(queued) laporan masuk kotak keluar, \(refused) ditolak.",
            "\(action.capitalizedFirst): \(queued) reports queued, \(refused) refused.")
    }

    public func queuedOnScreen(_ action: String, reportId: String) -> String {
        pick(
            "\(action.capitalizedFirst) untuk \(reportId) masuk kotak keluar; dikirim saat sinkron.",
            "\(action.capitalizedFirst) on \(reportId) is in the outbox; it goes out with the sync.")
    }

    public func outboxTitle(_ n: Int) -> String { pick("Kotak keluar (\(n))", "Outbox (\(n))") }
    public func yourText(_ attempts: Int) -> String {
        attempts > 0 ? pick("Teks Anda (\(attempts) kali dicoba):", "Your text (\(attempts) attempts):") : pick("Teks Anda:", "Your text:")
    }
    public func serverSaid(_ words: String) -> String { pick("Server: \(words)", "Server: \(words)") }
    public func editorFailed(_ reason: String) -> String {
        pick(
            "Editor tidak berhasil (\(reason)); teks di penyusun tidak berubah.",
            "The editor did not finish (\(reason)); the composer's text is unchanged.")
    }

    public func verifyTitle(_ ids: [String]) -> String {
        ids.count == 1
            ? pick("Verifikasi laporan \(ids[0]) — koreksi bila perlu", "Verify report \(ids[0]) — correct if needed")
            : pick("Verifikasi \(ids.count) laporan", "Verify \(ids.count) reports")
    }

    public func verifyFieldName(_ index: Int) -> String {
        [pick("Jenis", "Kind"), pick("Kategori", "Category"), pick("Privasi", "Privacy"), pick("Judul", "Title")][index]
    }

}

/// What the composer's title needs (kept apart from the TUI's own types).
public struct PendingComposerTitle: Sendable {
    public var type: ActionType
    public var reportIds: [String]
    public var retry: Bool
    public init(type: ActionType, reportIds: [String], retry: Bool) {
        self.type = type
        self.reportIds = reportIds
        self.retry = retry
    }
}

extension String {
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// The privacy guard's sentences (issue 16).
extension Catalogue {
    /// One kind of personal data, named.
    public func personalDataKind(_ kind: PersonalData.Kind) -> String {
        switch kind {
        case .phone: pick("nomor telepon", "phone number")
        case .nik: pick("NIK", "NIK")
        case .email: pick("e-mail", "e-mail")
        case .reporterName: pick("nama pelapor", "the reporter's name")
        case .reporterContact: pick("kontak pelapor", "the reporter's contact")
        }
    }

    /// The matches, named and quoted (at most five).
    public func personalDataList(_ found: [(PersonalData.Kind, String)]) -> String {
        found.prefix(5).map { "\(personalDataKind($0.0)) '\($0.1)'" }.joined(separator: ", ") + (found.count > 5 ? " …" : "")
    }

    /// The confirmation of a text with personal data on a report that hides its reporter.
    public func personalDataInConfirmation(_ found: [(PersonalData.Kind, String)]) -> String {
        pick(
            "⚠ Teks memuat data pribadi untuk laporan anonim/rahasia: \(personalDataList(found)).",
            "⚠ The text holds personal data for an anonim/rahasia report: \(personalDataList(found)).")
    }

    /// Under the matches: y once more (`copying`: to the clipboard, on an offline profile).
    public func personalDataAskAgain(copying: Bool = false) -> String {
        copying
            ? pick("Tekan y sekali lagi untuk tetap menyalin, n untuk kembali.", "Press y once more to copy it anyway, n to go back.")
            : pick("Tekan y sekali lagi untuk tetap mengirim, n untuk kembali.", "Press y once more to send it anyway, n to go back.")
    }

    public func personalDataConfirmAgain(copying: Bool = false) -> String {
        copying
            ? pick(
                "Yakin? Data pribadi akan ada di papan klip. y: salin, n: batal.",
                "Sure? The personal data will be on the clipboard. y: copy, n: cancel.")
            : pick("Yakin? Data pribadi akan terkirim. y: kirim, n: batal.", "Sure? The personal data will be sent. y: send, n: cancel.")
    }

    /// The verify form of a public report whose text holds personal data.
    public func personalDataInPublicReport(_ found: [(PersonalData.Kind, String)]) -> String {
        pick(
            "⚠ Laporan publik ini memuat data pribadi: \(personalDataList(found)). Ctrl-R: jadikan rahasia.",
            "⚠ This public report holds personal data: \(personalDataList(found)). Ctrl-R: make it rahasia.")
    }

    /// `lapor act` refusing a text with personal data on a report that hides its reporter.
    public func personalDataFound(_ found: [(PersonalData.Kind, String)]) -> String {
        let list = personalDataList(found)
        return pick(
            "Teks memuat data pribadi pada laporan anonim/rahasia: \(list). Hapus atau samarkan, atau kirim juga dengan --allow-personal-data.",
            "The text holds personal data on an anonim/rahasia report: \(list). Remove or mask it, or send it anyway with --allow-personal-data.")
    }
}

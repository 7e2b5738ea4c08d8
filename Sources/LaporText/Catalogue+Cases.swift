import LaporDomain

// The sentences of the case store, sync and the listing commands.
extension Catalogue {
    // MARK: Profiles and login

    public var noProfiles: String {
        pick(
            "Belum ada profil. Masuk dulu: lapor login --server URL --token TOKEN",
            "No profile yet. Log in first: lapor login --server URL --token TOKEN")
    }

    public func chooseProfile(_ names: [String]) -> String {
        pick(
            "Ada beberapa profil (\(names.joined(separator: ", "))): pilih dengan --profile.",
            "There are several profiles (\(names.joined(separator: ", "))): choose one with --profile.")
    }

    public func unknownProfile(_ name: String, known: [String]) -> String {
        let list = known.isEmpty ? "-" : known.joined(separator: ", ")
        return pick("Profil '\(name)' tidak ada (tersedia: \(list)).", "No profile '\(name)' (known: \(list)).")
    }

    public func badProfileName(_ name: String) -> String {
        pick(
            "Nama profil '\(name)' tidak valid: gunakan huruf, angka, - dan _ (paling banyak 64).",
            "'\(name)' is not a valid profile name: use letters, digits, - and _ (at most 64).")
    }

    public func badConfig(_ path: String, _ error: any Error) -> String {
        pick("Berkas konfigurasi \(path) tidak dapat dibaca: \(error)", "Cannot read the configuration file \(path): \(error)")
    }

    public func cannotOpenStore(_ path: String, _ reason: String) -> String {
        pick("Penyimpanan kasus \(path) tidak dapat dibuka: \(reason)", "Cannot open the case store \(path): \(reason)")
    }

    public var storeUpgrading: String {
        pick(
            "Memperbarui penyimpanan lokal ke versi baru (sekali saja; beberapa detik untuk 100.000 laporan)…",
            "Upgrading the local store to the new version (once; a few seconds for 100,000 reports)…")
    }

    public func cannotWrite(_ path: String) -> String { pick("Tidak dapat menulis \(path).", "Cannot write \(path).") }

    public func noToken(_ profile: String) -> String {
        pick(
            "Profil '\(profile)' tidak punya token: setel LAPOR_TOKEN atau masuk lagi dengan lapor login.",
            "Profile '\(profile)' has no token: set LAPOR_TOKEN or log in again with lapor login.")
    }

    public func unreadableTokenFile(_ path: String) -> String {
        pick("Berkas token \(path) tidak dapat dibaca atau kosong.", "The token file \(path) cannot be read or is empty.")
    }

    public var tokenRequired: String {
        pick("Berikan token dengan --token atau --token-file (atau LAPOR_TOKEN).", "Give the token with --token or --token-file (or LAPOR_TOKEN).")
    }

    public var tokenTwice: String { pick("Pilih salah satu: --token atau --token-file.", "Use either --token or --token-file, not both.") }
    public var badToken: String { pick("Token tidak valid (kosong atau berisi spasi).", "The token is not valid (empty or with spaces).") }

    public func badServerURL(_ url: String) -> String {
        pick(
            "Alamat server '\(url)' tidak valid: gunakan http://host:port atau https://host.",
            "'\(url)' is not a server address: use http://host:port or https://host.")
    }

    public func badSyncInterval(_ n: Int) -> String {
        pick("Selang sinkron harus 10 sampai 86400 detik, bukan \(n).", "The sync interval must be 10 to 86400 seconds, not \(n).")
    }

    public func insecureQuestion(_ host: String) -> String {
        pick(
            "Peringatan: \(host) memakai http:// tanpa enkripsi; token dan data pelapor akan terkirim terbuka. Lanjutkan?",
            "Warning: \(host) uses plain http://; the token and reporters' data would travel in clear. Continue?")
    }

    public func insecureRefused(_ host: String) -> String {
        pick(
            "Token tidak dikirim ke \(host) lewat http:// tanpa enkripsi. Gunakan https://, atau --trust-host bila jaringan ini tepercaya.",
            "Not sending the token to \(host) over plain http://. Use https://, or --trust-host if this network is trusted.")
    }

    public var tokenRefused: String {
        pick(
            "Token ditolak server (401/403). Masuk lagi: lapor login --server URL --token TOKEN",
            "The server refused the token (401/403). Log in again: lapor login --server URL --token TOKEN")
    }

    public func offline(_ why: String) -> String {
        pick(
            "Server tidak dapat dihubungi (\(why)). Tidak ada yang hilang; coba lagi nanti.",
            "Cannot reach the server (\(why)). Nothing is lost; try again later.")
    }

    public func serverUnavailable(_ status: Int) -> String {
        pick(
            "Server sedang tidak tersedia (HTTP \(status)). Tidak ada yang hilang; coba lagi nanti.",
            "The server is unavailable (HTTP \(status)). Nothing is lost; try again later.")
    }

    public func badResponse(_ why: String) -> String {
        pick(
            "Jawaban server tidak sesuai kontrak (\(why)); penyimpanan lokal tidak diubah.",
            "The server's answer does not follow the contract (\(why)); the local store is unchanged.")
    }

    public func loggedIn(user: User, unitName: String?, server: String, profile: String) -> String {
        let unit = unitName.map { ", \($0)" } ?? (user.role == .admin ? pick(", nasional", ", national") : "")
        return pick(
            "Masuk sebagai \(user.name) (\(roleName(user.role))\(unit)) di \(server). Profil '\(profile)' tersimpan; jalankan lapor sync untuk menarik laporan.",
            "Logged in as \(user.name) (\(roleName(user.role))\(unit)) at \(server). Profile '\(profile)' saved; run lapor sync to pull reports.")
    }

    public func notSyncedYet(_ profile: String) -> String {
        pick(
            "Profil '\(profile)' belum punya data referensi: jalankan lapor login lalu lapor sync.",
            "Profile '\(profile)' has no reference data yet: run lapor login, then lapor sync.")
    }

    public var badUnitTree: String {
        pick("Pohon unit dari server tidak valid; jalankan lapor sync lagi.", "The unit tree from the server is not valid; run lapor sync again.")
    }

    // MARK: Sync

    public var syncReference: String { pick("Memeriksa token dan data referensi…", "Checking the token and reference data…") }

    public func syncPulled(pages: Int, reports: Int, removed: Int, rate: Double) -> String {
        pick(
            "Menarik: \(pages) halaman, \(reports) laporan, \(removed) dihapus (\(Int(rate)) laporan/detik)",
            "Pulling: \(pages) pages, \(reports) reports, \(removed) removed (\(Int(rate)) reports/s)")
    }

    public func syncPushed(done: Int, total: Int) -> String { pick("Mengirim tindakan \(done)/\(total)", "Sending actions \(done)/\(total)") }
    /// The server's 429: the sync waits as told; nothing failed.
    public func syncRateLimited(_ seconds: Int) -> String {
        pick(
            "Server meminta akun ini memperlambat; menunggu \(seconds) detik lalu melanjutkan (tidak ada yang gagal).",
            "The server asked this account to slow down; waiting \(seconds) s, then going on (nothing failed).")
    }

    public var watchStopped: String { pick("Sinkron berkala dihentikan.", "Periodic sync stopped.") }

    // MARK: Lists

    public var columnID: String { "ID" }
    public var columnStatus: String { "STATUS" }
    public var columnDeadline: String { pick("TENGGAT", "DEADLINE") }
    public var columnUnit: String { "UNIT" }
    public var columnTitle: String { pick("JUDUL", "TITLE") }

    public func statusShort(_ status: ReportStatus) -> String {
        switch status {
        case .submitted: pick("Belum Verifikasi", "Unverified")
        case .held: pick("Ditunda", "On hold")
        case .verified: pick("Terverifikasi", "Verified")
        case .dispatched: pick("Terdisposisi", "Dispatched")
        case .infoRequested: pick("Menunggu Pelapor", "Awaiting reporter")
        case .followedUp: pick("Ditindaklanjuti", "Followed up")
        case .replied: pick("Ditanggapi", "Reporter replied")
        case .closed: pick("Ditutup", "Closed")
        case .archived: pick("Diarsipkan", "Archived")
        case .unknown: pick("Tak dikenal", "Unknown")
        }
    }

    /// `2 hk 5 j` / `TERLAMBAT 1 hk 3 j`.
    /// `2 hk 5 j`; without `hours`, `2 hk` (where the column is too narrow for both).
    public func countdownShort(_ r: WorkingTimeRemaining, hours: Bool = true) -> String {
        let span =
            hours ? pick("\(r.workingDays) hk \(r.hours) j", "\(r.workingDays) wd \(r.hours) h") : pick("\(r.workingDays) hk", "\(r.workingDays) wd")
        return r.isOverdue ? pick("TERLAMBAT ", "OVERDUE ") + span : span
    }

    public func clockName(_ clock: DeadlineRules.Clock) -> String {
        switch clock {
        case .verification: pick("Tenggat verifikasi", "Verification deadline")
        case .followUp: pick("Tenggat tindak lanjut", "Follow-up deadline")
        case .autoClose: pick("Ditutup otomatis", "Closes automatically")
        case .systemArchive: pick("Diarsipkan otomatis", "Archived automatically")
        }
    }

    /// `Tenggat tindak lanjut: 2 hari kerja 5 jam lagi — Jum 27 Mar 23:59 WIB`.
    public func countdownLong(_ clock: DeadlineRules.Clock, _ r: WorkingTimeRemaining, due: Timestamp, zone: IndonesianTimeZone) -> String {
        let local = due.in(zone).localDate
        let when = "\(weekdayShort(local.weekday)) \(local.day) \(monthShort(local.month)) 23:59 \(zone.abbreviation)"
        let span = pick("\(r.workingDays) hari kerja \(r.hours) jam", "\(r.workingDays) working days \(r.hours) hours")
        let state = r.isOverdue ? pick("TERLAMBAT \(span)", "OVERDUE by \(span)") : pick("\(span) lagi", "\(span) left")
        return "\(clockName(clock)): \(state) — \(when)"
    }

    /// The early warning (v1.1 item 6): shown from `escalation_warning_at` to the escalation.
    public func escalationWarning(_ daysLeft: Int) -> String {
        pick(
            "⚑ Menjelang eskalasi (\(daysLeft) hari lagi): selesaikan sebelum dapat diambil alih Ombudsman.",
            "⚑ Escalation approaching (\(daysLeft) day\(daysLeft == 1 ? "" : "s") left): settle it before the Ombudsman may take it over.")
    }

    /// A deadline that counts days of a year whose holiday decree is provisional or missing.
    public func provisionalNote(_ years: [Int]) -> String {
        let list = Array(Set(years)).sorted().map(String.init).joined(separator: ", ")
        return pick(
            "≈ Tenggat perkiraan: keputusan libur tahun \(list) belum final atau belum ada; tanggal dapat bergeser.",
            "≈ Provisional deadline: the holiday decree of \(list) is not final or not known yet; the date may move.")
    }

    public func escalatedNote(_ days: Int) -> String {
        pick(
            "ESKALASI: lebih dari \(days) hari kalender sejak diterima (dapat diambil alih Ombudsman).",
            "ESCALATED: more than \(days) calendar days since submission (the Ombudsman may take it over).")
    }

    public func listFooter(shown: Int, total: Int, view: String) -> String {
        pick("\(shown) dari \(total) laporan (tampilan \(view)).", "\(shown) of \(total) reports (view \(view)).")
    }

    public func searchFooter(_ n: Int) -> String { pick("\(n) laporan cocok.", "\(n) matching reports.") }
    public var emptySearch: String { pick("Kata pencarian kosong.", "Nothing to search for.") }
    public var badLimit: String {
        pick("--limit harus 1 sampai 100000 dan --offset tidak negatif.", "--limit must be 1 to 100000 and --offset not negative.")
    }

    public func unknownValue(_ option: String, _ value: String, _ allowed: [String]) -> String {
        pick(
            "\(option) '\(value)' tidak dikenal; pilihan: \(allowed.joined(separator: ", ")).",
            "Unknown \(option) '\(value)'; choose from: \(allowed.joined(separator: ", ")).")
    }

    public func unknownUnit(_ id: String) -> String { pick("Unit '\(id)' tidak dikenal.", "Unknown unit '\(id)'.") }
    public func unknownCategory(_ id: String) -> String { pick("Kategori '\(id)' tidak dikenal.", "Unknown category '\(id)'.") }

    public func notATrackingID(_ id: String) -> String {
        pick("'\(id)' bukan nomor pelacakan LAPOR! (7 sampai 12 angka).", "'\(id)' is not a LAPOR! tracking ID (7 to 12 digits).")
    }

    public func reportNotInStore(_ id: String) -> String {
        pick(
            "Laporan \(id) tidak ada di penyimpanan lokal; jalankan lapor sync (atau laporan ini di luar unit Anda).",
            "Report \(id) is not in the local store; run lapor sync (or it is outside your units).")
    }

    // MARK: Detail

    public func reportHeading(_ id: String, version: Int) -> String { pick("Laporan \(id) · versi \(version)", "Report \(id) · version \(version)") }
    public func field(_ label: String, _ value: String) -> String { "\(label): \(value)" }
    public var labelTitle: String { pick("Judul", "Title") }
    public var labelStatus: String { "Status" }
    public var labelKind: String { pick("Jenis", "Kind") }
    public var labelChannel: String { pick("Kanal", "Channel") }
    public var labelCategory: String { pick("Kategori", "Category") }
    public var labelUnit: String { "Unit" }
    public var labelLocation: String { pick("Lokasi", "Location") }
    public var labelPrivacy: String { pick("Privasi", "Privacy") }
    public var labelReporter: String { pick("Pelapor", "Reporter") }
    public var labelSubmitted: String { pick("Diterima", "Submitted") }
    public var labelArchiveReason: String { pick("Alasan arsip", "Archive reason") }
    public var labelRating: String { pick("Penilaian", "Rating") }
    public var labelAttachment: String { pick("Lampiran", "Attachment") }
    public var labelBody: String { pick("Isi laporan", "Report") }
    public var labelTimeline: String { pick("Riwayat", "Timeline") }
    public var identityHidden: String { pick("(identitas dirahasiakan)", "(identity withheld)") }
    public var bySystem: String { pick("oleh sistem", "by the system") }

    public func privacyName(_ p: Privacy) -> String {
        switch p {
        case .public: pick("publik", "public")
        case .anonim: "anonim"
        case .rahasia: "rahasia"
        }
    }

    public func eventName(_ type: TimelineEvent.EventType) -> String {
        switch type {
        case .submitted: pick("Laporan masuk", "Submitted")
        case .verified: pick("Diverifikasi", "Verified")
        case .held: pick("Ditunda", "Put on hold")
        case .dispatched: pick("Didisposisikan", "Dispatched")
        case .forwarded: pick("Diteruskan", "Forwarded")
        case .returned: pick("Dikembalikan (bukan wewenang)", "Returned (not our authority)")
        case .followup: pick("Tindak lanjut", "Follow-up")
        case .infoRequested: pick("Meminta informasi", "Information requested")
        case .reporterReply: pick("Tanggapan pelapor", "Reporter replied")
        case .closed: pick("Ditutup", "Closed")
        case .archived: pick("Diarsipkan", "Archived")
        case .reopened: pick("Dibuka kembali", "Reopened")
        case .rated: pick("Dinilai pelapor", "Rated by the reporter")
        }
    }

    public func draftNote(kind: String, characters: Int, leftUnit: Bool) -> String {
        let base = pick("Draf tersimpan: \(kind) (\(characters) karakter).", "Saved draft: \(kind) (\(characters) characters).")
        return leftUnit
            ? base
                + pick(" Laporan ini sudah keluar dari unit Anda; teks draf tetap disimpan.", " This report has left your units; the draft is kept.")
            : base
    }

    // MARK: Actions and outbox

    public func alreadyQueued(_ type: ActionType, reportId: String, itemId: String) -> String {
        pick(
            "\(actionName(type).capitalizedFirst) untuk laporan \(reportId) sudah ada di kotak keluar (\(itemId.prefix(8))); ubah di sana bila perlu.",
            "\(actionName(type).capitalizedFirst) on report \(reportId) is already in the outbox (\(itemId.prefix(8))); change it there if needed.")
    }

    public func queued(_ type: ActionType, reportId: String, itemId: String) -> String {
        pick(
            "Tindakan \(actionName(type)) untuk laporan \(reportId) masuk antrean (\(itemId.prefix(8))). Jalankan lapor sync untuk mengirim.",
            "The \(actionName(type)) action on report \(reportId) is queued (\(itemId.prefix(8))). Run lapor sync to send it.")
    }

    public var textTwice: String { pick("Pilih salah satu: --text atau --text-file.", "Use either --text or --text-file, not both.") }
    public func unreadableFile(_ path: String) -> String { pick("Berkas \(path) tidak dapat dibaca.", "Cannot read \(path).") }
    public func fileTooLarge(_ path: String) -> String { pick("Berkas \(path) lebih dari 1 MiB.", "\(path) is over 1 MiB.") }
    public func notUTF8(_ path: String) -> String { pick("Berkas \(path) bukan teks UTF-8.", "\(path) is not UTF-8 text.") }

    public var outboxEmpty: String { pick("Kotak keluar kosong.", "The outbox is empty.") }
    public func attempts(_ n: Int) -> String { pick("\(n) kali dicoba", "\(n) attempts") }
    public func serverNow(_ label: String, version: Int) -> String {
        pick("Di server sekarang: \(label) (versi \(version))", "On the server now: \(label) (version \(version))")
    }
    public func unknownOutboxItem(_ id: String) -> String { pick("Tidak ada item kotak keluar '\(id)'.", "No outbox item '\(id)'.") }
    public func ambiguousOutboxItem(_ id: String) -> String {
        pick("'\(id)' cocok dengan beberapa item; tulis lebih panjang.", "'\(id)' matches several items; give more of the id.")
    }

    public func notRetryable(_ id: String, _ state: String) -> String {
        pick("Item \(id.prefix(8)) berstatus \(state); tidak dapat diubah.", "Item \(id.prefix(8)) is \(state); it cannot be changed.")
    }

    public func requeued(_ id: String) -> String { pick("Item \(id.prefix(8)) masuk antrean lagi.", "Item \(id.prefix(8)) is queued again.") }
    public func discarded(_ id: String) -> String {
        pick(
            "Item \(id.prefix(8)) dibatalkan; teksnya tetap dapat dibaca di lapor outbox --all.",
            "Item \(id.prefix(8)) discarded; its text stays readable in lapor outbox --all.")
    }
}

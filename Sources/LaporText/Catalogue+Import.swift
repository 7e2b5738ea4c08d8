import LaporDomain

/// The sentences of `lapor import` and of imported reports.
extension Catalogue {
    /// Why a file is not an export at all, one sentence (exit 2).
    public enum ImportFailure: Sendable {
        case unreadable(String)
        case notASpreadsheet
        case encryptedOrLegacy
        case damaged
        case tooLarge(limitMB: Int)
        case declaresEntities
        case xmlEncoding(String)
        case tooManyRows
        case notUTF8
        case noSheet
        case noHeader
        case missingColumns([String])
        case empty
    }

    public func importFailure(_ file: String, _ failure: ImportFailure) -> String {
        let reason: String
        switch failure {
        case .unreadable(let why): reason = pick("tidak dapat dibaca (\(why))", "cannot be read (\(why))")
        case .notASpreadsheet: reason = pick("bukan lembar kerja .xlsx atau berkas CSV", "is not an .xlsx workbook or a CSV file")
        case .encryptedOrLegacy:
            reason = pick(
                "terenkripsi (berkata sandi) atau berformat .xls lama: buka di program lembar kerja lalu simpan sebagai .xlsx tanpa kata sandi",
                "is encrypted (password-protected) or in the old .xls format: open it in a spreadsheet program and save it as .xlsx without a password"
            )
        case .damaged: reason = pick("rusak atau terpotong (bagian zip-nya tidak terbaca)", "is damaged or cut short (its zip parts do not read)")
        case .tooLarge(let mb):
            reason = pick(
                "memuat bagian lebih dari \(mb) MB setelah diurai: bukan ekspor LAPOR!",
                "holds a part over \(mb) MB once inflated: not a LAPOR! export")
        case .declaresEntities:
            reason = pick(
                "mendeklarasikan entitas XML (DTD), yang tidak pernah ada di ekspor LAPOR!",
                "declares XML entities (a DTD), which a LAPOR! export never does")
        case .xmlEncoding(let name):
            reason = pick(
                "memuat bagian XML berpengodean '\(name)', yang tidak dipakai program lembar kerja: simpan ulang sebagai .xlsx",
                "holds an XML part in the encoding '\(name)', which no spreadsheet program writes: save it again as .xlsx")
        case .tooManyRows:
            reason = pick(
                "memuat lebih dari 1.048.576 baris atau 16 juta sel: bukan ekspor LAPOR!",
                "holds more than 1,048,576 rows or 16 million cells: not a LAPOR! export")
        case .notUTF8: reason = pick("bukan UTF-8: simpan ulang sebagai \"CSV UTF-8\"", "is not UTF-8: save it again as \"CSV UTF-8\"")
        case .noSheet: reason = pick("tidak memuat lembar kerja", "holds no worksheet")
        case .noHeader:
            reason = pick(
                "tidak memuat baris judul tabel (baris yang menamai Tracking ID, Tanggal Laporan Masuk, Judul Laporan dan Status Laporan) di lembar mana pun: bukan ekspor admin LAPOR!",
                "has no table header (a row naming Tracking ID, Tanggal Laporan Masuk, Judul Laporan and Status Laporan) on any sheet: not a LAPOR! admin export"
            )
        case .missingColumns(let names):
            let list = names.joined(separator: ", ")
            reason = pick(
                "tidak memuat kolom \(list), yang selalu ada di ekspor LAPOR!", "lacks the column(s) \(list), which every LAPOR! export has")
        case .empty: reason = pick("memuat judul tabel tetapi tidak ada baris laporan", "has a table header but no report rows")
        }
        return pick("Berkas \(file) \(reason).", "The file \(file) \(reason).")
    }

    /// `Import from FILE: 120 new, 3 updated, …`
    public func importSummary(file: String, new: Int, updated: Int, unchanged: Int, rejected: Int, missing: Int, profile: String) -> String {
        var line = pick(
            "Impor dari \(file) ke profil '\(profile)': \(new) baru, \(updated) diperbarui, \(unchanged) tidak berubah, \(rejected) ditolak.",
            "Import from \(file) into profile '\(profile)': \(new) new, \(updated) updated, \(unchanged) unchanged, \(rejected) rejected.")
        if missing > 0 {
            line += pick(
                " \(missing) laporan dari impor sebelumnya tidak ada di ekspor terbaru (disimpan, ditandai).",
                " \(missing) report(s) of an earlier import are not in the latest export (kept, flagged).")
        }
        return line
    }

    public func importRejected(row: Int, _ rejection: AdminExport.Rejection) -> String {
        let reason: String
        switch rejection {
        case .noTrackingId: reason = pick("Tracking ID kosong", "no Tracking ID")
        case .badTrackingId(let id): reason = pick("Tracking ID '\(id)' bukan 7–12 angka", "Tracking ID '\(id)' is not 7–12 digits")
        case .duplicateTrackingId(let id, let kept, let byTime):
            reason =
                byTime
                ? pick(
                    "Tracking ID \(id) juga ada di baris \(kept), yang waktunya lebih baru dan dipakai",
                    "Tracking ID \(id) is also on row \(kept), whose time is later and which is kept")
                : pick(
                    "Tracking ID \(id) juga ada di baris \(kept) dengan waktu yang sama; baris yang lebih bawah (\(kept)) dipakai",
                    "Tracking ID \(id) is also on row \(kept) with the same time; the lower row (\(kept)) is kept")
        case .noDate: reason = pick("Tanggal Laporan Masuk kosong", "no Tanggal Laporan Masuk")
        case .badDate(let text, let problem): reason = whenProblem(text, problem, isTime: false)
        case .badTime(let text, let problem): reason = whenProblem(text, problem, isTime: true)
        case .cellTooLong(let column, let bytes):
            reason = pick(
                "kolom \(column.rawValue) \(bytes) bita (paling banyak \(AdminExport.maxCellBytes))",
                "column \(column.rawValue) is \(bytes) bytes (at most \(AdminExport.maxCellBytes))")
        case .tooLarge: reason = pick("laporan terlalu besar untuk disimpan", "the report is too large to store")
        }
        return pick("baris \(row): ditolak, \(reason).", "row \(row): rejected, \(reason).")
    }

    /// Why a date or time cell does not read, and what would.
    func whenProblem(_ text: String, _ problem: AdminExport.WhenProblem, isTime: Bool) -> String {
        let cell = isTime ? pick("waktu", "time") : pick("tanggal", "date")
        switch problem {
        case .unreadable:
            return pick(
                "\(cell) '\(text)' tidak terbaca (yang terbaca: 3 Des 2026, 03/12/2026 14:05, 2026-12-03T14:05:00+07:00, 14.05)",
                "\(cell) '\(text)' does not read (what reads: 3 Des 2026, 03/12/2026 14:05, 2026-12-03T14:05:00+07:00, 14.05)")
        case .twoDigitYear:
            return pick(
                "tanggal '\(text)' bertahun dua angka: tulis tahunnya empat angka",
                "date '\(text)' has a two-digit year: write the year in four digits")
        case .eitherOrder(let dayFirst, let monthFirst):
            return pick(
                "tanggal '\(text)' bisa \(dayFirst.day) \(monthName(dayFirst.month)) \(dayFirst.year) atau \(monthFirst.day) \(monthName(monthFirst.month)) \(monthFirst.year) (berkas ini menulis hari dulu dan bulan dulu): tulis \(dayFirst.iso) atau \(monthFirst.iso)",
                "date '\(text)' reads as \(dayFirst.day) \(monthName(dayFirst.month)) \(dayFirst.year) or \(monthFirst.day) \(monthName(monthFirst.month)) \(monthFirst.year) (this file writes both day-first and month-first dates): write \(dayFirst.iso) or \(monthFirst.iso)"
            )
        case .weekdayMismatch(let written, let actual):
            return pick(
                "tanggal '\(text)' menyebut hari \(weekdayName(written)), padahal tanggal itu hari \(weekdayName(actual))",
                "date '\(text)' says \(weekdayName(written)), but that date is a \(weekdayName(actual))")
        case .clockOrFraction:
            return pick(
                "waktu '\(text)' bisa pukul 00.\(text.suffix(2)) atau pecahan hari: tulis 00.\(text.suffix(2)) atau HH:MM",
                "time '\(text)' reads as 00.\(text.suffix(2)) or as a fraction of a day: write 00.\(text.suffix(2)) or HH:MM")
        case .timesDisagree(let dateCell, let timeCell):
            return pick(
                "waktu '\(text)' (\(clock(timeCell))) tidak sama dengan jam di Tanggal Laporan Masuk (\(clock(dateCell)))",
                "time '\(text)' (\(clock(timeCell))) differs from the time in Tanggal Laporan Masuk (\(clock(dateCell)))")
        case .offsetsDisagree:
            return pick(
                "zona waktu di '\(text)' tidak sama dengan zona di Tanggal Laporan Masuk",
                "the zone in '\(text)' differs from the zone in Tanggal Laporan Masuk")
        }
    }

    private func clock(_ seconds: Int) -> String {
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + (seconds % 60 == 0 ? "" : ":" + pad(seconds % 60))
    }

    public func importNote(row: Int, _ note: AdminExport.Note) -> String {
        let text: String
        switch note {
        case .unknownStatus(let label):
            text = pick(
                "status '\(label)' tidak dikenal: diimpor dengan status tidak dikenal (lapor list --view unknown)",
                "status '\(label)' is not known: imported with status unknown (lapor list --view unknown)")
        case .unknownKind(let kind):
            text = pick(
                "klasifikasi '\(kind)' tidak dikenal: dihitung sebagai pengaduan", "classification '\(kind)' is not known: counted as pengaduan")
        case .unknownPrivacy(let privacy):
            text = pick(
                "tipe laporan '\(privacy)' tidak dikenal: diimpor sebagai rahasia", "report type '\(privacy)' is not known: imported as rahasia")
        case .badTime(let time):
            text =
                time.isEmpty
                ? pick("waktu laporan masuk kosong: 00:00 dipakai", "no submission time: 00:00 used")
                : pick("waktu '\(time)' tidak terbaca: 00:00 dipakai", "time '\(time)' does not read: 00:00 used")
        case .badRating(let rating): text = pick("rating '\(rating)' bukan 1–5: dilewati", "rating '\(rating)' is not 1–5: left out")
        case .noTitle: text = pick("judul kosong: ditampilkan sebagai \(AdminExport.untitled)", "no title: shown as \(AdminExport.untitled)")
        }
        return pick("baris \(row): \(text).", "row \(row): \(text).")
    }

    /// The progress line while a file is read (on a terminal only).
    public func importReading(_ file: String, done: Double?) -> String {
        let share = done.map { " \(Int(($0 * 100).rounded(.down)))%" } ?? ""
        return pick("Membaca \(file)…\(share)", "Reading \(file)…\(share)")
    }

    /// The progress line while rows are read and stored.
    public func importProgress(done: Int, total: Int) -> String {
        let percent = total > 0 ? done * 100 / total : 100
        return pick(
            "Mengimpor: \(grouped(done)) dari \(grouped(total)) baris (\(percent)%)…",
            "Importing: \(grouped(done)) of \(grouped(total)) rows (\(percent)%)…")
    }

    /// The file had been read in the wrong encoding by another program and saved so.
    public var importRepairedEncoding: String {
        pick(
            "Berkas ini pernah dibuka program lain dengan pengodean yang salah (UTF-8 terbaca sebagai Latin-1, tanda BOM menjadi 'ï»¿'): teksnya dibaca kembali sebagai UTF-8.",
            "This file had been opened by another program in the wrong encoding (UTF-8 read as Latin-1, its byte-order mark shown as 'ï»¿'): its texts were read back as UTF-8."
        )
    }

    /// A column the file lacks whose absence changes how every row reads: said once.
    public func importAbsentColumn(_ column: AdminExport.Column) -> String {
        switch column {
        case .privacy:
            pick(
                "Kolom \(column.rawValue) tidak ada: semua laporan dianggap rahasia (pelapor hanya tampil bagi admin).",
                "No column \(column.rawValue): every report is taken as rahasia (the reporter shown to admins only).")
        case .classification:
            pick(
                "Kolom \(column.rawValue) tidak ada: semua laporan dihitung sebagai pengaduan.",
                "No column \(column.rawValue): every report is counted as a pengaduan.")
        default:
            pick(
                "Kolom \(column.rawValue) tidak ada: jam diambil dari Tanggal Laporan Masuk, atau 00:00.",
                "No column \(column.rawValue): the time comes from Tanggal Laporan Masuk, else 00:00.")
        }
    }

    public func importMore(_ count: Int) -> String {
        pick("… dan \(count) lagi (semuanya: --format json).", "… and \(count) more (all of them: --format json).")
    }

    public func importProfileIsServer(_ profile: String) -> String {
        pick(
            "Profil '\(profile)' terhubung ke server; impor ke profil lain dengan --profile NAMA.",
            "Profile '\(profile)' is connected to a server; import into another profile with --profile NAME.")
    }

    public func importOpenHint(_ profile: String, isDefault: Bool) -> String {
        isDefault
            ? pick("Buka dengan: lapor", "Open it with: lapor")
            : pick("Buka dengan: lapor --profile \(profile)", "Open it with: lapor --profile \(profile)")
    }

    /// `lapor sync` (and the TUI's sync) on a profile read from an export.
    public func offlineProfile(_ profile: String) -> String {
        pick(
            "Profil '\(profile)' luring (dibaca dari ekspor): tidak ada server. Perbarui dengan lapor import BERKAS --profile \(profile).",
            "Profile '\(profile)' is offline (read from an export): there is no server. Update it with lapor import FILE --profile \(profile).")
    }

    public func exportFormatUnknown(_ file: String) -> String {
        pick(
            "Format \(file) tidak dikenal: beri akhiran .xlsx atau .csv, atau --format xlsx|csv.",
            "The format of \(file) is not known: name it .xlsx or .csv, or give --format xlsx|csv.")
    }

    public func exportTitle(view: String) -> String { pick("Ekspor lapor (tampilan \(view))", "lapor export (view \(view))") }

    public func cannotWriteExport(_ file: String, _ why: String) -> String {
        pick(
            "Tidak dapat menulis \(file): \(why). Berkas lama (bila ada) tidak diubah.",
            "Cannot write \(file): \(why). The old file (if any) is unchanged.")
    }

    public func exported(_ count: Int, file: String) -> String {
        pick("\(count) laporan ditulis ke \(file).", "\(count) report(s) written to \(file).")
    }

    public func exportSkipped(_ count: Int) -> String {
        pick("\(count) laporan tersimpan tidak terbaca dan dilewati.", "\(count) stored report(s) did not read and were skipped.")
    }

    public var offlineActionsUnavailable: String {
        pick(
            "Luring: tindakan dilakukan di web LAPOR!; tulis draf dengan c, lalu salin dengan y.",
            "Offline: actions are taken on the LAPOR! web; write a draft with c, then copy it with y.")
    }

    public var offlineDraftSaved: String {
        pick(
            "Disimpan sebagai draf (luring: tidak dikirim). Tekan y untuk menyalin, lalu tempel di web LAPOR!.",
            "Saved as a draft (offline: nothing is sent). Press y to copy it, then paste it on the LAPOR! web.")
    }

    public func draftCopied(_ id: String, count: Int) -> String {
        pick(
            "Draf laporan \(id) disalin ke papan klip terminal (\(count) karakter).",
            "The draft of report \(id) is on the terminal's clipboard (\(count) characters).")
    }

    /// The question before a draft that the privacy guard or the template check stopped goes to
    /// the clipboard.
    public func copyDraftQuestion(_ id: String) -> String {
        pick("Salin draf laporan \(id) ke papan klip?", "Copy the draft of report \(id) to the clipboard?")
    }

    public func noDraftToCopy(_ id: String) -> String {
        pick("Belum ada draf untuk laporan \(id): tulis dengan c.", "No draft for report \(id) yet: write one with c.")
    }

    public var draftTooLongToCopy: String {
        pick(
            "Draf terlalu panjang untuk papan klip terminal (OSC 52, paling banyak ~75.000 bita).",
            "The draft is too long for the terminal's clipboard (OSC 52, about 75,000 bytes at most).")
    }

    /// `lapor act` and `lapor outbox retry` on a profile read from an export.
    public func offlineCannotAct(_ profile: String) -> String {
        pick(
            "Profil '\(profile)' luring (dibaca dari ekspor): tindakan dilakukan di web LAPOR!; tulis draf di TUI (c) dan salin dengan y.",
            "Profile '\(profile)' is offline (read from an export): actions are taken on the LAPOR! web; write a draft in the TUI (c) and copy it with y."
        )
    }

    /// The status bar's sync field on a profile read from an export.
    public var fromExportLabel: String { pick("luring: dari ekspor", "offline: from an export") }

    /// Shown with an imported report (show, detail pane).
    public func importedFrom(row: Int, inLatest: Bool) -> String {
        inLatest
            ? pick("Dari ekspor, baris \(row).", "From the export, row \(row).")
            : pick("Dari ekspor, baris \(row) — tidak ada di ekspor terbaru.", "From the export, row \(row) — not in the latest export.")
    }

    /// What may still move a deadline, one line each: estimated (an export's report), and
    /// provisional decree years. The detail pane and `lapor show` both say these.
    public func deadlineNotes(_ instants: DecidedInstants) -> [String] {
        var out: [String] = []
        if instants.dueEstimated { out.append("≈ " + dueEstimatedNote) }
        if !instants.provisionalYears.isEmpty { out.append(provisionalNote(instants.provisionalYears)) }
        return out
    }

    /// The detail pane's line for an imported report the latest export no longer held.
    public var notInLatestExport: String {
        pick("Tidak ada di ekspor terbaru (disimpan dari impor sebelumnya).", "Not in the latest export (kept from an earlier import).")
    }

    /// In place of the timeline of a report read from an export.
    public var noTimelineInExport: String {
        pick("(ekspor LAPOR! tidak memuat riwayat laporan)", "(a LAPOR! export carries no report history)")
    }

    public var dueEstimatedNote: String {
        pick(
            "Tenggat diperkirakan: ekspor tidak memuat tanggal disposisi, jadi dihitung dari tenggat verifikasi + masa tindak lanjut.",
            "Estimated deadline: the export carries no dispatch date, so it counts from the verification deadline plus the follow-up period.")
    }

    public var badTimezoneOverride: String {
        pick(
            "--timezone: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
            "--timezone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).")
    }
}

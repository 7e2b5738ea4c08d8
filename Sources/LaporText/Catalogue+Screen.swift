import LaporDomain

// The sentences of the terminal UI.
extension Catalogue {

    public var searchLabel: String { pick("cari", "search") }
    public var emptyView: String { pick("Tidak ada laporan di tampilan ini.", "No reports in this view.") }
    public var loadingList: String { pick("Memuat laporan…", "Loading reports…") }
    public var noSelection: String { pick("Pilih laporan untuk melihat rinciannya.", "Select a report to see its detail.") }
    public func detailUnreadable(_ id: String) -> String {
        pick(
            "Laporan \(id) tersimpan tetapi rinciannya tidak dapat dibaca (data dari server tidak lengkap). Daftar dan pencarian tetap memuatnya; lapor show \(id) menyebut sebabnya.",
            "Report \(id) is stored but its detail cannot be read (the server's data is incomplete). It stays in lists and search; lapor show \(id) names the cause."
        )
    }
    public var nationalScope: String { pick("nasional", "national") }
    public var syncingNow: String { pick("menyinkronkan…", "syncing…") }
    public var offlineLabel: String { pick("luring", "offline") }
    public var helpTitle: String { pick("Tombol", "Keys") }
    public var goToPrompt: String { pick("Buka nomor laporan:", "Open report number:") }
    public var overlayCloses: String { pick("Esc atau Enter untuk menutup.", "Esc or Enter closes.") }
    /// Keys typed for a report that never loaded were dropped, not sent to another.
    public var keysDropped: String {
        pick("Laporan tidak termuat; tombol yang diketik sementara itu diabaikan.", "The report did not load; keys typed meanwhile were ignored.")
    }
    /// The title bar while the detail shows a report opened by number that the list does not hold.
    public func openedByNumber(_ id: String) -> String { pick("dibuka: \(id) (Esc: kembali ke daftar)", "opened: \(id) (Esc: back to the list)") }
    /// Under the supervisor's table of units when not all fit: which of them are shown.
    public func unitsShown(from: Int, to: Int, of total: Int) -> String {
        pick("unit \(from)–\(to) dari \(total)", "units \(from)–\(to) of \(total)")
    }
    /// The list's deadline column in the escalation view: calendar days to day 61.
    public func daysToEscalationShort(_ days: Int) -> String { pick("eskalasi \(days) hari", "escalates in \(days) d") }
    /// A store call that failed in the TUI (`what` is the log's English name of it).
    public func storeFailed(_ what: String, detail: String) -> String {
        pick("Penyimpanan lokal gagal (\(what)): \(detail). Rinciannya di log.", "The local store failed (\(what)): \(detail). Details in the log.")
    }
    public var pickView: String { pick("Pilih tampilan", "Choose a view") }
    /// A saved view's word in the view picker (typed to narrow to saved views).
    public var savedViewWord: String { pick("tersimpan", "saved") }
    public var noRunningClock: String { pick("Laporan ini tidak punya tenggat yang berjalan.", "This report has no running deadline.") }

    public func unknownKey(_ key: String) -> String {
        pick("Tombol '\(key)' tidak dipakai di sini; tekan ? untuk bantuan.", "'\(key)' does nothing here; press ? for help.")
    }

    public func terminalTooSmall(_ w: Int, _ h: Int) -> String {
        pick(
            "Terminal terlalu kecil (\(w)×\(h)); perbesar sampai paling sedikit 80×24.",
            "The terminal is too small (\(w)×\(h)); make it at least 80×24.")
    }

    /// `sinkron 3 menit lalu`.
    public func syncedAgo(_ seconds: Int?) -> String {
        guard let s = seconds else { return pick("belum sinkron", "never synced") }
        if s < 60 { return pick("sinkron baru saja", "synced just now") }
        if s < 3600 { return pick("sinkron \(s / 60) menit lalu", "synced \(s / 60) min ago") }
        if s < 86_400 { return pick("sinkron \(s / 3600) jam lalu", "synced \(s / 3600) h ago") }
        return pick("sinkron \(s / 86_400) hari lalu", "synced \(s / 86_400) days ago")
    }

    public func outboxCount(_ n: Int) -> String { pick("kotak keluar \(n)", "outbox \(n)") }

    /// `soonDays`: the policy's due-soon threshold, so that the label says what is counted.
    public func deadlineCounts(overdue: Int, today: Int, soon: Int, soonDays: Int = 2) -> String {
        pick(
            "terlambat \(overdue) · hari ini \(today) · ≤\(soonDays) hk \(soon)",
            "overdue \(overdue) · today \(today) · ≤\(soonDays) wd \(soon)")
    }

    public func cannotDraw(_ term: String) -> String {
        pick(
            "Terminal '\(term)' tidak dapat memindahkan kursor, jadi layar lapor tidak dapat digambar. Pakai TERM=xterm-256color, atau perintah baris: lapor list, lapor show.",
            "Terminal '\(term)' cannot move its cursor, so lapor's screen cannot be drawn. Use TERM=xterm-256color, or the command line: lapor list, lapor show."
        )
    }
    public var notUTF8: String {
        pick(
            "Lokal terminal bukan UTF-8: huruf di luar ASCII tampil tanpa aksen atau sebagai '?'. Pakai LANG=C.UTF-8.",
            "The terminal's locale is not UTF-8: letters outside ASCII show without accents or as '?'. Use LANG=C.UTF-8.")
    }

    public func noTerminal(_ reason: String) -> String {
        pick(
            "Tampilan terminal tidak dapat dibuka (\(reason)); gunakan lapor list/show di luar terminal interaktif.",
            "Cannot open the terminal UI (\(reason)); use lapor list/show outside an interactive terminal.")
    }
}

extension Catalogue {
    public func demoStarting(_ n: Int) -> String {
        pick("Menyiapkan demo: server pusat dengan \(n) laporan…", "Preparing the demo: a central server with \(n) reports…")
    }

    /// At the end of a demo without --data-dir: what went with its temporary folder.
    public func demoDiscarded(drafts: Int, outbox: Int) -> String {
        pick(
            "Demo selesai: folder sementaranya dihapus, termasuk \(drafts) draf dan \(outbox) tindakan di kotak keluar. Pakai --data-dir DIR untuk menyimpannya lain kali.",
            "Demo over: its temporary folder was removed, with \(drafts) draft(s) and \(outbox) action(s) in the outbox. Use --data-dir DIR to keep them next time."
        )
    }
}

extension Catalogue {

    public func badFilter(_ word: String, allowed: [String]) -> String {
        let list = allowed.prefix(12).joined(separator: ", ") + (allowed.count > 12 ? ", …" : "")
        return pick("Saringan '\(word)' tidak dikenal; pilihan: \(list)", "Unknown filter '\(word)'; choose from: \(list)")
    }

    public var filterLabel: String { pick("saring", "filter") }
    /// `42%` of a pull, never past 100 (a report may change twice during a long pull).
    public func percentOf(_ done: Int, _ total: Int) -> String {
        "\(total > 0 ? min(100, done * 100 / total) : 100)%"
    }
    public func syncingProgress(pages: Int, reports: Int) -> String {
        pick("menyinkronkan… \(pages) halaman, \(reports) laporan", "syncing… \(pages) pages, \(reports) reports")
    }
    public var filterSyntax: String {
        pick(
            "Saring: kata bidang=nilai[,nilai] dipisah spasi; semuanya harus cocok. Contoh: kind=aspirasi channel=sms,web",
            "Filter: words field=value[,value] separated by spaces; all must hold. Example: kind=aspirasi channel=sms,web")
    }
    public var filterSubtreeNote: String { pick("(beserta turunannya)", "(with what is under it)") }
}

extension Catalogue {
    /// `Dinas PU 12 (s.d. 50 hk)`.
    public var nameViewPrompt: String { pick("Simpan tampilan sebagai:", "Save the view as:") }
    public func viewSaved(_ name: String) -> String {
        pick("Tampilan '\(name)' disimpan; buka lagi dengan angka 6-9.", "View '\(name)' saved; open it again with 6-9.")
    }
    public func badViewName(_ name: String) -> String {
        pick(
            "Nama '\(name)' tidak dapat dipakai: 1-40 karakter, bukan nama tampilan bawaan.",
            "The name '\(name)' cannot be used: 1-40 characters, not a built-in view's name.")
    }
    public var noSavedView: String {
        pick(
            "Belum ada tampilan tersimpan di angka itu; V menyimpan tampilan yang sedang dibuka.",
            "No saved view on that key yet; V saves the view on screen.")
    }
    public var onlyInOverdueView: String {
        pick("u berpindah antarunit di tampilan Terlambat.", "u moves between units in the Overdue view.")
    }
    public var columnOverdue: String { pick("TERLAMBAT", "OVERDUE") }
    public var columnSoon: String { pick("≤2 HK", "≤2 WD") }
    public var columnEscalating: String { pick("ESK", "ESC") }
    public var columnOldest: String { pick("TERLAMA", "OLDEST") }
}

extension Catalogue {
    public func serverDeadlineDiffers(_ due: String) -> String {
        pick(
            "Catatan: tenggat dari server adalah \(due); aturan lokal menghitung lain (kebijakan atau kalender berbeda).",
            "Note: the server's deadline is \(due); the local rules count differently (another policy or calendar).")
    }
}

import LaporDomain

/// Every sentence a user reads, in Bahasa Indonesia and English. Screens and commands ask
/// here; nothing user-facing is spelled elsewhere.
public struct Catalogue: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The sentence in the catalogue's language (for the layers above that word their own values).
    public func pick(_ id: String, _ en: String) -> String { language == .id ? id : en }

    // MARK: Dates

    public func weekdayName(_ day: Weekday) -> String {
        switch day {
        case .monday: pick("Senin", "Monday")
        case .tuesday: pick("Selasa", "Tuesday")
        case .wednesday: pick("Rabu", "Wednesday")
        case .thursday: pick("Kamis", "Thursday")
        case .friday: pick("Jumat", "Friday")
        case .saturday: pick("Sabtu", "Saturday")
        case .sunday: pick("Minggu", "Sunday")
        }
    }

    public func weekdayShort(_ day: Weekday) -> String {
        switch day {
        case .monday: pick("Sen", "Mon")
        case .tuesday: pick("Sel", "Tue")
        case .wednesday: pick("Rab", "Wed")
        case .thursday: pick("Kam", "Thu")
        case .friday: pick("Jum", "Fri")
        case .saturday: pick("Sab", "Sat")
        case .sunday: pick("Min", "Sun")
        }
    }

    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public func monthName(_ month: Int) -> String { (language == .id ? Self.monthsID : Self.monthsEN)[month - 1] }

    public func monthShort(_ month: Int) -> String {
        let name = monthName(month)
        return language == .id && month == 8 ? "Agu" : String(name.prefix(3))
    }

    /// `Jumat, 27 Maret 2026` / `Friday, 27 March 2026`.
    public func longDate(_ date: LocalDate) -> String {
        "\(weekdayName(date.weekday)), \(date.day) \(monthName(date.month)) \(date.year)"
    }

    /// `Jum 27 Mar 2026`.
    public func shortDate(_ date: LocalDate) -> String {
        "\(weekdayShort(date.weekday)) \(pad2(date.day)) \(monthShort(date.month)) \(date.year)"
    }

    /// `Jumat, 27 Maret 2026 23:59:59 WIB`.
    public func longDateTime(_ time: Timestamp, zone: IndonesianTimeZone) -> String {
        let local = time.in(zone)
        let s = local.secondOfDay
        return "\(longDate(local.localDate)) \(pad2(s / 3600)):\(pad2(s / 60 % 60)):\(pad2(s % 60)) \(zone.abbreviation)"
    }

    func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: Calendar

    public func holidayKind(_ kind: Holiday.Kind) -> String {
        switch kind {
        case .liburNasional: pick("Libur nasional", "National holiday")
        case .cutiBersama: pick("Cuti bersama", "Collective leave")
        }
    }

    public func dayNote(_ note: DayNote) -> String {
        switch note {
        case .saturday: weekdayName(.saturday)
        case .sunday: weekdayName(.sunday)
        case .nationalHoliday(let name): "\(holidayKind(.liburNasional)): \(name)"
        case .cutiBersama(let name): "\(holidayKind(.cutiBersama)): \(name)"
        case .cutiBersamaWorked(let name):
            pick("Cuti bersama, dihitung hari kerja menurut kebijakan: \(name)", "Collective leave, counted as a working day by policy: \(name)")
        case .noData(let year):
            pick(
                "tidak ada data hari libur \(year), dihitung hari kerja (sementara)",
                "no holiday data for \(year), counted as a working day (provisional)")
        case .provisionalData(let year):
            pick("data \(year) masih perkiraan", "\(year) data is provisional")
        }
    }

    public func explainedRole(_ role: ExplainedDay.Role) -> String {
        switch role {
        case .eventDay: pick("hari kejadian, tidak dihitung", "day of the event, not counted")
        case .counted(let n): pick("hari kerja ke-\(n)", "working day \(n)")
        case .skipped: pick("dilewati", "skipped")
        }
    }

    public func explanationHeading(_ d: Deadline) -> String {
        let due = longDateTime(d.at, zone: d.zone)
        let heading = pick(
            "Tenggat \(d.workingDays) hari kerja sejak \(longDate(d.start)) (\(d.zone.abbreviation)): \(due)",
            "Deadline \(d.workingDays) working days after \(longDate(d.start)) (\(d.zone.abbreviation)): \(due)")
        return d.isProvisional ? heading + " " + provisionalNote(d.missingYears + d.provisionalYears) : heading
    }

    public func deadlineMarker(_ d: Deadline) -> String {
        pick("← tenggat 23:59:59 \(d.zone.abbreviation)", "← deadline 23:59:59 \(d.zone.abbreviation)")
    }

    public func provisionalWarning(_ d: Deadline) -> [String] {
        var lines: [String] = []
        if !d.missingYears.isEmpty {
            let years = d.missingYears.map(String.init).joined(separator: ", ")
            lines.append(
                pick(
                    "Peringatan: tidak ada data hari libur untuk tahun \(years); hanya akhir pekan yang dilewati, tenggat ini sementara.",
                    "Warning: no holiday data for \(years); only weekends were skipped, so this deadline is provisional."))
        }
        if !d.provisionalYears.isEmpty {
            let years = d.provisionalYears.map(String.init).joined(separator: ", ")
            lines.append(
                pick(
                    "Catatan: data hari libur \(years) masih perkiraan (SKB belum final); tenggat dapat bergeser.",
                    "Note: the \(years) holiday data is provisional (decree not final); the deadline may move."))
        }
        return lines
    }

    public func calendarError(_ error: CalendarError) -> String {
        switch error {
        case .workingDaysOutOfRange(let n):
            pick("Jumlah hari kerja harus 1 sampai 260, bukan \(n).", "The number of working days must be 1 to 260, not \(n).")
        case .outsideSupportedRange(let date):
            pick(
                "Tanggal \(date.iso) di luar rentang kalender yang didukung (\(WorkingCalendar.supportedYears.lowerBound)–\(WorkingCalendar.supportedYears.upperBound)).",
                "The date \(date.iso) is outside the supported calendar range (\(WorkingCalendar.supportedYears.lowerBound)–\(WorkingCalendar.supportedYears.upperBound))."
            )
        }
    }

    public func missingYearStrict(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return pick(
            "Tidak ada data hari libur untuk tahun \(list); tenggat tidak dapat dihitung dengan pasti (--strict).",
            "No holiday data for \(list); the deadline cannot be computed exactly (--strict).")
    }

    public func noYearData(_ year: Int, available: [Int]) -> String {
        let list = available.isEmpty ? "-" : "\(available.first!)–\(available.last!)"
        return pick(
            "Tidak ada data hari libur untuk tahun \(year) (tersedia: \(list)).",
            "No holiday data for \(year) (available: \(list)).")
    }

    public func holidayListHeading(_ year: HolidayYear) -> String {
        var line = pick("Hari libur nasional dan cuti bersama \(year.year)", "National holidays and collective leave \(year.year)")
        if year.provisional { line += pick(" (SEMENTARA: tanggal hari besar Islam masih perkiraan)", " (PROVISIONAL: Islamic dates are estimates)") }
        return line
    }

    public func holidayCount(libur: Int, cuti: Int) -> String {
        pick("\(libur) libur nasional, \(cuti) cuti bersama", "\(libur) national holidays, \(cuti) collective leave days")
    }

    public func cutiPolicy(skip: Bool) -> String {
        skip
            ? pick("cuti bersama dilewati", "collective leave skipped")
            : pick("cuti bersama dihitung hari kerja", "collective leave counted as working days")
    }

    // MARK: Input errors

    public func badInstant(_ text: String) -> String {
        pick(
            "Waktu '\(text)' tidak dikenali: gunakan RFC 3339 (2026-03-17T10:00:00+07:00) atau tanggal (2026-03-17).",
            "Cannot read the time '\(text)': use RFC 3339 (2026-03-17T10:00:00+07:00) or a date (2026-03-17).")
    }

    public func badTimezone(_ text: String) -> String {
        pick(
            "Zona waktu '\(text)' tidak dikenal: gunakan Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
            "Unknown time zone '\(text)': use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).")
    }

    public func badCutiPolicy(_ text: String) -> String {
        pick("Nilai --cuti-bersama '\(text)' tidak dikenal: gunakan skip atau work.", "Unknown --cuti-bersama value '\(text)': use skip or work.")
    }

    public var tokenOnCommandLine: String {
        pick(
            "Peringatan: token di baris perintah terlihat oleh pengguna lain (ps); gunakan --token-file, --token-file - (stdin) atau LAPOR_TOKEN.",
            "Warning: a token on the command line is visible to other users (ps); use --token-file, --token-file - (stdin) or LAPOR_TOKEN.")
    }

    public func unknownCommand(_ word: String, suggestion: String?) -> String {
        pick(
            "Perintah tidak dikenal: \(word)" + (suggestion.map { " (maksud Anda: \($0)?)" } ?? "") + ". Lihat lapor --help.",
            "Unknown command: \(word)" + (suggestion.map { " (did you mean: \($0)?)" } ?? "") + ". See lapor --help.")
    }

    public func badLanguage(_ text: String) -> String {
        "Bahasa '\(text)' tidak dikenal: gunakan id atau en. / Unknown language '\(text)': use id or en."
    }

    public func workingDaysRange(_ n: Int) -> String { calendarError(.workingDaysOutOfRange(n)) }

    public func badYear(_ text: String) -> String {
        pick("Tahun '\(text)' tidak valid.", "'\(text)' is not a valid year.")
    }
}

// MARK: The reference server

extension Catalogue {
    public func badPort(_ port: Int) -> String {
        pick("Port \(port) tidak valid: gunakan 0 sampai 65535.", "Port \(port) is not valid: use 0 to 65535.")
    }

    public func badSeedReports(_ n: Int) -> String {
        pick("--seed-reports harus 0 sampai 1000000, bukan \(n).", "--seed-reports must be 0 to 1000000, not \(n).")
    }

    public func badClockInterval(_ n: Int) -> String {
        pick("--clock-interval harus paling sedikit 1 detik, bukan \(n).", "--clock-interval must be at least 1 second, not \(n).")
    }

    public func decreeProblem(_ p: DecreeFile.Problem) -> String {
        switch p {
        case .notJSON: pick("bukan berkas JSON keputusan libur yang terbaca.", "not a readable JSON decree file.")
        case .missingField(let f): pick("kolom \(f) tidak ada.", "the field \(f) is missing.")
        case .badYear(let y): pick("tahun \(y) bukan tahun 2000-2099.", "year \(y) is not a year from 2000 to 2099.")
        case .fileNameYear(let file, let content):
            pick(
                "nama berkas menyebut \(file) tetapi isinya tahun \(content) (atau tahun itu sudah ada).",
                "the file is named for \(file) but holds \(content) (or that year is there twice).")
        case .badDate(let d): pick("\(d) bukan tanggal YYYY-MM-DD.", "\(d) is not a date YYYY-MM-DD.")
        case .outsideYear(let d, let y): pick("\(d) tidak berada di tahun \(y).", "\(d) is not in \(y).")
        case .unknownKind(let d, let k):
            pick("\(d): jenis \(k) bukan libur_nasional atau cuti_bersama.", "\(d): kind \(k) is neither libur_nasional nor cuti_bersama.")
        case .emptyName(let d): pick("\(d) tidak punya nama.", "\(d) has no name.")
        case .duplicate(let d, let k): pick("\(d) tercantum dua kali sebagai \(k).", "\(d) is listed twice as \(k).")
        case .weekend(let d):
            pick(
                "catatan: \(d) jatuh pada akhir pekan (boleh, tetapi tidak menggeser tenggat).",
                "note: \(d) falls on a weekend (allowed, but it moves no deadline).")
        }
    }

    public func decreeSummary(_ d: HolidayYear) -> String {
        let national = d.holidays.filter { $0.kind == .liburNasional }.count
        let cuti = d.holidays.count - national
        return pick(
            "\(d.year): \(national) libur nasional, \(cuti) cuti bersama\(d.provisional ? " (perkiraan)" : "") — dapat dipakai.",
            "\(d.year): \(national) national holidays, \(cuti) cuti bersama\(d.provisional ? " (provisional)" : "") — usable.")
    }

    public func badPolicyFile(_ path: String, _ problems: [String]) -> String {
        pick("Berkas kebijakan \(path) tidak dapat dipakai: ", "The policy file \(path) cannot be used: ") + problems.joined(separator: "; ") + "."
    }

    public func badHolidayFolder(_ path: String) -> String {
        pick(
            "Folder keputusan libur \(path) tidak dapat dipakai (periksa dengan: lapor calendar check \(path)).",
            "The decree folder \(path) cannot be used (check it with: lapor calendar check \(path)).")
    }

    public var builtinCalendarNote: String {
        pick(
            "Catatan: server tidak mengirim kalender libur; tenggat dihitung dengan kalender bawaan lapor.",
            "Note: the server sent no holiday calendar; deadlines use lapor's built-in one.")
    }

    public func badRate(_ option: String, _ value: String) -> String {
        pick(
            "\(option) ditulis BURST/PER_DETIK (mis. 100/1 atau 300/10), bukan '\(value)'.",
            "\(option) is written BURST/PER_SECOND (e.g. 100/1 or 300/10), not '\(value)'.")
    }

    public func outOfRange(_ option: String, _ n: Int, _ range: ClosedRange<Int>) -> String {
        pick(
            "\(option) harus antara \(range.lowerBound) dan \(range.upperBound), bukan \(n).",
            "\(option) must be between \(range.lowerBound) and \(range.upperBound), not \(n).")
    }

    public func centralCannotOpen(_ path: String, _ reason: String) -> String {
        pick("Basis data server \(path) tidak dapat dibuka: \(reason)", "Cannot open the server database \(path): \(reason)")
    }

    public var centralNoUsers: String {
        pick(
            "Peringatan: basis data ini belum memiliki pengguna; semua permintaan akan ditolak (401). Jalankan dengan --demo pada basis data baru.",
            "Warning: this database has no users; every request will be refused (401). Start with --demo on a new database.")
    }

    public func centralRunning(url: String, database: String) -> String {
        pick(
            "Server pusat LAPOR! berjalan di \(url) (basis data: \(database)). Ctrl-C untuk berhenti.",
            "Central LAPOR! server running at \(url) (database: \(database)). Ctrl-C to stop.")
    }

    public func centralTokens(_ path: String) -> String {
        pick("Mode demo: token pengguna ada di \(path)", "Demo mode: user tokens are in \(path)")
    }

    public func portInUse(host: String, port: Int) -> String {
        pick(
            "Alamat \(host):\(port) sudah dipakai program lain; pilih --port lain (0: port bebas mana saja).",
            "\(host):\(port) is already in use; choose another --port (0: any free port).")
    }

    public func centralFailed(_ reason: String) -> String {
        pick("Server berhenti karena galat: \(reason)", "The server stopped with an error: \(reason)")
    }
}

/// Reports back into the export's columns (`lapor export`): an imported report's row as lapor
/// keeps it; any other report's columns from its fields, in the export's own shapes. What a role
/// may not see is never written (`visibleCells`), and dates, times and numbers are values a
/// spreadsheet reads as such, in the unit's zone (issue 24).
extension AdminExport {
    /// A cell of a written export: text, a number, or a date, a time of day or both (local to
    /// the report's unit).
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(Double)
        case date(LocalDate)
        /// Seconds since midnight.
        case time(Int)
        case dateTime(LocalDate, Int)

        /// The value as CSV text: ISO 8601 dates and times (every spreadsheet program reads them
        /// as dates, whatever its locale), whole numbers without a fraction.
        public var text: String {
            switch self {
            case .text(let t): t
            case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
            case .date(let d): d.iso
            case .time(let s): AdminExport.clockText(s)
            case .dateTime(let d, let s): d.iso + " " + AdminExport.clockText(s)
            }
        }
    }

    /// The columns lapor adds when it writes an export (after the 26).
    public static let laporColumns = [
        "lapor: Tenggat", "lapor: Sisa Hari Kerja", "lapor: Tenggat Sementara", "lapor: Terlambat", "lapor: Zona Waktu",
    ]

    /// The 26 columns of a report lapor did not import (a synced one). The location is one text
    /// in lapor, so it goes to `Kelurahan` whole; the columns lapor does not hold stay empty.
    public static func cells(of report: Report, units: UnitTree, categories: CategoryTree?) -> [Column: String] {
        let local = report.submittedAt.in(units.zone(of: report.unitId))
        var cells: [Column: String] = [
            .trackingId: report.id,
            .date: local.localDate.iso,
            .time: clockText(local.secondOfDay),
            .classification: kindLabel(report.kind),
            .title: report.title,
            .bodyFirst: report.body,
            .bodyFinal: report.body,
            .privacy: privacyLabel(report.privacy),
            .source: sourceLabel(report.channel),
            .status: report.statusLabel,
        ]
        if let reporter = report.reporter { cells[.reporterName] = reporter.name }
        if let id = report.categoryId {
            cells[.categoryId] = id
            cells[.category] = categories?[id]?.name ?? ""
        }
        if let unit = report.unitId {
            cells[.unitId] = unit
            cells[.unit] = units[unit]?.name ?? ""
            cells[.parentAgency] = units.agency(of: unit)?.name ?? ""
        }
        if let reason = report.archiveReason { cells[.holdReason] = reason.rawValue }
        if let location = report.location { cells[.village] = location.text }
        if let rating = report.rating { cells[.rating] = String(rating) }
        return cells
    }

    /// A report's row as `role` may see it: the 26 columns (an imported report's `imported` cells
    /// as lapor keeps them, else its fields), the submission's date and time as date and time
    /// values in the unit's zone (no time when the file gave none), the rating a number; then
    /// lapor's columns: the deadline in the unit's zone, the working days left (negative once
    /// overdue), whether it may move, whether it has passed, and the zone.
    public static func exportRow(
        _ report: Report, imported: [Column: String]?, units: UnitTree, categories: CategoryTree?, role: Role,
        instants: DecidedInstants, remaining: WorkingTimeRemaining?, at now: Timestamp
    ) -> [Value] {
        let zone = units.zone(of: report.unitId)
        let cells = visibleCells(imported ?? Self.cells(of: report, units: units, categories: categories), of: report, to: role)
        let local = report.submittedAt.in(zone)
        var row: [Value] = Column.allCases.map { column in
            let text = cells[column] ?? ""
            switch column {
            case .date: return .date(local.localDate)
            case .time: return text.isEmpty ? .text("") : .time(local.secondOfDay)
            case .rating: return wholeNumber(text).map { .number(Double($0)) } ?? .text(text)
            default: return .text(text)
            }
        }
        if let due = instants.dueAt, let remaining {
            let local = due.in(zone)
            row += [
                .dateTime(local.localDate, local.secondOfDay), .number(Double(remaining.isOverdue ? -remaining.workingDays : remaining.workingDays)),
                .text(instants.dueProvisional ? "Ya" : "Tidak"), .text(instants.isOverdue(at: now) ? "Ya" : "Tidak"),
            ]
        } else {
            row += [.text(""), .text(""), .text(""), .text("")]
        }
        return row + [.text(zone.abbreviation)]
    }

    /// `14:05:09`.
    public static func clockText(_ seconds: Int) -> String {
        Digits.pad(seconds / 3600, 2) + ":" + Digits.pad(seconds / 60 % 60, 2) + ":" + Digits.pad(seconds % 60, 2)
    }

    static func kindLabel(_ kind: ReportKind) -> String {
        switch kind {
        case .pengaduan: "Pengaduan"
        case .aspirasi: "Aspirasi"
        case .permintaanInformasi: "Permintaan Informasi"
        }
    }

    static func privacyLabel(_ privacy: Privacy) -> String {
        switch privacy {
        case .public: ""
        case .anonim: "Anonim"
        case .rahasia: "Rahasia"
        }
    }

    static func sourceLabel(_ channel: Channel) -> String {
        switch channel {
        case .web: "Website"
        case .sms: "SMS 1708"
        case .mobile: "Aplikasi"
        case .whatsapp: "WhatsApp"
        case .twitter: "Twitter"
        case .instagram: "Instagram"
        case .facebook: "Facebook"
        case .email: "Email"
        case .integrated: "Integrasi"
        case .other: "Lainnya"
        }
    }
}

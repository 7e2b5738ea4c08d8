/// Reports back into the export's columns (`lapor export`): an imported report's row as it was
/// read; any other report's columns from its fields, in the export's own shapes.
extension AdminExport {
    /// The 26 columns of a report lapor did not import (a synced one). The location is one text
    /// in lapor, so it goes to `Kelurahan` whole; the columns lapor does not hold stay empty.
    public static func cells(of report: Report, units: UnitTree, categories: CategoryTree?) -> [Column: String] {
        let zone = units.zone(of: report.unitId)
        let local = report.submittedAt.in(zone)
        let day = local.localDate
        let s = local.secondOfDay
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var cells: [Column: String] = [
            .trackingId: report.id,
            .date: "\(day.day) \(englishMonths[day.month - 1]) \(day.year)",
            .time: "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))",
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

    /// lapor's four columns after the 26 (`laporColumns`): the deadline in the unit's zone, the
    /// working days left (negative once overdue), whether it may move, whether it has passed.
    public static func laporCells(_ instants: DecidedInstants, remaining: WorkingTimeRemaining?, zone: IndonesianTimeZone, at now: Timestamp)
        -> [String]
    {
        guard let due = instants.dueAt, let remaining else { return ["", "", "", ""] }
        let days = remaining.isOverdue ? -remaining.workingDays : remaining.workingDays
        return [due.in(zone).rfc3339, String(days), instants.dueProvisional ? "Ya" : "Tidak", instants.isOverdue(at: now) ? "Ya" : "Tidak"]
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

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

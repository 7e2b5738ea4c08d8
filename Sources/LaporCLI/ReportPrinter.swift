import Foundation
import LaporDomain
import LaporImport
import LaporStore
import LaporSync
import LaporText
import Terminal

/// Reports as lines for a terminal (sanitised), CSV or JSON.
struct ReportPrinter {
    let text: Catalogue
    let workflow: Workflow
    let now: Timestamp

    /// The countdown of a report's running clock, short.
    /// `Sen 30 Nov 2 hk 5 j`, `≈` after a provisional deadline, `⚑` for a report in the
    /// escalation warning or escalated: the stored instants, as every view reads them.
    func countdown(_ row: InboxRow) -> String {
        let flag = row.instants.isFlaggedForEscalation(at: now) ? "⚑ " : ""
        guard let due = row.instants.dueAt else { return flag + "-" }
        let zone = workflow.units.zone(of: row.unitId)
        let remaining = workflow.calendar.remaining(from: now, until: due, in: zone)
        let date = due.in(zone).localDate
        return flag + "\(text.weekdayShort(date.weekday)) \(date.day) \(text.monthShort(date.month)) \(text.countdownShort(remaining))"
            + (row.instants.dueProvisional ? " ≈" : "")
    }

    /// The table, laid out for the width it has (issue 25). Each column is as wide as its widest
    /// value; nil (a pipe or a file) cuts nothing. Given a width (the terminal's or `COLUMNS`),
    /// the deadline and the number are never cut (the deadline's `≈` and `⚑` are what it is read
    /// for); the title keeps 20 columns at least, the unit gives way first (keeping its end, where
    /// units differ), then the status, then the unit column goes. Text is printed in the form the
    /// terminal counts as lapor does (`DisplayWidth.drawn`).
    func table(_ rows: [InboxRow], width: Int?) -> [String] {
        let header = [text.columnID, text.columnStatus, text.columnDeadline, text.columnUnit, text.columnTitle]
        let cells: [[String]] = rows.map { row in
            [
                (row.seen ? " " : "•") + row.id, text.statusShort(row.status), countdown(row), DisplayWidth.drawn(Sanitizer.line(row.unitId ?? "-")),
                DisplayWidth.drawn(Sanitizer.line(row.title)),
            ]
        }
        var widths = (0..<4).map { c in ([header[c]] + cells.map { $0[c] }).map { DisplayWidth.of($0) }.max() ?? 0 }
        var columns = [0, 1, 2, 3]
        let gap = 2
        func fixed() -> Int { columns.reduce(0) { $0 + widths[$1] + gap } }
        if let width {
            let title = 20
            if fixed() + title > width { widths[3] = max(8, widths[3] - (fixed() + title - width)) }
            if fixed() + title > width { widths[1] = max(8, widths[1] - (fixed() + title - width)) }
            if fixed() + title > width { columns.removeAll { $0 == 3 } }
        }
        let titleWidth = width.map { max(10, $0 - fixed()) }
        func line(_ values: [String]) -> String {
            var out = ""
            for c in columns {
                let value = c == 3 ? DisplayWidth.truncateKeepingEnd(values[c], to: widths[c]) : DisplayWidth.truncate(values[c], to: widths[c])
                out += value + String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(value)) + gap)
            }
            return out + (titleWidth.map { DisplayWidth.truncate(values[4], to: $0) } ?? values[4])
        }
        return [line(header)] + cells.map(line)
    }

    /// The columns a table may take: `COLUMNS` when set, else the terminal's width when standard
    /// output is one, else nil (a pipe or a file: nothing is cut).
    static func tableWidth(environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// CSV (RFC 4180). `excel`: a byte-order mark first and CRLF line ends, which spreadsheet
    /// programs on Windows need to read UTF-8 and rows right.
    func csv(_ rows: [InboxRow], excel: Bool = false) -> [String] {
        let lines = plainCSV(rows)
        guard excel else { return lines }
        // `print` ends each line with LF: a CR before it makes CRLF.
        return lines.enumerated().map { i, line in (i == 0 ? "\u{FEFF}" : "") + line + "\r" }
    }

    func plainCSV(_ rows: [InboxRow]) -> [String] {
        var lines = [
            "id,status,status_label,kind,channel,privacy,unit_id,category_id,submitted_at,due_at,due_provisional,escalation_warning_at,escalates_at,title"
        ]
        for r in rows {
            lines.append(
                [
                    r.id, r.status.rawValue, r.statusLabel, r.kind.rawValue, r.channel.rawValue, r.privacy.rawValue, r.unitId ?? "",
                    r.categoryId ?? "",
                    r.submittedAt.in(.wib).rfc3339, local(r.instants.dueAt, r), r.instants.dueProvisional ? "true" : "false",
                    local(r.instants.escalationWarningAt, r), local(r.instants.escalatesAt, r), r.title,
                ].map(Self.csvField).joined(separator: ","))
        }
        return lines
    }

    /// An instant in the report's zone, RFC 3339; empty when none.
    func local(_ t: Timestamp?, _ row: InboxRow) -> String { t.map { $0.in(workflow.units.zone(of: row.unitId)).rfc3339 } ?? "" }

    /// RFC 4180 quoting of a field made harmless: control characters shown as symbols (the
    /// screen's `Sanitizer`: a title cannot set a terminal's title through `cat`), and a field
    /// whose first character after any spaces is = + - @ is defused with `'` so a spreadsheet
    /// never runs it — judged on the first scalar, so a combining mark after `=` does not hide it.
    static func csvField(_ value: String) -> String {
        let v = guarded(Sanitizer.line(value))
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// The formula guard (`FormulaGuard`): a field whose first character after white space is
    /// = + - @ gets a `'` so a spreadsheet never runs it (judged on the first scalar: a combining
    /// mark after `=` does not hide it). A plain number (`-6`, `+62812…`) stays as it is.
    static func guarded(_ v: String) -> String { FormulaGuard.guarded(v) }

    /// A cell of an exported sheet as CSV: `csvField`'s guard and quoting, but tabs and line
    /// breaks stay (a report's text keeps its paragraphs); other control characters are shown as
    /// symbols, as everywhere but JSON. `lapor import` takes the `'` guard off again.
    static func csvCell(_ value: String) -> String {
        let v = guarded(Sanitizer.cell(value))
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// `show --format json`: one report with the instants as the rulebook decides them with the
    /// server's calendar and policy.
    func json(_ report: Report) throws -> String {
        var decided = report
        decided.apply(workflow.rules.instants(for: report))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ListCommand.safeJSON(String(decoding: try encoder.encode(decided), as: UTF8.self), oneLine: false)
    }

    func detail(_ report: Report, drafts: [Draft], imported: ImportedRowInfo? = nil) -> [String] {
        let zone = workflow.units.zone(of: report.unitId)
        var lines: [String] = []
        lines.append(text.reportHeading(report.id, version: report.version))
        lines.append(text.field(text.labelTitle, Sanitizer.line(report.title)))
        lines.append(text.field(text.labelStatus, Sanitizer.line(report.statusLabel)))
        let category = report.categoryId.map { id in
            let path = CategoryTree(workflow.categories?.categories ?? []).path(of: id).map(\.name)
            return path.isEmpty ? id : path.joined(separator: " › ")
        }
        lines.append(
            text.field(
                text.labelKind,
                "\(report.kind.rawValue) · \(text.labelChannel): \(report.channel.rawValue) · \(text.labelCategory): \(Sanitizer.line(category ?? "-"))"
            ))
        if let unit = report.unitId {
            lines.append(
                text.field(
                    text.labelUnit, Sanitizer.line(workflow.units.path(of: unit).map(\.name).joined(separator: " › ")) + " (\(zone.abbreviation))"))
        }
        if let location = report.location { lines.append(text.field(text.labelLocation, Sanitizer.line(location.text))) }
        let reporter = report.reporter.map { r in Sanitizer.line(r.name + (r.contact.map { " · \($0)" } ?? "")) } ?? text.identityHidden
        lines.append(text.field(text.labelPrivacy, "\(text.privacyName(report.privacy)) · \(text.labelReporter): \(reporter)"))
        lines.append(text.field(text.labelSubmitted, text.longDateTime(report.submittedAt, zone: zone)))
        let instants = workflow.rules.instants(for: report)
        if let due = instants.dueAt, let clock = DeadlineRules.clock(for: report.status) {
            let remaining = workflow.calendar.remaining(from: now, until: due, in: zone)
            let mark = instants.isOverdue(at: now) ? "! " : instants.isDueSoon(at: now) ? "~ " : ""
            lines.append(mark + text.countdownLong(clock, remaining, due: due, zone: zone))
            lines += text.deadlineNotes(instants)
        }
        if instants.isEscalated(at: now) {
            lines.append(text.escalatedNote(workflow.policy.escalationCalendarDays))
        } else if let days = instants.daysToEscalation(at: now) {
            lines.append(text.escalationWarning(days))
        }
        if report.status == .archived, let reason = report.archiveReason {
            lines.append(text.field(text.labelArchiveReason, reason.rawValue + (report.duplicateOf.map { " → \($0)" } ?? "")))
        }
        if let rating = report.rating {
            lines.append(text.field(text.labelRating, String(repeating: "★", count: rating) + String(repeating: "☆", count: 5 - rating)))
        }
        for a in report.attachments {
            lines.append(text.field(text.labelAttachment, "\(Sanitizer.line(a.name)) (\(Sanitizer.line(a.mime)), \(a.size / 1024) KB)"))
        }
        lines.append("")
        lines.append(text.labelBody + ":")
        lines += Sanitizer.block(report.body).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        lines.append("")
        lines.append(text.labelTimeline + ":")
        if report.isFromExport {
            lines.append("  " + text.noTimelineInExport)
            if let imported { lines.append("  " + text.importedFrom(row: imported.sheetRow, inLatest: imported.inLatest)) }
        }
        for event in report.timeline {
            let local = event.at.in(zone)
            let s = local.secondOfDay
            let time = "\(text.shortDate(local.localDate)) \(s / 3600 < 10 ? "0" : "")\(s / 3600):\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60)"
            var line = "  \(time)  \(text.eventName(event.type))"
            if event.system { line += " (\(text.bySystem))" } else if let actor = event.actor { line += " — \(Sanitizer.line(actor.name))" }
            if let unit = event.unitId { line += " → \(Sanitizer.line(workflow.units[unit]?.name ?? unit))" }
            lines.append(line)
            if let t = event.text { lines += Sanitizer.block(t).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 } }
        }
        for draft in drafts {
            lines.append("")
            lines.append(text.draftNote(kind: draft.key.kind, characters: draft.text.count, leftUnit: draft.leftUnitAt != nil))
        }
        return lines
    }

}

import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

extension View {
    /// The supervisor's table: per unit, overdue, due soon, escalating and the oldest lateness,
    /// with a bar of the overdue count (eighth blocks; `#` under a non-UTF-8 locale); `▶` marks
    /// the unit of the selected report, whose reports the list below is sorted into.
    static func unitTable(_ grid: inout CellGrid, _ state: AppState, _ r: Layout.Rect) {
        let text = state.text
        let barWidth = max(6, r.width / 6)
        let nameWidth = max(12, r.width - 2 - 10 - 7 - 5 - 11 - barWidth - 1)
        let header =
            "  " + pad(text.columnUnit, nameWidth) + pad(text.columnOverdue, 10) + pad(text.columnSoon, 7) + pad(text.columnEscalating, 5)
            + pad(text.columnOldest, 11)
        grid.put(header, x: r.x, y: r.y, style: Style(bold: true), maxWidth: r.width)
        let selectedUnit = state.row(at: state.selected)?.unitId
        let most = state.overdueGroups.map(\.count).max() ?? 1
        // The rows that fit, scrolled so that the selected report's unit is among them (`u`
        // moves it); the rule under the table says which part of how many units is shown.
        let rows = max(1, r.height - 2)
        let groups = state.overdueGroups
        let at = groups.firstIndex { $0.unitId == selectedUnit } ?? 0
        let start = max(0, min(at - rows / 2, groups.count - rows))
        let shown = Array(groups.dropFirst(start).prefix(rows))
        let names = unitNames(shown.map { g in g.unitId.flatMap { state.workflow.units[$0]?.name } ?? text.nationalScope }, width: nameWidth - 1)
        for (i, g) in shown.enumerated() {
            let zone = state.workflow.units.zone(of: g.unitId)
            let late = state.workflow.calendar.remaining(from: state.now, until: g.oldestDue, in: zone)
            let marker = g.unitId == selectedUnit ? "▶ " : "  "
            let line =
                marker + pad(names[i], nameWidth) + pad(String(g.count), 10)
                + pad(String(g.dueSoon), 7)
                + pad(String(g.escalating), 5) + pad(text.countdownShort(WorkingTimeRemaining(seconds: late.seconds, isOverdue: false)), 11)
            grid.put(line, x: r.x, y: r.y + 1 + i, style: g.unitId == selectedUnit ? Style(bold: true) : .plain, maxWidth: r.width)
            grid.put(bar(g.count, of: most, width: barWidth), x: r.x + DisplayWidth.of(line) + 1, y: r.y + 1 + i, style: overdueStyle)
        }
        var rule = String(repeating: "─", count: r.width)
        if shown.count < groups.count {
            let part = "─ " + text.unitsShown(from: start + 1, to: start + shown.count, of: groups.count) + " "
            rule = part + String(repeating: "─", count: max(0, r.width - DisplayWidth.of(part)))
        }
        grid.put(rule, x: r.x, y: r.y + r.height - 1, style: dimStyle, maxWidth: r.width)
    }

    /// Unit names cut to `width` so that they stay told apart: a long name keeps its end, where
    /// units differ ("…PU Jakarta Utara", "…PU Jakarta Pusat"); names whose ends are the same
    /// keep their start and their end ("Suku Dinas…Bidang Jalan").
    static func unitNames(_ names: [String], width: Int) -> [String] {
        let clean = names.map(Sanitizer.line)
        var cut = clean.map { DisplayWidth.truncateKeepingEnd($0, to: width) }
        let counts = Dictionary(cut.map { ($0, 1) }, uniquingKeysWith: +)
        for i in cut.indices where counts[cut[i], default: 0] > 1 && cut[i] != clean[i] {
            let head = DisplayWidth.truncate(clean[i], to: width / 2 + 1).dropLast()
            let tail = DisplayWidth.truncateKeepingEnd(clean[i], to: width - DisplayWidth.of(String(head)))
            cut[i] = String(head) + tail
        }
        return cut
    }

    /// `value` of `most` as a bar `width` columns long at full, in eighths of a column.
    static func bar(_ value: Int, of most: Int, width: Int) -> String {
        guard most > 0, width > 0, value > 0 else { return "" }
        let eighths = max(1, value * width * 8 / most)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }
}

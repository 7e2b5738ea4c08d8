import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Draws the state into a grid. Pure: the same state gives the same grid.
public enum View {
    static let selectedStyle = Style(reverse: true)
    static let titleStyle = Style(fg: .white, bg: .blue, bold: true)
    static let overdueStyle = Style(fg: .red, bold: true)
    static let soonStyle = Style(fg: .yellow, bold: true)
    static let dimStyle = Style(dim: true)

    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        let text = state.text
        let layout = Layout(width: state.width, height: state.height)
        guard layout.fits else {
            let lines = DisplayWidth.wrap(text.terminalTooSmall(state.width, state.height), to: max(1, state.width))
            for (i, line) in lines.prefix(state.height).enumerated() { grid.put(line, x: 0, y: i) }
            return grid
        }
        title(&grid, state)
        list(&grid, state, layout.list)
        detail(&grid, state, layout.detail)
        if layout.detail.x > 0 {
            for y in layout.list.y..<(layout.list.y + layout.list.height) { grid.put("│", x: layout.list.width, y: y, style: dimStyle) }
        }
        statusBar(&grid, state, layout.status)
        hintLine(&grid, state, layout.hint)
        switch state.mode {
        case .help: helpOverlay(&grid, state)
        case .explain: explainOverlay(&grid, state)
        default: break
        }
        return grid
    }

    static func title(_ grid: inout CellGrid, _ state: AppState) {
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: titleStyle)
        let text = state.text
        var line = "lapor · \(text.viewName(state.view)) (\(state.total))"
        if let search = state.search { line += " · \(text.searchLabel): \(search)" }
        if let filter = state.filterText { line += " · \(text.filterLabel): \(filter)" }
        if state.total > 0 { line += " · \(state.selected + 1)/\(state.total)" }
        grid.put(line, x: 1, y: 0, style: titleStyle, maxWidth: state.width - 2)
    }

    static func list(_ grid: inout CellGrid, _ state: AppState, _ r: Layout.Rect) {
        let text = state.text
        if state.view == .overdue && !state.overdueGroups.isEmpty {
            // Grouped by unit: counts and the longest delay, the most first; rows follow in unit order.
            let groups = state.overdueGroups.map { g in
                let zone = state.workflow.units.zone(of: g.unitId)
                let late = state.workflow.calendar.remaining(from: state.now, until: g.oldestDue, in: zone).workingDays
                return text.overdueGroup(
                    unit: g.unitId.flatMap { state.workflow.units[$0]?.name } ?? text.nationalScope, count: g.count, workingDaysLate: late)
            }
            grid.put(groups.joined(separator: " · "), x: r.x, y: r.y, style: Style(bold: true), maxWidth: r.width)
        } else {
            grid.put(
                pad(text.columnID, 9) + pad(text.columnDeadline, 22) + text.columnTitle, x: r.x, y: r.y, style: Style(bold: true), maxWidth: r.width)
        }
        if state.total == 0 {
            grid.put(text.emptyView, x: r.x + 1, y: r.y + 2, style: dimStyle, maxWidth: r.width - 2)
            return
        }
        for index in state.top..<min(state.total, state.top + r.height - 1) {
            let y = r.y + 1 + index - state.top
            guard let row = state.row(at: index) else {
                grid.put("  …", x: r.x, y: y, style: dimStyle)
                continue
            }
            let marker = row.seen ? " " : "•"
            let (countdown, style) = countdownCell(row, state)
            grid.put(marker + row.id, x: r.x, y: y, maxWidth: 9)
            grid.put(countdown, x: r.x + 9, y: y, style: style, maxWidth: 21)
            var title = Sanitizer.line(row.title)
            if state.view == .overdue { title = "[" + (row.unitId.flatMap { state.workflow.units[$0]?.name } ?? text.nationalScope) + "] " + title }
            grid.put(DisplayWidth.truncate(title, to: max(1, r.width - 31)), x: r.x + 31, y: y, maxWidth: r.width - 31)
            if index == state.selected {
                grid.restyle(x: r.x, y: y, width: r.width, style: state.focus == .list ? selectedStyle : Style(underline: true))
                if state.focus == .list { grid.cursor = (r.x, y) }
            }
        }
    }

    /// `! 2 hk 5 j` with a symbol, so that the state reads without colour too.
    static func countdownCell(_ row: InboxRow, _ state: AppState) -> (String, Style) {
        guard let due = row.dueAt else { return ("  -", .plain) }
        let zone = state.workflow.units.zone(of: row.unitId)
        let remaining = state.workflow.calendar.remaining(from: state.now, until: due, in: zone)
        let text = state.text.countdownShort(remaining)
        if remaining.isOverdue { return ("! " + text, overdueStyle) }
        if remaining.isDueSoon { return ("~ " + text, soonStyle) }
        return ("  " + text, .plain)
    }

    static func detail(_ grid: inout CellGrid, _ state: AppState, _ r: Layout.Rect) {
        let text = state.text
        guard let report = state.detail else {
            grid.put(text.noSelection, x: r.x + 1, y: r.y + 1, style: dimStyle, maxWidth: r.width - 2)
            return
        }
        let zone = state.workflow.units.zone(of: report.unitId)
        var lines: [(String, Style)] = []
        lines.append(("\(report.id) · \(Sanitizer.line(report.title))", Style(bold: true)))
        lines.append((Sanitizer.line(report.statusLabel), .plain))
        if let due = report.dueAt, let clock = DeadlineRules.clock(for: report.status) {
            let remaining = state.workflow.calendar.remaining(from: state.now, until: due, in: zone)
            let style = remaining.isOverdue ? overdueStyle : remaining.isDueSoon ? soonStyle : Style(bold: true)
            lines.append(
                ((remaining.isOverdue ? "! " : remaining.isDueSoon ? "~ " : "") + text.countdownLong(clock, remaining, due: due, zone: zone), style))
        }
        let rules = DeadlineRules(policy: state.workflow.policy, calendar: state.workflow.calendar, units: state.workflow.units)
        if rules.isEscalated(report, at: state.now) { lines.append((text.escalatedNote(state.workflow.policy.escalationCalendarDays), overdueStyle)) }
        let unit = report.unitId.map { state.workflow.units.path(of: $0).map(\.name).joined(separator: " › ") } ?? "-"
        let category =
            report.categoryId.map { id in CategoryTree(state.workflow.categories?.categories ?? []).path(of: id).map(\.name).joined(separator: " › ")
            } ?? "-"
        lines.append(
            (
                "\(text.labelKind): \(report.kind.rawValue) · \(text.labelChannel): \(report.channel.rawValue) · [\(text.privacyName(report.privacy).uppercased())]",
                .plain
            ))
        lines.append(("\(text.labelCategory): \(Sanitizer.line(category))", .plain))
        lines.append(("\(text.labelUnit): \(Sanitizer.line(unit)) (\(zone.abbreviation))", .plain))
        if let location = report.location { lines.append(("\(text.labelLocation): \(Sanitizer.line(location.text))", .plain)) }
        let reporter = report.reporter.map { Sanitizer.line($0.name + ($0.contact.map { " · \($0)" } ?? "")) } ?? text.identityHidden
        lines.append(("\(text.labelReporter): \(reporter)", .plain))
        for a in report.attachments { lines.append(("\(text.labelAttachment): \(Sanitizer.line(a.name)) (\(a.size / 1024) KB)", .plain)) }
        lines.append(("", .plain))
        for line in DisplayWidth.wrap(Sanitizer.block(report.body), to: max(1, r.width - 2)) { lines.append((line, .plain)) }
        lines.append(("", .plain))
        lines.append((text.labelTimeline + ":", Style(bold: true)))
        for event in report.timeline {
            let local = event.at.in(zone)
            var head = "\(text.shortDate(local.localDate)) \(text.eventName(event.type))"
            if event.system { head += " (\(text.bySystem))" } else if let actor = event.actor { head += " — \(Sanitizer.line(actor.name))" }
            lines.append((head, dimStyle))
            if let t = event.text {
                for line in DisplayWidth.wrap(Sanitizer.block(t), to: max(1, r.width - 4)) { lines.append(("  " + line, .plain)) }
            }
        }
        // Every line wraps at the pane's width; nothing is cut off at the edge.
        lines = lines.flatMap { line in DisplayWidth.wrap(line.0, to: max(1, r.width - 2)).map { ($0, line.1) } }
        let scroll = min(state.detailScroll, max(0, lines.count - r.height))
        for (i, line) in lines.dropFirst(scroll).prefix(r.height).enumerated() {
            grid.put(line.0, x: r.x + 1, y: r.y + i, style: line.1, maxWidth: r.width - 1)
        }
        if state.focus == .detail { grid.cursor = (r.x + 1, r.y) }
    }

    static func statusBar(_ grid: inout CellGrid, _ state: AppState, _ y: Int) {
        let text = state.text
        grid.fill(x: 0, y: y, width: state.width, height: 1, style: Style(reverse: true))
        let unit = state.user.unitId.flatMap { state.workflow.units[$0]?.name } ?? text.nationalScope
        let freshness: String
        if state.syncing {
            freshness = text.syncingNow
        } else if state.offline {
            freshness = text.offlineLabel
        } else {
            freshness = text.syncedAgo(state.lastSync.map { Int(state.now.epochSeconds - $0.epochSeconds) })
        }
        let line =
            "\(state.profile) · \(text.roleName(state.user.role)) · \(unit) · \(freshness) · \(text.outboxCount(state.outboxQueued)) · "
            + text.deadlineCounts(overdue: state.overdueCount, today: state.dueTodayCount, soon: state.dueSoonCount)
        grid.put(line, x: 1, y: y, style: Style(reverse: true), maxWidth: state.width - 2)
    }

    static func hintLine(_ grid: inout CellGrid, _ state: AppState, _ y: Int) {
        if case .filtering(let typed) = state.mode {
            let prompt = "f: " + typed
            grid.put(prompt, x: 0, y: y)
            grid.cursor = (min(state.width - 1, DisplayWidth.of(prompt)), y)
            return
        }
        if case .searching(let typed) = state.mode {
            let prompt = "/" + typed
            grid.put(prompt, x: 0, y: y)
            grid.cursor = (min(state.width - 1, DisplayWidth.of(prompt)), y)
            return
        }
        if let message = state.message {
            grid.put(message, x: 0, y: y, maxWidth: state.width)
            return
        }
        let hints = KeyMap.bindings.filter(\.hint).map { "\($0.label):\(KeyMap.help($0, state.language))" }
        let views = "1-\(state.views.count):" + state.views.map { state.text.viewName($0) }.joined(separator: "/")
        grid.put((hints + [views]).joined(separator: "  "), x: 0, y: y, style: dimStyle, maxWidth: state.width)
    }

    static func helpOverlay(_ grid: inout CellGrid, _ state: AppState) {
        var lines = [state.text.helpTitle, ""]
        for b in KeyMap.bindings {
            var help = KeyMap.help(b, state.language)
            if let i = [Command.view1, .view2, .view3, .view4].firstIndex(of: b.command), i < state.views.count {
                help = state.text.viewName(state.views[i])
            }
            lines.append(pad(b.label, 8) + help)
        }
        lines += ["", state.text.anyKeyCloses]
        box(&grid, state, lines)
    }

    static func explainOverlay(_ grid: inout CellGrid, _ state: AppState) {
        guard let report = state.detail, let clock = DeadlineRules.clock(for: report.status) else { return }
        let rules = DeadlineRules(policy: state.workflow.policy, calendar: state.workflow.calendar, units: state.workflow.units)
        let days = rules.workingDays(for: clock)
        guard let deadline = rules.due(for: report),
            let explanation = try? state.workflow.calendar.explain(
                after: Timestamp.startOfDay(deadline.start, in: deadline.zone), workingDays: days, in: deadline.zone)
        else { return }
        let text = state.text
        var lines = [text.explanationHeading(explanation.deadline), ""]
        for day in explanation.days {
            var line = "\(text.shortDate(day.date))  \(text.explainedRole(day.role))"
            if !day.notes.isEmpty { line += " — " + day.notes.map(text.dayNote).joined(separator: "; ") }
            lines.append(line)
        }
        lines += text.provisionalWarning(explanation.deadline)
        if let due = report.dueAt, due != explanation.deadline.at {
            lines.append(text.serverDeadlineDiffers(text.longDateTime(due, zone: deadline.zone)))
        }
        lines += ["", text.anyKeyCloses]
        box(&grid, state, lines)
    }

    static func box(_ grid: inout CellGrid, _ state: AppState, _ lines: [String]) {
        let w = min(state.width - 4, max(40, lines.map { DisplayWidth.of($0) }.max() ?? 40) + 4)
        let h = min(state.height - 2, lines.count + 2)
        let x = (state.width - w) / 2
        let y = max(1, (state.height - h) / 2)
        grid.fill(x: x, y: y, width: w, height: h)
        grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y)
        for i in 1..<(h - 1) {
            grid.put("│", x: x, y: y + i)
            grid.put("│", x: x + w - 1, y: y + i)
        }
        grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1)
        for (i, line) in lines.prefix(h - 2).enumerated() { grid.put(line, x: x + 2, y: y + 1 + i, maxWidth: w - 4) }
        grid.cursor = (x + 2, y + 1)
    }

    static func pad(_ s: String, _ w: Int) -> String {
        let cut = DisplayWidth.truncate(s, to: w - 1)
        return cut + String(repeating: " ", count: max(1, w - DisplayWidth.of(cut)))
    }
}

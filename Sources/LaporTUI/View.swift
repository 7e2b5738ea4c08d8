import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Draws the state into a grid. Pure: the same state gives the same grid.
public enum View {
    static let selectedStyle = Style(reverse: true)
    static let titleStyle = Style(fg: .white, bg: .blue, bold: true)
    static let overdueStyle = Style(fg: .red, bold: true)
    /// Personal data in a confirmation's text (issue 16): red, reversed, underlined (readable
    /// without colour too).
    static let highlightStyle = Style(fg: .red, bold: true, underline: true, reverse: true)
    static let soonStyle = Style(fg: .yellow, bold: true)
    /// A confirmation's heading with the tracking number it acts on.
    static let headingStyle = Style(bold: true, reverse: true)
    static let dimStyle = Style(dim: true)

    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        let text = state.text
        let layout = Layout(width: state.width, height: state.height, composing: state.composer != nil)
        guard layout.fits else {
            let lines = DisplayWidth.wrap(text.terminalTooSmall(state.width, state.height), to: max(1, state.width))
            for (i, line) in lines.prefix(state.height).enumerated() { grid.put(line, x: 0, y: i) }
            return grid
        }
        title(&grid, state)
        if let composer = state.composer {
            View.composer(&grid, state, composer, layout.list)
        } else {
            list(&grid, state, layout.list)
        }
        detail(&grid, state, layout.detail)
        if layout.detail.x > 0 {
            for y in layout.list.y..<(layout.list.y + layout.list.height) { grid.put("│", x: layout.list.width, y: y, style: dimStyle) }
        }
        statusBar(&grid, state, layout.status)
        hintLine(&grid, state, layout.hint)
        switch state.mode {
        case .explain: explainOverlay(&grid, state)
        default: actingOverlay(&grid, state)
        }
        if case .filtering(let typed) = state.mode { filterHelp(&grid, state, typed, above: layout.status) }
        if let mode = state.keyHelp { helpOverlay(&grid, state, mode) }
        return grid
    }

    static func title(_ grid: inout CellGrid, _ state: AppState) {
        grid.fill(x: 0, y: 0, width: state.width, height: 1, style: titleStyle)
        let text = state.text
        let count = state.listLoaded ? String(state.total) : "…"
        var line = "lapor · \(state.activeSaved.map(Sanitizer.line) ?? text.viewName(state.view)) (\(count))"
        if let search = state.search { line += " · \(text.searchLabel): \(search)" }
        if let filter = state.filterText { line += " · \(text.filterLabel): \(filter)" }
        if state.detailPinned, let id = state.detail?.id {
            line += " · " + text.openedByNumber(id)
        } else if state.total > 0 {
            line += " · \(state.selected + 1)/\(state.total)"
        }
        if !state.marked.isEmpty { line += " · " + text.markedCount(state.marked.count) }
        grid.put(line, x: 1, y: 0, style: titleStyle, maxWidth: state.width - 2)
    }

    static func list(_ grid: inout CellGrid, _ state: AppState, _ whole: Layout.Rect) {
        let text = state.text
        var r = whole
        let table = state.unitTableHeight
        if table > 0 {
            unitTable(&grid, state, Layout.Rect(x: r.x, y: r.y, width: r.width, height: table))
            r = Layout.Rect(x: r.x, y: r.y + table, width: r.width, height: r.height - table)
        }
        grid.put(
            pad(text.columnID, 9) + pad(text.columnDeadline, 22) + text.columnTitle, x: r.x, y: r.y, style: Style(bold: true), maxWidth: r.width)
        if state.total == 0 {
            grid.put(state.listLoaded ? text.emptyView : text.loadingList, x: r.x + 1, y: r.y + 2, style: dimStyle, maxWidth: r.width - 2)
            return
        }
        for index in state.top..<min(state.total, state.top + r.height - 1) {
            let y = r.y + 1 + index - state.top
            guard let row = state.row(at: index) else {
                grid.put("  …", x: r.x, y: y, style: dimStyle)
                continue
            }
            // One column, in order of what matters most: marked, waiting to sync, new.
            let marker = state.marked.contains(row.id) ? "*" : state.unsettledReports.contains(row.id) ? "↑" : row.seen ? " " : "•"
            let (countdown, style) = countdownCell(row, state)
            grid.put(marker + row.id, x: r.x, y: y, maxWidth: 9)
            grid.put(countdown, x: r.x + 9, y: y, style: style, maxWidth: countdownWidth)
            let title = Sanitizer.line(row.title)
            grid.put(DisplayWidth.truncate(title, to: max(1, r.width - 31)), x: r.x + 31, y: y, maxWidth: r.width - 31)
            // A report opened by number and not in this list: no row is marked as the one shown.
            if index == state.selected, !state.detailPinned {
                grid.restyle(x: r.x, y: y, width: r.width, style: state.focus == .list ? selectedStyle : Style(underline: true))
                if state.focus == .list { grid.cursor = (r.x, y) }
            }
        }
    }

    /// The deadline column's width in the list.
    static let countdownWidth = 21

    /// `! 2 hk 5 j` with a symbol, so that the state reads without colour too; `≈` after a
    /// provisional deadline; `⚑` before a report in the escalation warning or escalated.
    static func countdownCell(_ row: InboxRow, _ state: AppState) -> (String, Style) {
        let instants = row.instants
        let flag = instants.isFlaggedForEscalation(at: state.now)
        guard let due = instants.dueAt else { return (flag ? "⚑ -" : "  -", flag ? soonStyle : .plain) }
        let zone = state.workflow.units.zone(of: row.unitId)
        let remaining = state.workflow.calendar.remaining(from: state.now, until: due, in: zone)
        // Days and hours when they fit the column, else the days alone: a unit is never cut off.
        let full = state.text.countdownShort(remaining) + (instants.dueProvisional ? "≈" : "")
        let days = state.text.countdownShort(remaining, hours: false) + (instants.dueProvisional ? "≈" : "")
        let text = DisplayWidth.of(full) + 2 <= countdownWidth ? full : days
        // The escalation views count the days to day 61: what they are read for.
        if state.view == .escalating, let left = instants.daysToEscalation(at: state.now) {
            return ("⚑ " + state.text.daysToEscalationShort(left), soonStyle)
        }
        if instants.isOverdue(at: state.now) { return ((flag ? "⚑ " : "! ") + text, overdueStyle) }
        if instants.isDueSoon(at: state.now) { return ((flag ? "⚑ " : "~ ") + text, soonStyle) }
        return ((flag ? "⚑ " : "  ") + text, flag ? soonStyle : .plain)
    }

    static func detail(_ grid: inout CellGrid, _ state: AppState, _ r: Layout.Rect) {
        let text = state.text
        guard let report = state.detail else {
            if let id = state.unreadableDetail, id == state.row(at: state.selected)?.id {
                let lines = DisplayWidth.wrap(text.detailUnreadable(id), to: max(1, r.width - 2))
                for (i, line) in lines.prefix(max(0, r.height - 2)).enumerated() {
                    grid.put(line, x: r.x + 1, y: r.y + 1 + i, style: dimStyle, maxWidth: r.width - 2)
                }
                return
            }
            grid.put(text.noSelection, x: r.x + 1, y: r.y + 1, style: dimStyle, maxWidth: r.width - 2)
            return
        }
        let zone = state.workflow.units.zone(of: report.unitId)
        var lines: [(String, Style)] = []
        lines.append(("\(report.id) · \(Sanitizer.line(report.title))", Style(bold: true)))
        lines.append((Sanitizer.line(report.statusLabel), .plain))
        let instants = state.workflow.rules.instants(for: report)
        if let due = instants.dueAt, let clock = DeadlineRules.clock(for: report.status) {
            let remaining = state.workflow.calendar.remaining(from: state.now, until: due, in: zone)
            let overdue = instants.isOverdue(at: state.now)
            let soon = instants.isDueSoon(at: state.now)
            let style = overdue ? overdueStyle : soon ? soonStyle : Style(bold: true)
            lines.append(((overdue ? "! " : soon ? "~ " : "") + text.countdownLong(clock, remaining, due: due, zone: zone), style))
            lines += text.deadlineNotes(instants).map { ($0, soonStyle) }
        }
        lines += unsettledLines(state, report)
        if instants.isEscalated(at: state.now) {
            lines.append((text.escalatedNote(state.workflow.policy.escalationCalendarDays), overdueStyle))
        } else if let days = instants.daysToEscalation(at: state.now) {
            lines.append((text.escalationWarning(days), soonStyle))
        }
        // What the report may duplicate, high in the pane: the admin reads it before verifying.
        if let similar = state.similar, similar.reportId == report.id, !similar.items.isEmpty {
            lines.append((text.similarHeading, soonStyle))
            // One line each, cut at the pane: the complaint below stays in sight (issue 25).
            for item in similar.items {
                let line = "  " + text.similarLine(item.suggestion, title: Sanitizer.line(item.title), status: text.statusName(item.status))
                lines.append((DisplayWidth.truncate(line, to: max(1, r.width - 2)), .plain))
            }
        }
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
        for item in state.detailUnsettled where item.state == .queued && item.request.text != nil {
            // The text just queued, shown at once, marked as not yet on the server.
            lines.append(("\(text.shortDate(state.now.in(zone).localDate)) \(text.actionName(item.type)) — \(text.notYetSynced)", soonStyle))
            for line in DisplayWidth.wrap(Sanitizer.block(item.request.text!), to: max(1, r.width - 4)) { lines.append(("  " + line, .plain)) }
        }
        if report.isFromExport { lines.append((text.noTimelineInExport, dimStyle)) }
        if state.notInLatestExport.contains(report.id) { lines.append((text.notInLatestExport, soonStyle)) }
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
        if state.syncing, let progress = state.syncProgress {
            freshness =
                text.syncingProgress(pages: progress.pages, reports: progress.reports)
                + (progress.total.map { " (" + text.percentOf(progress.reports, $0) + ")" } ?? "")
        } else if state.syncing {
            freshness = text.syncingNow
        } else if state.fromExport {
            freshness = text.fromExportLabel
        } else if state.offline {
            freshness = text.offlineLabel
        } else {
            freshness = text.syncedAgo(state.lastSync.map { Int(state.now.epochSeconds - $0.epochSeconds) })
        }
        // What changes and matters comes first; who the user is comes last, cut first on a narrow screen.
        let counts = text.deadlineCounts(
            overdue: state.overdueCount, today: state.dueTodayCount, soon: state.dueSoonCount, soonDays: state.workflow.policy.dueSoonWorkingDays)
        let fields =
            counts.components(separatedBy: " · ")
            + [text.outboxCount(state.outboxQueued), freshness, state.profile, text.roleName(state.user.role), Sanitizer.line(unit)]
        // Whole fields only: a narrow screen drops the last ones and says so with "…".
        grid.put(
            DisplayWidth.fitFields(fields, separator: " · ", to: state.width - 2), x: 1, y: y, style: Style(reverse: true), maxWidth: state.width - 2)
    }

    static func hintLine(_ grid: inout CellGrid, _ state: AppState, _ y: Int) {
        let typedPrompt: String? =
            switch state.mode {
            case .filtering(let typed): "f: " + typed
            case .searching(let typed): "/" + typed
            case .goingTo(let typed): state.text.goToPrompt + " " + typed
            case .namingView(let typed): state.text.nameViewPrompt + " " + typed
            default: nil
            }
        if let prompt = typedPrompt {
            // Why the prompt is still open (a filter that does not read), over the status bar.
            if let message = state.message, y > 0 {
                grid.fill(x: 0, y: y - 1, width: state.width, height: 1, style: overdueStyle)
                grid.put(DisplayWidth.truncateAtWord(Sanitizer.line(message), to: state.width - 2), x: 1, y: y - 1, style: overdueStyle)
            }
            // The prompt, then its keys, dim, where the width allows.
            let keys = InputMode.prompt.hintLine(state.language)
            let width = DisplayWidth.of(prompt)
            grid.put(prompt, x: 0, y: y, maxWidth: state.width)
            if width + 4 + DisplayWidth.of(keys) <= state.width {
                grid.put(keys, x: state.width - DisplayWidth.of(keys), y: y, style: dimStyle)
            }
            grid.cursor = (min(state.width - 1, width), y)
            return
        }
        if let message = state.message {
            // The way to help stays in sight beside a message, at any width.
            let help = KeyMap.bindings.first { $0.command == .help }.map { $0.described.hintText(state.language) } ?? "?"
            let room = state.width - DisplayWidth.of(help) - 2
            grid.put(DisplayWidth.truncateAtWord(Sanitizer.line(message), to: max(1, room)), x: 0, y: y, maxWidth: max(1, room))
            if room > 10 { grid.put(help, x: state.width - DisplayWidth.of(help), y: y, style: dimStyle) }
            return
        }
        if let mode = state.inputMode, mode != .normal {
            var keys = mode.keys
            // A copy's confirmation: y copies (the box says so too).
            if case .confirm(let c) = state.mode, c.isCopy { keys = Update.confirmKeys(copying: true) }
            let hints = (mode.typingHint(state.language).map { [$0] } ?? []) + keys.filter(\.hint).map { $0.hintText(state.language) }
            grid.put(DisplayWidth.fitFields(hints, separator: "  ", to: state.width), x: 0, y: y, style: dimStyle, maxWidth: state.width)
            return
        }
        // Help and quit first, so that a new user finds them on any width; then the actions,
        // what the user came to do; whole hints only.
        let bindings = offered(state).filter(\.hint)
        let first: Set<Command> = [.help, .quit]
        // Then the rest: the views (t), search, sync.
        let hints =
            (bindings.filter { first.contains($0.command) } + bindings.filter { $0.command.actionType != nil }
            + bindings.filter { !first.contains($0.command) && $0.command.actionType == nil }).map { $0.described.hintText(state.language) }
        grid.put(DisplayWidth.fitFields(hints, separator: "  ", to: state.width), x: 0, y: y, style: dimStyle, maxWidth: state.width)
    }

    /// The keys of a mode, from its table; in the normal mode only those that apply now.
    static func helpOverlay(_ grid: inout CellGrid, _ state: AppState, _ mode: InputMode) {
        var entries: [String] = []
        if mode == .normal {
            for b in offered(state) { entries.append(pad(b.label, 7) + b.help(state.language)) }
        } else {
            let width = min(12, (mode.keys.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
            entries = mode.keys.map { pad($0.label, width) + $0.help(state.language) }
        }
        // Two columns when one does not fit the height: the frame, title and footer (6 lines),
        // the title bar above and the status bar and hint line below, which the box never covers.
        if entries.count + 9 > state.height {
            let half = (entries.count + 1) / 2
            let width = entries.prefix(half).map { DisplayWidth.of($0) }.max() ?? 0
            entries = (0..<half).map { i in
                let left = entries[i]
                let right = i + half < entries.count ? entries[i + half] : ""
                return left + String(repeating: " ", count: width - DisplayWidth.of(left) + 2) + right
            }
        }
        let lines = [state.text.helpTitle + " — " + mode.name(state.language), ""] + entries + ["", state.text.overlayCloses]
        box(&grid, state, lines)
    }

    static func explainOverlay(_ grid: inout CellGrid, _ state: AppState) {
        guard let report = state.detail, let clock = DeadlineRules.clock(for: report.status) else { return }
        let rules = state.workflow.rules
        let days = rules.workingDays(for: clock, kind: report.kind)
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
        lines += ["", text.overlayCloses]
        box(&grid, state, lines)
    }

    /// The key bindings that apply now: an action the rules do not allow on the selected report
    /// (or to this role at all) is not offered.
    static func offered(_ state: AppState) -> [KeyBinding<Command>] {
        let available: Set<ActionType> = state.detail.map { Set(state.workflow.availableActions(for: $0, user: state.user)) } ?? []
        let ever = Set(ActionRule.actions(for: state.user.role))
        return KeyMap.bindings.filter { b in
            if let type = b.command.actionType { return state.marked.isEmpty ? available.contains(type) : ever.contains(type) }
            if b.command == .mark || b.command == .markAll { return !ever.isEmpty && state.user.role != .supervisor }
            return true
        }
    }

    /// A framed box in the middle of the screen; lines wider than the screen allows wrap.
    static func box(_ grid: inout CellGrid, _ state: AppState, _ lines: [String], minWidth: Int = 40) {
        let origin = boxOrigin(state, lines, minWidth: minWidth)
        let (x, y, w) = (origin.x, origin.y, origin.width)
        let lines = wrapped(lines, origin.width)
        let h = min(state.height - 2, lines.count + 2)
        frame(&grid, x: x, y: y, width: w, height: h)
        for (i, line) in lines.prefix(h - 2).enumerated() { grid.put(line, x: x + 2, y: y + 1 + i, maxWidth: w - 4) }
        grid.cursor = (x + 2, y + 1)
    }

    /// A blank rectangle with a line around it.
    static func frame(_ grid: inout CellGrid, x: Int, y: Int, width w: Int, height h: Int) {
        grid.fill(x: x, y: y, width: w, height: h)
        grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y)
        for i in 1..<(h - 1) {
            grid.put("│", x: x, y: y + i)
            grid.put("│", x: x + w - 1, y: y + i)
        }
        grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1)
    }

    static func pad(_ s: String, _ w: Int) -> String {
        let cut = DisplayWidth.truncate(s, to: w - 1)
        return cut + String(repeating: " ", count: max(1, w - DisplayWidth.of(cut)))
    }
}

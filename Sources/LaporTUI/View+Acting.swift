import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// The composer pane and the overlays of acting: pickers, the verify form, confirmations, the
/// outbox and bulk summaries.
extension View {
    static func composer(_ grid: inout CellGrid, _ state: AppState, _ composer: Composer, _ r: Layout.Rect) {
        let text = state.text
        let focused = state.focus == .composer
        let head = text.composerTitle(
            PendingComposerTitle(type: composer.pending.type, reportIds: composer.pending.reportIds, retry: composer.pending.retryOf != nil))
        grid.put(head, x: r.x, y: r.y, style: Style(bold: true, reverse: focused), maxWidth: r.width)
        let width = max(1, r.width - 2)
        let height = max(1, r.height - 2)
        let editor = composer.editor
        let lines = editor.lines(width: width)
        for (i, range) in lines.dropFirst(composer.scroll).prefix(height).enumerated() {
            // The user's own text, but shown through the sanitiser all the same.
            let line = String(editor.characters[range]).replacingOccurrences(of: "\n", with: "")
            grid.put(Sanitizer.line(line), x: r.x + 1, y: r.y + 1 + i, maxWidth: width)
        }
        let count = editor.count
        let style: Style = count >= Editor.limit ? overdueStyle : dimStyle
        grid.put(text.composerFooter(count: count, limit: Editor.limit), x: r.x, y: r.y + r.height - 1, style: style, maxWidth: r.width)
        if focused {
            let at = editor.position(in: lines)
            grid.cursor = (r.x + 1 + min(at.column, width - 1), r.y + 1 + at.line - composer.scroll)
        }
    }

    /// The unsettled outbox items of the report, under its status: shown until the server answers.
    static func unsettledLines(_ state: AppState, _ report: Report) -> [(String, Style)] {
        let text = state.text
        return state.detailUnsettled.map { item in
            var after: String? = nil
            if item.state == .queued, case .success(let next) = state.workflow.apply(item.request, by: state.user, to: report, at: state.now) {
                after = Sanitizer.line(next.statusLabel)
            }
            let symbol = item.state == .queued ? "↑ " : "! "
            return (symbol + text.unsettledLine(item.type, state: item.state, after: after), item.state == .queued ? soonStyle : overdueStyle)
        }
    }

    static func actingOverlay(_ grid: inout CellGrid, _ state: AppState) {
        let text = state.text
        switch state.mode {
        case .confirm(let c):
            // The heading names the report(s) y acts on, reversed: read before y is pressed.
            let heading = text.confirmHeading(c.subjects)
            let lines = [heading, ""] + c.lines
            box(&grid, state, lines)
            let origin = boxOrigin(state, lines)
            grid.restyle(x: origin.x + 2, y: origin.y + 1, width: min(DisplayWidth.of(heading), origin.width - 4), style: headingStyle)
            highlight(&grid, state, lines, c.highlights)
        case .notice(let lines):
            box(&grid, state, lines)
        case .duplicateOf(_, let typed):
            let lines = [text.duplicatePrompt, "", "> " + typed, "", InputMode.prompt.hintLine(state.language)]
            box(&grid, state, lines)
            let origin = boxOrigin(state, lines)
            grid.cursor = (origin.x + 4 + typed.count, origin.y + 3)
        case .picker(let p):
            picker(&grid, state, p)
        case .verify(let f):
            verifyForm(&grid, state, f)
        case .outbox(let b):
            outbox(&grid, state, b)
        default:
            break
        }
    }

    /// Restyles every whole occurrence of `texts` in a box's lines as drawn (wrapped as `box`
    /// wraps them), in the overdue style: personal data in a confirmation.
    static func highlight(_ grid: inout CellGrid, _ state: AppState, _ lines: [String], _ texts: [String]) {
        guard !texts.isEmpty else { return }
        let origin = boxOrigin(state, lines)
        let shown = wrapped(lines, origin.width)
        let rows = min(state.height - 2, shown.count + 2) - 2
        for (i, line) in shown.prefix(max(0, rows)).enumerated() {
            for text in texts where !text.isEmpty {
                var from = line.startIndex
                while let found = line.range(of: text, range: from..<line.endIndex) {
                    let column = DisplayWidth.of(String(line[..<found.lowerBound]))
                    let width = min(DisplayWidth.of(text), origin.width - 4 - column)
                    if width > 0 { grid.restyle(x: origin.x + 2 + column, y: origin.y + 1 + i, width: width, style: highlightStyle) }
                    from = found.upperBound
                }
            }
        }
    }

    static func wrapped(_ lines: [String], _ boxWidth: Int) -> [String] {
        lines.flatMap { line in DisplayWidth.of(line) <= boxWidth - 4 ? [line] : DisplayWidth.wrap(line, to: max(1, boxWidth - 4)) }
    }

    static func picker(_ grid: inout CellGrid, _ state: AppState, _ p: Picker) {
        let matches = p.matches
        let rows = max(3, min(matches.count, state.height - 10))
        let top = max(0, min(p.selected - rows / 2, matches.count - rows))
        var lines = [p.title, "> " + p.query, ""]
        if matches.isEmpty { lines.append(state.text.nothingMatches) }
        for (i, option) in matches.enumerated().dropFirst(top).prefix(rows) {
            lines.append((i == p.selected ? "▶ " : "  ") + Sanitizer.line(option.label))
        }
        lines += ["", InputMode.picker.hintLine(state.language)]
        box(&grid, state, lines, minWidth: 60)
        let origin = boxOrigin(state, lines, minWidth: 60)
        if let i = matches.indices.contains(p.selected) ? p.selected - top : nil, i >= 0, i < rows {
            grid.restyle(x: origin.x + 2, y: origin.y + 4 + i, width: origin.width - 4, style: selectedStyle)
        }
        grid.cursor = (origin.x + 4 + DisplayWidth.of(p.query), origin.y + 2)
    }

    static func verifyForm(_ grid: inout CellGrid, _ state: AppState, _ f: VerifyForm) {
        let text = state.text
        let category = f.categoryId.map {
            CategoryTree(state.workflow.categories?.categories ?? []).path(of: $0).map(\.name).joined(separator: " › ")
        }
        let values = [
            text.kindName(f.kind), Sanitizer.line(category ?? "-"), text.privacyName(f.privacy), Sanitizer.line(f.title),
        ]
        var lines = [text.verifyTitle(f.pending.reportIds), ""]
        for field in VerifyForm.Field.allCases {
            let marker = field == f.field ? "▶ " : "  "
            lines.append(marker + pad(text.verifyFieldName(field.rawValue), 12) + values[field.rawValue])
        }
        if !f.personalData.isEmpty, f.privacy == .public {
            lines += ["", text.personalDataInPublicReport(f.personalData.map { ($0.kind, Sanitizer.line($0.text)) })]
        }
        lines += ["", InputMode.verifyForm.hintLine(state.language)]
        box(&grid, state, lines, minWidth: 64)
        let origin = boxOrigin(state, lines, minWidth: 64)
        if f.field == .title {
            grid.cursor = (min(origin.x + origin.width - 3, origin.x + 2 + 14 + DisplayWidth.of(values[3])), origin.y + 3 + f.field.rawValue)
        } else {
            grid.cursor = (origin.x + 2, origin.y + 3 + f.field.rawValue)
        }
    }

    static func outbox(_ grid: inout CellGrid, _ state: AppState, _ b: OutboxBrowser) {
        let text = state.text
        let x = 2
        let y = 1
        let w = state.width - 4
        let h = state.height - 2
        frame(&grid, x: x, y: y, width: w, height: h)
        grid.put(text.outboxTitle(b.items.count), x: x + 2, y: y + 1, style: Style(bold: true), maxWidth: w - 4)
        let listRows = max(3, (h - 4) * 2 / 5)
        if b.items.isEmpty { grid.put(text.outboxEmpty, x: x + 2, y: y + 3, style: dimStyle, maxWidth: w - 4) }
        let top = max(0, min(b.selected - listRows / 2, b.items.count - listRows))
        for (i, item) in b.items.enumerated().dropFirst(top).prefix(listRows) {
            let symbol =
                switch item.state {
                case .queued: "↑"
                case .sent: "✓"
                case .conflict, .failed: "!"
                case .discarded: "-"
                }
            let excerpt = item.request.text.map { "“" + Sanitizer.line($0) + "”" } ?? ""
            let line = "\(symbol) \(item.reportId)  \(pad(text.actionName(item.type), 16))\(pad(text.outboxState(item.state), 18))\(excerpt)"
            let row = y + 2 + i - top
            grid.put(line, x: x + 2, y: row, style: item.state.isRetryable ? overdueStyle : .plain, maxWidth: w - 4)
            if i == b.selected { grid.restyle(x: x + 1, y: row, width: w - 2, style: selectedStyle) }
        }
        let split = y + 2 + listRows
        grid.put(String(repeating: "─", count: w - 2), x: x + 1, y: split, style: dimStyle)
        grid.put(InputMode.outbox.hintLine(state.language), x: x + 2, y: y + h - 2, style: dimStyle, maxWidth: w - 4)
        guard let item = b.current else { return }
        let area = (top: split + 1, bottom: y + h - 3)
        var mine = [(text.yourText(item.attempts), Style(bold: true))]
        // Why, in the user's language: a conflict from the report's status now; a refusal of the
        // content with the server's field details after it.
        switch item.state {
        case .conflict:
            mine.insert((text.conflictNow(item.type, status: item.serverReport.map { Sanitizer.line($0.statusLabel) }), overdueStyle), at: 0)
        case .failed:
            mine.insert((text.failedOnServer(item.type), overdueStyle), at: 0)
            if let error = item.error { mine.insert(("  " + Sanitizer.line(error), .plain), at: 1) }
        default: if let error = item.error { mine.insert((text.serverSaid(Sanitizer.line(error)), dimStyle), at: 0) }
        }
        for line in DisplayWidth.wrap(
            Sanitizer.block(item.request.text ?? text.noText), to: max(1, (item.serverReport != nil && w >= 100 ? w / 2 : w) - 6))
        {
            mine.append(("  " + line, .plain))
        }
        var theirs: [(String, Style)] = []
        if item.state == .conflict && item.serverReport == nil {
            // A 404: the report left this user's sight, so the server shows nothing of it.
            theirs.append((text.reportLeftSight, Style(bold: true)))
        }
        if let server = item.serverReport {
            let unit = server.unitId.flatMap { state.workflow.units[$0]?.name } ?? text.nationalScope
            theirs.append((text.serverNow(Sanitizer.line(server.statusLabel), version: server.version), Style(bold: true)))
            theirs.append(("  " + text.labelUnit + ": " + Sanitizer.line(unit), .plain))
            for event in server.timeline.suffix(4) {
                theirs.append(("  " + text.shortDate(event.at.in(.wib).localDate) + " " + text.eventName(event.type), dimStyle))
            }
        }
        if !theirs.isEmpty && w >= 100 {
            // Side by side: the user's text on the left, the server's report on the right.
            let half = (w - 4) / 2
            for (i, line) in mine.prefix(area.bottom - area.top + 1).enumerated() {
                grid.put(line.0, x: x + 2, y: area.top + i, style: line.1, maxWidth: half - 1)
            }
            for (i, line) in theirs.prefix(area.bottom - area.top + 1).enumerated() {
                grid.put(line.0, x: x + 2 + half, y: area.top + i, style: line.1, maxWidth: half - 1)
            }
        } else {
            for (i, line) in (theirs + mine).prefix(area.bottom - area.top + 1).enumerated() {
                grid.put(line.0, x: x + 2, y: area.top + i, style: line.1, maxWidth: w - 4)
            }
        }
        grid.cursor = nil
    }

    /// Where `box` puts a box of these lines.
    static func boxOrigin(_ state: AppState, _ lines: [String], minWidth: Int = 40) -> (x: Int, y: Int, width: Int) {
        let w = min(state.width - 4, max(minWidth, lines.map { DisplayWidth.of($0) }.max() ?? minWidth) + 4)
        let h = min(state.height - 2, wrapped(lines, w).count + 2)
        return ((state.width - w) / 2, max(1, (state.height - h) / 2), w)
    }
}

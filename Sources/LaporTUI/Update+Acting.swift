import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Acting: from an action key, through the composer, a picker or a form, to a confirmation and
/// the outbox. Every rule (who may, from which status, which payload) is asked of `Workflow`.
extension Update {
    // MARK: Starting an action

    static func startAction(_ command: Command, _ type: ActionType, _ state: inout AppState) -> [Effect] {
        let text = state.text
        if state.user.role == .supervisor {
            state.message = text.refusal(.readOnlyRole)
            return []
        }
        let targets = state.marked.isEmpty ? [state.row(at: state.selected)?.id].compactMap { $0 } : state.marked.sorted()
        guard !targets.isEmpty else {
            state.message = text.noSelection
            return []
        }
        var pending = PendingAction(type: type, reportIds: targets)
        var report: Report? = nil
        if targets.count == 1 {
            guard let detail = state.detail, detail.id == targets[0] else {
                state.message = text.stillLoading
                return [.loadDetail(targets[0])]
            }
            report = detail
            // Role, scope and status first; the payload comes next.
            if let refusal = refusal(of: pending, on: detail, state), refusal.category != .invalid {
                state.message = text.refusal(refusal)
                return []
            }
        } else if !ActionRule.rule(for: type).roles.contains(state.user.role) {
            state.message = text.refusal(.roleNotAllowed(type, state.user.role))
            return []
        }
        switch command {
        case .followup, .requestInfo, .returnReport, .hold:
            state.composer = Composer(pending: pending)
            state.focus = .composer
            return [.loadDraft(pending.draftKey)]
        case .forward, .dispatch:
            let options = unitOptions(for: pending, report: report, state)
            guard !options.isEmpty else {
                state.message = text.noUnitToChoose
                return []
            }
            state.mode = .picker(Picker(purpose: .unit(pending), title: text.pickUnit(type), options: options))
        case .archive:
            let reasons = ArchiveReason.adminReasons.filter { $0 != .duplicate }
            state.mode = .picker(
                Picker(
                    purpose: .reason(pending), title: text.pickReason,
                    options: reasons.map { .init(id: $0.rawValue, label: text.archiveReasonName($0)) }))
        case .duplicate:
            pending.reason = .duplicate
            state.mode = .duplicateOf(pending, "")
        case .verify:
            // Corrections are per report; marked reports are verified as they are.
            guard let report else {
                confirm(.queue(pending), &state)
                return []
            }
            state.mode = .verify(VerifyForm(pending: pending, report: report))
        case .closeReport:
            confirm(.queue(pending), &state)
        default:
            break
        }
        return []
    }

    /// What the rules say to the action on one report, as it stands on screen.
    static func refusal(of pending: PendingAction, on report: Report, _ state: AppState) -> Refusal? {
        state.workflow.check(pending.request(for: report, id: "probe"), by: state.user, on: report)
    }

    /// Units a dispatch or forward may go to: for one report, exactly those the rules accept;
    /// for several, the user's subtree (each report is checked when queued).
    static func unitOptions(for pending: PendingAction, report: Report?, _ state: AppState) -> [Picker.Option] {
        let units = state.workflow.units
        let candidates = state.user.unitId.map { units.subtree(of: $0) } ?? units.roots.flatMap { units.subtree(of: $0.id) }
        return candidates.compactMap { unit in
            if let report {
                var probe = pending
                probe.unitId = unit.id
                if refusal(of: probe, on: report, state) != nil { return nil }
            }
            let depth = units.path(of: unit.id).count - 1
            return Picker.Option(id: unit.id, label: String(repeating: "  ", count: depth) + unit.name, keywords: unit.id)
        }
    }

    // MARK: Confirmation

    static func confirm(_ then: Confirmed, _ state: inout AppState) {
        state.mode = .confirm(Confirmation(then: then, lines: confirmationLines(then, state)))
    }

    static func confirmationLines(_ then: Confirmed, _ state: AppState) -> [String] {
        let text = state.text
        switch then {
        case .queue(let pending):
            var lines: [String] = []
            let name = text.actionName(pending.type)
            if pending.isBulk {
                lines.append(text.confirmBulk(name, count: pending.reportIds.count, ids: pending.reportIds))
            } else {
                let title = state.detail?.id == pending.reportIds[0] ? Sanitizer.line(state.detail!.title) : ""
                lines.append(text.confirmOne(name, reportId: pending.reportIds[0], title: title))
            }
            lines.append(effectLine(pending, state))
            if let t = pending.text, !t.isEmpty {
                lines.append("")
                let excerpt = DisplayWidth.wrap(Sanitizer.block(t), to: 60)
                lines += excerpt.prefix(4).map { "  " + $0 }
                if excerpt.count > 4 { lines.append("  …") }
            }
            if pending.retryOf != nil { lines.append(text.replacesOutboxItem) }
            lines += ["", text.confirmKeys]
            return lines
        case .requeue(let id):
            return [text.confirmRequeue(id), "", text.confirmKeys]
        case .discard(let id):
            return [text.confirmDiscard(id), "", text.confirmKeys]
        }
    }

    /// What the action will do, as the rules compute it on the selected report.
    static func effectLine(_ pending: PendingAction, _ state: AppState) -> String {
        let text = state.text
        let unitName = pending.unitId.flatMap { state.workflow.units[$0]?.name }
        if !pending.isBulk, let report = state.detail, report.id == pending.reportIds[0],
            case .success(let next) = state.workflow.apply(pending.request(for: report, id: "preview"), by: state.user, to: report, at: state.now)
        {
            return text.effect(status: Sanitizer.line(next.statusLabel), unit: unitName, deadlineMoves: next.dueAt != report.dueAt)
        }
        let to = ActionRule.rule(for: pending.type).to
        return text.effect(status: to.map(text.statusName) ?? "-", unit: unitName, deadlineMoves: pending.type != .forward)
    }

    static func confirmKey(_ key: Key, _ confirmation: Confirmation, _ state: inout AppState) -> [Effect] {
        switch key {
        case .char("y"), .char("Y"), .enter:
            state.mode = .normal
            switch confirmation.then {
            case .queue(let pending): return [.queue(pending)]
            case .requeue(let id): return [.requeue(id)]
            case .discard(let id): return [.discard(id)]
            }
        case .char("n"), .char("N"), .escape:
            state.mode = .normal
            state.message = state.text.cancelled
            return []
        default:
            return []
        }
    }

    // MARK: Results

    static func queued(_ result: QueueResult, _ state: inout AppState) -> [Effect] {
        let text = state.text
        let name = text.actionName(result.pending.type)
        let refusals = result.refused.map { r in
            let why: String
            switch r.problem {
            case .refusal(let refusal): why = text.refusal(refusal)
            case .notInStore: why = text.reportNotInStore(r.reportId)
            case .failed(let reason): why = reason
            }
            return (r.reportId, why)
        }
        if !result.queued.isEmpty, state.composer?.pending == result.pending {
            state.composer = nil
            if state.focus == .composer { state.focus = .list }
        }
        if result.pending.isBulk {
            state.marked.subtract(result.queued)
            var lines = [text.bulkSummary(name, queued: result.queued.count, refused: refusals.count)]
            lines += refusals.prefix(30).map { "  \($0.0): \($0.1)" }
            if refusals.count > 30 { lines.append("  …") }
            lines += ["", text.anyKeyCloses]
            state.mode = .notice(lines)
        } else if let first = refusals.first {
            state.message = first.1
        } else {
            state.message = text.queuedOnScreen(name, reportId: result.pending.reportIds[0])
        }
        guard !result.queued.isEmpty else { return [] }
        var effects: [Effect] = [.reload, .refreshCounts]
        if let id = state.row(at: state.selected)?.id ?? state.detail?.id { effects.append(.loadDetail(id)) }
        if state.syncing { state.syncAgain = true } else { effects.append(.sync) }
        return effects
    }

    // MARK: Keys of the acting modes

    static func actingKey(_ key: Key, _ state: inout AppState) -> [Effect]? {
        switch state.mode {
        case .confirm(let c): return confirmKey(key, c, &state)
        case .picker(let p): return pickerKey(key, p, &state)
        case .duplicateOf(let pending, let typed): return duplicateKey(key, pending, typed, &state)
        case .verify(let form): return verifyKey(key, form, &state)
        case .outbox(let browser): return outboxKey(key, browser, &state)
        case .notice:
            state.mode = .normal
            return []
        default: return nil
        }
    }

    static func pickerKey(_ key: Key, _ picker: Picker, _ state: inout AppState) -> [Effect] {
        var p = picker
        let count = p.matches.count
        switch key {
        case .escape:
            state.mode = .normal
            if case .category(let form) = p.purpose { state.mode = .verify(form) }
            return []
        case .down, .ctrl("n"): p.selected = min(p.selected + 1, max(0, count - 1))
        case .up, .ctrl("p"): p.selected = max(0, p.selected - 1)
        case .pageDown: p.selected = min(p.selected + 10, max(0, count - 1))
        case .pageUp: p.selected = max(0, p.selected - 10)
        case .backspace:
            p.query = String(p.query.dropLast())
            p.selected = 0
        case .char(let c):
            guard p.query.count < 100 else { return [] }
            p.query.append(c)
            p.selected = 0
        case .paste(let s):
            p.query += Sanitizer.line(s).prefix(100 - p.query.count)
            p.selected = 0
        case .enter:
            guard p.matches.indices.contains(p.selected) else { return [] }
            return picked(p.matches[p.selected], p.purpose, &state)
        default: return []
        }
        state.mode = .picker(p)
        return []
    }

    static func picked(_ option: Picker.Option, _ purpose: Picker.Purpose, _ state: inout AppState) -> [Effect] {
        state.mode = .normal
        switch purpose {
        case .unit(var pending):
            pending.unitId = option.id
            confirm(.queue(pending), &state)
        case .reason(var pending):
            pending.reason = ArchiveReason(rawValue: option.id)
            confirm(.queue(pending), &state)
        case .template:
            guard var composer = state.composer, let template = state.templates.first(where: { $0.name == option.id }) else { return [] }
            let report = state.detail?.id == composer.pending.reportIds.first ? state.detail : nil
            let unit = report?.unitId.flatMap { state.workflow.units[$0]?.name } ?? state.user.unitId.flatMap { state.workflow.units[$0]?.name } ?? ""
            let date = state.text.longDate(state.now.in(state.workflow.units.zone(of: report?.unitId)).localDate)
            let filled = report.map { template.filled(for: $0, unit: unit, date: date) } ?? template.body
            if !composer.editor.insert(filled) { state.message = state.text.textLimitReached }
            composer = followCursor(composer, state)
            state.composer = composer
        case .category(var form):
            form.categoryId = option.id
            state.mode = .verify(form)
        }
        return []
    }

    static func duplicateKey(_ key: Key, _ pending: PendingAction, _ typed: String, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.mode = .normal
        case .backspace:
            state.mode = .duplicateOf(pending, String(typed.dropLast()))
        case .char(let c) where c.isNumber && typed.count < 12:
            state.mode = .duplicateOf(pending, typed + String(c))
        case .enter:
            var p = pending
            p.duplicateOf = typed
            if !p.isBulk, let report = state.detail, let refusal = refusal(of: p, on: report, state) {
                state.message = state.text.refusal(refusal)
                return []
            }
            confirm(.queue(p), &state)
        default: break
        }
        return []
    }

    static func verifyKey(_ key: Key, _ form: VerifyForm, _ state: inout AppState) -> [Effect] {
        var f = form
        let fields = VerifyForm.Field.allCases
        switch key {
        case .escape:
            state.mode = .normal
            state.message = state.text.cancelled
            return []
        case .down, .tab: f.field = fields[(f.field.rawValue + 1) % fields.count]
        case .up, .backTab: f.field = fields[(f.field.rawValue + fields.count - 1) % fields.count]
        case .backspace where f.field == .title:
            f.title = String(f.title.dropLast())
        case .char(let c) where f.field == .title:
            guard f.title.count < 500 else { return [] }
            f.title.append(c)
        case .paste(let s) where f.field == .title:
            f.title += Sanitizer.line(s).prefix(max(0, 500 - f.title.count))
        case .left, .right, .char(" "):
            guard f.field == .kind || f.field == .privacy else { return [] }
            let step = key == .left ? -1 : 1
            if f.field == .kind {
                let all = ReportKind.allCases
                f.kind = all[(all.firstIndex(of: f.kind)! + step + all.count) % all.count]
            } else {
                let all = Privacy.allCases
                f.privacy = all[(all.firstIndex(of: f.privacy)! + step + all.count) % all.count]
            }
        case .enter where f.field == .category:
            let tree = CategoryTree(state.workflow.categories?.categories ?? [])
            let options = tree.categories.map { c in
                Picker.Option(id: c.id, label: tree.path(of: c.id).map(\.name).joined(separator: " › "))
            }
            state.mode = .picker(Picker(purpose: .category(f), title: state.text.pickCategory, options: options))
            return []
        case .enter, .ctrl("s"):
            let pending = f.action
            if !pending.isBulk, let report = state.detail, let refusal = refusal(of: pending, on: report, state) {
                state.message = state.text.refusal(refusal)
                state.mode = .verify(f)
                return []
            }
            confirm(.queue(pending), &state)
            return []
        default:
            return []
        }
        state.mode = .verify(f)
        return []
    }

    static func outboxKey(_ key: Key, _ browser: OutboxBrowser, _ state: inout AppState) -> [Effect] {
        var b = browser
        let text = state.text
        switch key {
        case .escape, .char("q"), .char("o"):
            state.mode = .normal
            return []
        case .down, .char("j"): b.selected = min(b.selected + 1, max(0, b.items.count - 1))
        case .up, .char("k"): b.selected = max(0, b.selected - 1)
        case .enter, .char("e"):
            guard let item = b.current else { return [] }
            guard item.state == .conflict || item.state == .failed else {
                state.message = text.notRetryable(item.id, text.outboxState(item.state))
                return []
            }
            guard item.request.text != nil else {
                state.message = text.noTextToEdit
                return []
            }
            var pending = PendingAction(type: item.type, reportIds: [item.reportId])
            pending.payload = item.request
            pending.retryOf = item.id
            var composer = Composer(pending: pending, text: item.request.text ?? "")
            composer.loaded = true
            state.composer = composer
            state.focus = .composer
            state.mode = .normal
            return []
        case .char("r"):
            guard let item = b.current, item.state == .conflict || item.state == .failed else {
                state.message = b.current.map { text.notRetryable($0.id, text.outboxState($0.state)) }
                return []
            }
            confirm(.requeue(item.id), &state)
            return []
        case .char("x"):
            guard let item = b.current, item.state != .sent, item.state != .discarded else {
                state.message = b.current.map { text.notRetryable($0.id, text.outboxState($0.state)) }
                return []
            }
            confirm(.discard(item.id), &state)
            return []
        default:
            return []
        }
        state.mode = .outbox(b)
        return []
    }

    // MARK: The composer

    /// The editor's width and height inside the composer pane.
    static func composerSize(_ state: AppState) -> (width: Int, height: Int) {
        let r = Layout(width: state.width, height: state.height, composing: true).list
        return (max(1, r.width - 2), max(1, r.height - 2))
    }

    static func composerKey(_ key: Key, _ composer: Composer, _ state: inout AppState) -> [Effect] {
        var c = composer
        let (width, height) = composerSize(state)
        switch key {
        case .escape:
            state.composer = nil
            state.focus = .list
            state.message = c.editor.isBlank ? nil : state.text.draftKept
            return c.loaded ? [.saveDraft(c.pending.draftKey, c.editor.isBlank ? "" : c.editor.text)] : []
        case .tab, .backTab:
            state.focus = .detail
            return []
        case .ctrl("s"):
            guard !c.editor.isBlank else {
                state.message = state.text.fieldProblem("text", .empty)
                return []
            }
            var pending = c.pending
            pending.text = c.editor.text
            c.pending = pending
            state.composer = c
            confirm(.queue(pending), &state)
            return []
        case .ctrl("e"):
            return [.externalEditor(c.editor.text)]
        case .ctrl("c"):
            // Quitting from the composer: the runtime saves the draft on the way out.
            state.quit = true
            return []
        case .ctrl("t"):
            guard !state.templates.isEmpty else {
                state.message = state.text.noTemplates
                return []
            }
            state.mode = .picker(
                Picker(purpose: .template, title: state.text.pickTemplate, options: state.templates.map { .init(id: $0.name, label: $0.name) }))
            return []
        case .char(let ch):
            if !c.editor.insert(String(ch)) { state.message = state.text.textLimitReached }
        case .paste(let s):
            if !c.editor.insert(s) { state.message = state.text.textLimitReached }
        case .enter: c.editor.insert("\n")
        case .backspace: c.editor.backspace()
        case .delete: c.editor.delete()
        case .ctrl("w"): c.editor.deleteWordBackward()
        case .left: c.editor.left()
        case .right: c.editor.right()
        case .wordLeft: c.editor.wordLeft()
        case .wordRight: c.editor.wordRight()
        case .up: c.editor.up(width: width)
        case .down: c.editor.down(width: width)
        case .home, .ctrl("a"): c.editor.lineStart(width: width)
        case .end: c.editor.lineEnd(width: width)
        case .pageUp: c.editor.vertical(-(height - 1), width: width)
        case .pageDown: c.editor.vertical(height - 1, width: width)
        default: return []
        }
        state.composer = followCursor(c, state)
        return []
    }

    /// Scrolls the composer so that the cursor's line shows.
    static func followCursor(_ composer: Composer, _ state: AppState) -> Composer {
        var c = composer
        let (width, height) = composerSize(state)
        let line = c.editor.position(width: width).line
        if line < c.scroll { c.scroll = line }
        if line >= c.scroll + height { c.scroll = line - height + 1 }
        return c
    }
}

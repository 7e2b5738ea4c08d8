import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// "Are you sure?": what the action will do, then y or n.

extension Update {
    // MARK: Confirmation

    /// "Are you sure?" before an action goes to the outbox: the reports, what changes, the text.
    static func confirm(_ pending: PendingAction, _ state: inout AppState) {
        var confirmation = Confirmation(then: .queue(pending), lines: confirmationLines(pending, state))
        guardPersonalData(personalData(in: pending, state), &confirmation, state)
        state.mode = .confirm(confirmation)
    }

    /// Personal data in an action's text that the rules ask a second confirmation for: on the
    /// report in the detail pane, or on marked reports by their privacy (`PersonalData`).
    static func personalData(in pending: PendingAction, _ state: AppState) -> [PersonalData.Match] {
        guard let text = pending.text, !text.isEmpty else { return [] }
        return personalData(in: text, for: pending.isBulk ? [] : pending.reportIds.prefix(1), among: pending.reportIds, state)
    }

    /// Personal data in `text` going to the reports `ids`: judged on the report in the detail
    /// pane when it is the one (`single`), else on the reports' privacy as listed; a report not
    /// on screen counts as one that hides its reporter.
    static func personalData(in text: String, for single: ArraySlice<String>, among ids: [String], _ state: AppState) -> [PersonalData.Match] {
        if let id = single.first, let report = state.detail, report.id == id { return PersonalData.inOutgoingText(text, of: report) }
        let privacies = state.rows.filter { ids.contains($0.id) }.map(\.privacy)
        // A marked report not on screen may hide its reporter: counted as if it did.
        let unseen = privacies.count < ids.count ? [Privacy.rahasia] : []
        return PersonalData.inOutgoingText(text, toReportsOf: privacies + unseen)
    }

    /// Adds the privacy guard's lines to a confirmation: the matches named above the keys,
    /// highlighted in the text, and y asked for twice.
    static func guardPersonalData(_ found: [PersonalData.Match], _ confirmation: inout Confirmation, _ state: AppState) {
        guard !found.isEmpty else { return }
        let keys = confirmation.lines.popLast() ?? ""
        confirmation.lines += [
            state.text.personalDataInConfirmation(found.map { ($0.kind, Sanitizer.line($0.text)) }),
            state.text.personalDataAskAgain(copying: confirmation.isCopy), keys,
        ]
        confirmation.highlights = Array(Set(found.map { Sanitizer.line($0.text) })).sorted()
        confirmation.asksAgain = true
    }

    /// An offline profile's `y`: the draft goes to the clipboard at once, unless it holds personal
    /// data on a report that hides its reporter or a template's unfilled blank, which are asked
    /// as a sent text's are (issue 24): what leaves lapor passes the same guard either way.
    static func confirmCopy(reportId id: String, text: String, _ state: inout AppState) -> [Effect] {
        let found = personalData(in: text, for: [id], among: [id], state)
        let blanks = Editor.placeholders(in: Array(text)).count
        guard !found.isEmpty || blanks > 0 else {
            state.message = state.text.draftCopied(id, count: text.count)
            return [.copy(text)]
        }
        var lines = [state.text.copyDraftQuestion(id), ""]
        let excerpt = DisplayWidth.wrap(Sanitizer.block(text), to: 60)
        lines += excerpt.prefix(4).map { "  " + $0 }
        if excerpt.count > 4 { lines.append("  …") }
        if blanks > 0 { lines.append(state.text.unfilledPlaceholders(blanks)) }
        var confirmation = Confirmation(then: .copy(reportId: id, text: text), lines: lines + ["", confirmKeysLine(state, copying: true)])
        guardPersonalData(found, &confirmation, state)
        state.mode = .confirm(confirmation)
        return []
    }

    /// The confirmation's keys, from its table (y copies instead of queueing when `copying`).
    static func confirmKeys(copying: Bool) -> [KeyHelp] {
        ConfirmCommand.table.bindings.map { binding in
            guard copying, binding.command == .yes else { return binding.described }
            return KeyHelp(keys: binding.keys, label: binding.label, helpID: "salin", helpEN: "copy", hint: binding.hint)
        }
    }

    static func confirmKeysLine(_ state: AppState, copying: Bool = false) -> String {
        confirmKeys(copying: copying).hintLine(state.language)
    }

    static func confirmationLines(_ pending: PendingAction, _ state: AppState) -> [String] {
        let text = state.text
        var lines: [String] = []
        let name = text.actionName(pending.type)
        if pending.isBulk {
            lines.append(text.confirmBulk(name, count: pending.reportIds.count, ids: pending.reportIds))
        } else {
            let title = state.detail.map { $0.id == pending.reportIds[0] ? Sanitizer.line($0.title) : "" } ?? ""
            lines.append(text.confirmOne(name, reportId: pending.reportIds[0], title: title))
        }
        lines.append(effectLine(pending, state))
        lines += detailLines(pending, state)
        if let t = pending.text, !t.isEmpty {
            lines.append("")
            let excerpt = DisplayWidth.wrap(Sanitizer.block(t), to: 60)
            lines += excerpt.prefix(4).map { "  " + $0 }
            if excerpt.count > 4 { lines.append("  …") }
        }
        if pending.retryOf != nil { lines.append(text.replacesOutboxItem) }
        if let t = pending.text, !Editor.placeholders(in: Array(t)).isEmpty {
            // A template's blank left as it was would reach the citizen as "[…]".
            lines.append(text.unfilledPlaceholders(Editor.placeholders(in: Array(t)).count))
        }
        return lines + ["", confirmKeysLine(state)]
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
        switch ConfirmCommand.table.command(for: key) {
        case .yes where confirmation.asksAgain:
            var again = confirmation
            again.asksAgain = false
            if let i = again.lines.firstIndex(of: state.text.personalDataAskAgain(copying: again.isCopy)) {
                again.lines[i] = state.text.personalDataConfirmAgain(copying: again.isCopy)
            }
            state.mode = .confirm(again)
            return []
        case .yes:
            state.mode = .normal
            switch confirmation.then {
            case .queue(let pending): return [.queue(pending)]
            case .requeue(let id): return [.requeue(id)]
            case .discard(let id): return [.discard(id)]
            case .copy(let id, let text):
                state.message = state.text.draftCopied(id, count: text.count)
                return [.copy(text)]
            }
        case .no:
            state.mode = .normal
            state.message = state.text.cancelled
            return []
        case .keyHelp:
            state.keyHelp = .confirmation
            return []
        case nil:
            return []
        }
    }
}

/// The keys of a confirmation. Nothing else does anything: a stray key never confirms.
enum ConfirmCommand: CaseIterable, Sendable {
    case yes, no, keyHelp

    static let table = KeyTable<ConfirmCommand>([
        KeyBinding(.yes, [.char("y"), .char("Y"), .enter], "y/Enter", "masukkan ke kotak keluar", "put it in the outbox", hint: true),
        KeyBinding(.no, [.char("n"), .char("N"), .escape], "n/Esc", "batal", "cancel", hint: true),
        KeyBinding(.keyHelp, [.function(1), .char("?")], "F1/?", "bantuan", "help"),
    ])
}

extension Update {
    /// What else the confirmation names: an archive's reason, a duplicate's original, a
    /// verification's corrections (before → after).
    static func detailLines(_ pending: PendingAction, _ state: AppState) -> [String] {
        let text = state.text
        var lines: [String] = []
        if let reason = pending.reason { lines.append(text.archiveReasonLine(text.archiveReasonName(reason))) }
        if let original = pending.duplicateOf {
            lines.append(text.duplicateOfLine(original, title: pending.originalTitle.map(Sanitizer.line) ?? ""))
        }
        guard pending.type == .verify, !pending.isBulk, let report = state.detail, report.id == pending.reportIds[0] else { return lines }
        let categoryName = { (id: String?) in
            id.map { CategoryTree(state.workflow.categories?.categories ?? []).path(of: $0).map(\.name).joined(separator: " › ") } ?? "-"
        }
        if let kind = pending.kind { lines.append(text.change(text.verifyFieldName(0), text.kindName(report.kind), text.kindName(kind))) }
        if let category = pending.categoryId {
            lines.append(
                text.change(text.verifyFieldName(1), Sanitizer.line(categoryName(report.categoryId)), Sanitizer.line(categoryName(category))))
        }
        if let privacy = pending.privacy {
            lines.append(text.change(text.verifyFieldName(2), text.privacyName(report.privacy), text.privacyName(privacy)))
        }
        if let title = pending.title { lines.append(text.change(text.verifyFieldName(3), Sanitizer.line(report.title), Sanitizer.line(title))) }
        if pending.kind == nil && pending.categoryId == nil && pending.privacy == nil && pending.title == nil { lines.append(text.noCorrections) }
        return lines
    }
}

import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Acting: from an action key, through the composer, a picker or a form, to a confirmation and
/// the outbox. Every rule (who may, from which status, which payload) is asked of `Workflow`.

extension Update {
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
}

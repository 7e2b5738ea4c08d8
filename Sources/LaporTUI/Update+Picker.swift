import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Pickers (a unit, an archive reason, a template, a category) and the duplicate's prompt.

extension Update {
    static func pickerKey(_ key: Key, _ picker: Picker, _ state: inout AppState) -> [Effect] {
        var p = picker
        let count = p.matches.count
        switch PickerCommand.table.command(for: key) {
        case .cancel:
            state.mode = .normal
            if case .category(let form) = p.purpose { state.mode = .verify(form) }
            return []
        case .down: p.selected = min(p.selected + 1, max(0, count - 1))
        case .up: p.selected = max(0, p.selected - 1)
        case .pageDown: p.selected = min(p.selected + 10, max(0, count - 1))
        case .pageUp: p.selected = max(0, p.selected - 10)
        case .erase:
            p.query = String(p.query.dropLast())
            p.selected = 0
        case .choose:
            guard p.matches.indices.contains(p.selected) else { return [] }
            return picked(p.matches[p.selected], p.purpose, &state)
        case .keyHelp:
            state.keyHelp = .picker
            return []
        case nil:
            // Typing narrows the list.
            switch key {
            case .char(let c):
                guard p.query.count < 100 else { return [] }
                p.query.append(c)
            case .paste(let s):
                p.query += Sanitizer.line(s).prefix(100 - p.query.count)
            default: return []
            }
            p.selected = 0
        }
        state.mode = .picker(p)
        return []
    }

    static func picked(_ option: Picker.Option, _ purpose: Picker.Purpose, _ state: inout AppState) -> [Effect] {
        state.mode = .normal
        switch purpose {
        case .unit(var pending):
            pending.unitId = option.id
            confirm(pending, &state)
        case .reason(var pending):
            pending.reason = ArchiveReason(rawValue: option.id)
            confirm(pending, &state)
        case .template:
            guard var composer = state.composer, let template = state.templates.first(where: { $0.name == option.id }) else { return [] }
            let report = state.detail?.id == composer.pending.reportIds.first ? state.detail : nil
            let unit = report?.unitId.flatMap { state.workflow.units[$0]?.name } ?? state.user.unitId.flatMap { state.workflow.units[$0]?.name } ?? ""
            let date = state.text.longDate(state.now.in(state.workflow.units.zone(of: report?.unitId)).localDate)
            let filled = report.map { template.filled(for: $0, unit: unit, date: date) } ?? template.body
            let start = composer.editor.cursor
            if !composer.editor.insert(filled) { state.message = state.text.textLimitReached }
            // The cursor goes to the first blank to fill, not after the signature.
            composer.editor.toPlaceholder(from: start)
            composer = followCursor(composer, state)
            state.composer = composer
        case .category(var form):
            form.categoryId = option.id
            state.mode = .verify(form)
        case .view:
            return chooseView(option.id, &state)
        }
        return []
    }

    static func duplicateKey(_ key: Key, _ pending: PendingAction, _ typed: String, _ state: inout AppState) -> [Effect] {
        switch PromptCommand.table.command(for: key) {
        case .cancel:
            state.mode = .normal
        case .erase:
            state.mode = .duplicateOf(pending, String(typed.dropLast()))
        case .submit:
            var p = pending
            p.duplicateOf = typed
            if !p.isBulk, let report = state.detail, let refusal = refusal(of: p, on: report, state) {
                state.message = state.text.refusal(refusal)
                return []
            }
            // The original must be in the store (and the user's to see); the confirmation names it.
            if !p.isBulk { return [.checkOriginal(p)] }
            confirm(p, &state)
        case .keyHelp:
            state.keyHelp = .prompt
        case nil:
            // Typing: a tracking number is digits.
            if case .char(let c) = key, c.isNumber, typed.count < 12 { state.mode = .duplicateOf(pending, typed + String(c)) }
        }
        return []
    }
}

/// The keys of a list to choose from (a unit, a reason, a template, a category). Any other key
/// narrows the list.
enum PickerCommand: CaseIterable, Sendable {
    case choose, cancel, down, up, pageDown, pageUp, erase, keyHelp

    static let table = KeyTable<PickerCommand>([
        KeyBinding(.choose, [.enter], "Enter", "ambil", "take", hint: true),
        KeyBinding(.cancel, [.escape], "Esc", "batal", "cancel", hint: true),
        KeyBinding(.down, [.down, .ctrl("n")], "↓", "berikutnya", "next"),
        KeyBinding(.up, [.up, .ctrl("p")], "↑", "sebelumnya", "previous"),
        KeyBinding(.pageDown, [.pageDown], "PgDn", "10 ke bawah", "10 down"),
        KeyBinding(.pageUp, [.pageUp], "PgUp", "10 ke atas", "10 up"),
        KeyBinding(.erase, [.backspace], "Backspace", "hapus huruf terakhir", "erase the last letter"),
        KeyBinding(.keyHelp, [.function(1)], "F1", "bantuan", "help", hint: true),
    ])
}

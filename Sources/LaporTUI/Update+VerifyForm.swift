import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// The verify form: kind, category, privacy and title, corrected before the report is verified.

extension Update {
    static func verifyKey(_ key: Key, _ form: VerifyForm, _ state: inout AppState) -> [Effect] {
        var f = form
        let fields = VerifyForm.Field.allCases
        let choosing = f.field == .kind || f.field == .privacy
        switch VerifyFormCommand.table.command(for: key) {
        case .cancel:
            state.mode = .normal
            state.message = state.text.cancelled
            return []
        case .nextField: f.field = fields[(f.field.rawValue + 1) % fields.count]
        case .previousField: f.field = fields[(f.field.rawValue + fields.count - 1) % fields.count]
        case .erase:
            guard f.field == .title else { return [] }
            f.title = String(f.title.dropLast())
        case .previousChoice where choosing: f.cycle(by: -1)
        case .nextChoice where choosing: f.cycle(by: 1)
        case .previousChoice, .nextChoice: return []
        case .choose where f.field == .category:
            let tree = CategoryTree(state.workflow.categories?.categories ?? [])
            let options = tree.categories.map { c in
                Picker.Option(id: c.id, label: tree.path(of: c.id).map(\.name).joined(separator: " › "))
            }
            state.mode = .picker(Picker(purpose: .category(f), title: state.text.pickCategory, options: options))
            return []
        case .choose, .submit:
            let pending = f.action
            if !pending.isBulk, let report = state.detail, let refusal = refusal(of: pending, on: report, state) {
                state.message = state.text.refusal(refusal)
                state.mode = .verify(f)
                return []
            }
            confirm(pending, &state)
            return []
        case .keyHelp:
            state.keyHelp = .verifyForm
            return []
        case .makeConfidential:
            f.privacy = .rahasia
            f.field = .privacy
        case nil:
            // Typing: the title takes text; Space on a choice changes it.
            switch key {
            case .char(" ") where choosing: f.cycle(by: 1)
            case .char(let c) where f.field == .title:
                guard f.title.count < 500 else { return [] }
                f.title.append(c)
            case .paste(let s) where f.field == .title:
                f.title += Sanitizer.line(s).prefix(max(0, 500 - f.title.count))
            default: return []
            }
        }
        state.mode = .verify(f)
        return []
    }
}

/// The verify form's keys. Typing goes into the title; Space changes a choice.
enum VerifyFormCommand: CaseIterable, Sendable {
    case nextField, previousField, previousChoice, nextChoice, choose, submit, erase, cancel, keyHelp, makeConfidential

    static let table = KeyTable<VerifyFormCommand>([
        KeyBinding(.nextField, [.down, .tab], "↓/Tab", "kolom berikutnya", "next field", hint: true),
        KeyBinding(.previousField, [.up, .backTab], "↑", "kolom sebelumnya", "previous field"),
        KeyBinding(.previousChoice, [.left], "←", "pilihan sebelumnya (jenis/privasi)", "previous choice (kind/privacy)"),
        KeyBinding(.nextChoice, [.right], "→/Spasi", "ganti pilihan", "change the choice", hint: true),
        KeyBinding(.choose, [.enter], "Enter", "pilih kategori/lanjut", "choose a category/continue"),
        KeyBinding(.submit, [.ctrl("s")], "Ctrl-S", "lanjut", "continue", hint: true),
        KeyBinding(.erase, [.backspace], "Backspace", "hapus huruf judul", "erase a title letter"),
        KeyBinding(
            .makeConfidential, [.ctrl("r")], "Ctrl-R", "jadikan rahasia (data pribadi di isi)", "make it rahasia (personal data in the text)"),
        KeyBinding(.cancel, [.escape], "Esc", "batal", "cancel", hint: true),
        KeyBinding(.keyHelp, [.function(1)], "F1", "bantuan", "help", hint: true),
    ])
}

import LaporApp
import LaporDomain
import LaporStore
import LaporText
import Terminal

/// Acting: from an action key, through the composer, a picker or a form, to a confirmation and
/// the outbox. Every rule (who may, from which status, which payload) is asked of `Workflow`.

extension Update {
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
}

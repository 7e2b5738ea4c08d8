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
        // A refusal is a box closed on purpose (Esc, Enter): the rest of a word typed after a
        // refused key never reaches the list as commands.
        if state.user.role == .supervisor { return notice(text.refusal(.readOnlyRole), &state) }
        // A report opened by its number (g) is the one acted on, not the row selected under it.
        let targets = state.marked.isEmpty ? [state.target].compactMap { $0 } : state.marked.sorted()
        guard !targets.isEmpty else { return notice(text.noSelection, &state) }
        // A profile read from an export sends nothing: texts become drafts to copy with y.
        if state.fromExport, !ActionRule.rule(for: type).draftsOffline { return notice(text.offlineActionsUnavailable, &state) }
        var pending = PendingAction(type: type, reportIds: targets)
        var report: Report? = nil
        if targets.count == 1 {
            guard let detail = state.detail, detail.id == targets[0] else {
                // The selected report is still loading: this key and those after it wait for it.
                hold(targets[0], from: KeyMap.table.bindings.first { $0.command == command }?.keys.first, &state)
                return [.loadDetail(targets[0])]
            }
            report = detail
            // Role, scope and status first; the payload comes next.
            if let refusal = refusal(of: pending, on: detail, state), refusal.category != .invalid {
                return notice(text.refusal(refusal), &state)
            }
        } else if !ActionRule.rule(for: type).roles.contains(state.user.role) {
            return notice(text.refusal(.roleNotAllowed(type, state.user.role)), &state)
        }
        switch command {
        case .followup, .requestInfo, .returnReport, .hold:
            state.composer = Composer(pending: pending)
            state.focus = .composer
            return [.loadDraft(pending.draftKey)]
        case .forward, .dispatch:
            let options = unitOptions(for: pending, report: report, state)
            guard !options.isEmpty else { return notice(text.noUnitToChoose, &state) }
            state.mode = .picker(Picker(purpose: .unit(pending), title: text.pickUnit(type), options: options))
        case .archive:
            let reasons = ArchiveReason.adminReasons.filter { $0 != .duplicate }
            state.mode = .picker(
                Picker(
                    purpose: .reason(pending), title: text.pickReason,
                    options: reasons.map { .init(id: $0.rawValue, label: text.archiveReasonName($0)) }))
        case .duplicate:
            pending.reason = .duplicate
            // The best suggestion typed in already; the admin still confirms (or types another).
            let best = targets.count == 1 && state.similar?.reportId == targets[0] ? state.similar?.items.first?.suggestion.id : nil
            state.mode = .duplicateOf(pending, best ?? "")
        case .verify:
            // Corrections are per report; marked reports are verified as they are.
            guard let report else {
                confirm(pending, &state)
                return []
            }
            state.mode = .verify(VerifyForm(pending: pending, report: report))
        case .closeReport:
            confirm(pending, &state)
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

    // MARK: Results

    static func queued(_ result: QueueResult, _ state: inout AppState) -> [Effect] {
        let text = state.text
        let name = text.actionName(result.pending.type)
        let refusals = result.refused.map { r in
            let why: String
            switch r.problem {
            case .refusal(let refusal): why = text.refusal(refusal)
            case .notInStore: why = text.reportNotInStore(r.reportId)
            case .alreadyQueued(let item): why = text.alreadyQueued(result.pending.type, reportId: r.reportId, itemId: item)
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
            lines += ["", text.overlayCloses]
            state.mode = .notice(lines)
        } else if let first = refusals.first {
            state.message = first.1
        } else {
            state.message = text.queuedOnScreen(name, reportId: result.pending.reportIds[0])
        }
        guard !result.queued.isEmpty else { return [] }
        state.actedOn.formUnion(result.queued)
        var effects: [Effect] = [.reload, .refreshCounts]
        if let id = state.row(at: state.selected)?.id ?? state.detail?.id { effects.append(.loadDetail(id)) }
        if state.syncing { state.syncAgain = true } else { effects.append(.sync) }
        return effects
    }
}

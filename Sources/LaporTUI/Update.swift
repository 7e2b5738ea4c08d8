import LaporApp
import LaporDomain
import LaporStore
import Terminal

/// The pure heart of the TUI: an event changes the state and asks for effects.
public enum Update {
    public static func update(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            state.width = w
            state.height = h
            clampScroll(&state)
            return []
        case .tick(let now):
            let minuteChanged = now.epochSeconds / 60 != state.now.epochSeconds / 60
            state.now = now
            // A report that never came (the store did not answer): the keys held for it are
            // dropped, said, never sent to whatever is selected.
            if state.awaiting != nil, let since = state.awaitingSince, now.epochSeconds - since.epochSeconds >= 3 {
                state.awaiting = nil
                state.heldKeys = []
                state.message = state.text.keysDropped
            }
            return minuteChanged ? [.reload, .refreshCounts] : []
        case .loaded(let rows, let total, let offset):
            let previousId = state.row(at: state.selected)?.id
            state.rows = rows
            state.listLoaded = true
            state.rowsOffset = offset
            state.total = total
            if let previousId, !state.actedOn.contains(previousId), let i = rows.firstIndex(where: { $0.id == previousId }) {
                state.selected = offset + i
            }
            state.selected = min(state.selected, max(0, total - 1))
            clampScroll(&state)
            // While writing, the detail beside the composer stays the report written about, even
            // if a sync moved it out of the view; a report opened by number stays too.
            guard state.composer == nil, !state.detailPinned else { return [] }
            if total == 0 {
                // Nothing in the view: no report beside "no reports here".
                state.detail = nil
                state.detailUnsettled = []
                return []
            }
            return selectionEffects(state)
        case .loadedGroups(let groups):
            state.overdueGroups = groups
            return []
        case .loadedSavedViews(let views, let counts):
            state.savedViews = views
            state.savedCounts = counts
            return []
        case .originalChecked(var pending, let original):
            guard !pending.isBulk, let report = state.detail else { return [] }
            let request = pending.request(for: report, id: "probe")
            if let refusal = state.workflow.checkOriginal(of: request, original, by: state.user) {
                state.message = state.text.refusal(refusal)
                return []
            }
            pending.originalTitle = original?.title
            confirm(pending, &state)
            return []
        case .opened(let id, let report):
            guard let report else {
                // Held until closed: the keys typed after the number must not act on the list.
                state.awaiting = nil
                state.heldKeys = []
                return notice(state.text.reportNotInStore(id), &state)
            }
            state.detail = report
            state.focus = .detail
            state.detailScroll = 0
            // In the list: selected there, so that the row marked is the report shown. Elsewhere:
            // pinned, and the list shows no selection until it moves (`View.list`).
            if let i = state.rows.firstIndex(where: { $0.id == report.id }) {
                state.selected = state.rowsOffset + i
                state.detailPinned = false
                clampScroll(&state)
            } else {
                state.detailPinned = true
            }
            if report.id != state.detailUnsettled.first?.reportId { state.detailUnsettled = [] }
            return [.markSeen(id)] + similarOnOpen(report, &state) + release(id, &state)
        case .unreadableDetail(let id):
            state.detailPinned = false
            state.detail = nil
            state.unreadableDetail = id
            return release(id, &state)
        case .loadedDetail(let report):
            state.detailPinned = false
            state.unreadableDetail = nil
            state.detail = report
            if report?.id != state.detailUnsettled.first?.reportId { state.detailUnsettled = [] }
            guard let report else {
                state.similar = nil
                return []
            }
            return similarOnOpen(report, &state) + release(report.id, &state)
        case .loadedSimilar(let id, let items):
            guard id == state.detail?.id else { return [] }
            state.similar = SimilarReports(reportId: id, items: items)
            if items.isEmpty, state.similarAsked == id { state.message = state.text.noSimilarReports }
            state.similarAsked = nil
            return []
        case .loadedUnsettled(let items, let reports):
            state.detailUnsettled = items.filter { $0.reportId == state.detail?.id }
            state.unsettledReports = reports
            return []
        case .loadedNotInLatestExport(let ids):
            state.notInLatestExport = ids
            return []
        case .draftToCopy(let id, let text):
            guard let text else {
                state.message = state.text.noDraftToCopy(id)
                return []
            }
            guard clipboardSequence(text) != nil else {
                state.message = state.text.draftTooLongToCopy
                return []
            }
            return confirmCopy(reportId: id, text: text, &state)
        case .loadedDraft(let key, let text):
            guard var composer = state.composer, composer.pending.draftKey == key, !composer.loaded else { return [] }
            composer.loaded = true
            if let text, composer.editor.isBlank {
                composer.editor = Editor(text)
                state.message = state.text.draftRestored(text.count)
            }
            state.composer = followCursor(composer, state)
            return []
        case .queued(let result):
            return queued(result, &state)
        case .loadedOutbox(let items):
            var browser = OutboxBrowser(items: items)
            if case .outbox(let open) = state.mode { browser.selected = min(open.selected, max(0, items.count - 1)) }
            state.mode = .outbox(browser)
            return []
        case .outboxChanged(let line):
            state.message = line
            var effects: [Effect] = [.loadOutbox, .reload, .refreshCounts]
            if state.syncing { state.syncAgain = true } else { effects.append(.sync) }
            return effects
        case .loadedAllIds(let ids):
            state.marked = Set(ids)
            state.message = state.text.markedCount(ids.count)
            return []
        case .editorReturned(let result):
            guard var composer = state.composer else { return [] }
            switch result {
            case .success(var text):
                if text.hasSuffix("\n") { text.removeLast() }
                composer.editor = Editor(text)
                composer.loaded = true
                if text.count > Editor.limit { state.message = state.text.textLimitReached }
            case .failure(let failure):
                state.message = state.text.editorFailed(failure.reason)
            }
            state.composer = followCursor(composer, state)
            return []
        case .counts(let overdue, let today, let soon, let outbox, let last):
            state.overdueCount = overdue
            state.dueTodayCount = today
            state.dueSoonCount = soon
            state.outboxQueued = outbox
            state.lastSync = last
            return []
        case .syncStarted:
            state.syncing = true
            state.syncProgress = nil
            return []
        case .syncProgress(let pages, let reports, let total):
            state.syncProgress = (pages, reports, total)
            // The list fills as the pages land (a first sync of 60,000 reports takes a while).
            return [.reload, .refreshCounts]
        case .syncRateLimited(let seconds):
            state.message = state.text.syncRateLimited(seconds)
            return []
        case .rulesRefreshed(let update):
            state.workflow = update.workflow
            return []
        case .similarPending:
            return [.fileSimilar]
        case .syncFinished(let summary):
            state.syncing = false
            state.syncProgress = nil
            state.offline = summary.outcome == .offline
            // Only what happened: a sync that changed nothing leaves the line to the keys (and `?`).
            if !state.messageStays, state.composer == nil || state.message == nil, let line = state.text.syncSummaryShort(summary) {
                state.message = line
            }
            var effects: [Effect] = [.reload, .refreshCounts]
            // The detail settles: the server's answer replaces what was shown as pending.
            if let id = state.detail?.id { effects.append(.loadDetail(id)) }
            if state.syncAgain {
                state.syncAgain = false
                effects.append(.sync)
            }
            return effects
        case .storeFailed(let what, let detail):
            state.message = state.text.storeFailed(what, detail: detail)
            return []
        case .key(let key):
            return handle(key, &state)
        }
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.messageStays = false
        // Waiting for the report a key is meant for (a number just opened, a row just selected):
        // keys wait with it and act on it when it is there, in order.
        if state.awaiting != nil {
            if state.heldKeys.count < 256 { state.heldKeys.append(key) }
            return []
        }
        // An overlay to read (key help, a deadline's days, a refusal, a bulk summary) closes only
        // on purpose: other keys do nothing, so that a word typed after it never reaches the list.
        if state.keyHelp != nil {
            if OverlayCommand.table.command(for: key) == .close { state.keyHelp = nil }
            return []
        }
        switch state.mode {
        case .explain, .notice:
            if OverlayCommand.table.command(for: key) == .close { state.mode = .normal }
            return []
        case .confirm(let c): return confirmKey(key, c, &state)
        case .picker(let p): return pickerKey(key, p, &state)
        case .duplicateOf(let pending, let typed): return duplicateKey(key, pending, typed, &state)
        case .verify(let form): return verifyKey(key, form, &state)
        case .outbox(let browser): return outboxKey(key, browser, &state)
        case .searching(let typed): return searchKey(key, typed, &state)
        case .filtering(let typed): return filterKey(key, typed, &state)
        case .goingTo(let typed): return goToKey(key, typed, &state)
        case .namingView(let typed): return nameViewKey(key, typed, &state)
        case .normal: break
        }
        if state.focus == .composer, let composer = state.composer {
            state.message = nil
            return composerKey(key, composer, &state)
        }
        state.message = nil
        if state.composer != nil { return readingKey(key, &state) }
        return normalKey(key, &state)
    }

    /// The list and the detail.
    static func normalKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = KeyMap.command(for: key) else {
            if case .char(let c) = key { state.message = state.text.unknownKey(String(c)) }
            return []
        }
        switch command {
        case .down: return state.focus == .list ? move(&state, by: 1) : scrollDetail(&state, by: 1)
        case .up: return state.focus == .list ? move(&state, by: -1) : scrollDetail(&state, by: -1)
        case .pageDown: return state.focus == .list ? move(&state, by: state.listRows) : scrollDetail(&state, by: 10)
        case .pageUp: return state.focus == .list ? move(&state, by: -state.listRows) : scrollDetail(&state, by: -10)
        case .top: return move(&state, by: -state.total)
        case .bottom: return move(&state, by: state.total)
        case .open:
            state.focus = .detail
            state.detailScroll = 0
            return selectionEffects(state)
        case .switchPane:
            state.focus = state.focus == .list ? .detail : .list
            return []
        case .search:
            state.mode = .searching(state.search ?? "")
            return []
        case .goTo:
            // A digit is the number's first: typing a tracking number into the list opens it.
            if case .char(let c) = key, c.isASCII, c.isNumber { state.mode = .goingTo(String(c)) } else { state.mode = .goingTo("") }
            return []
        case .nextUnit:
            guard state.view == .overdue else {
                state.message = state.text.onlyInOverdueView
                return []
            }
            // The first report of the next unit in the list (sorted by unit); past the loaded
            // window, the window's end, where the next load goes on.
            let unit = state.row(at: state.selected)?.unitId
            let start = state.selected - state.rowsOffset + 1
            let next = state.rows.indices.dropFirst(max(0, start)).first { state.rows[$0].unitId != unit }
            return move(&state, by: (next.map { $0 + state.rowsOffset } ?? (state.rowsOffset + state.rows.count)) - state.selected)
        case .filter:
            // The current filter, and a space to add the next word after it.
            state.mode = .filtering(state.filterText.map { $0 + " " } ?? "")
            return []
        case .sort:
            let all = InboxSort.allCases
            state.sort = all[((all.firstIndex(of: state.order) ?? 0) + 1) % all.count]
            state.message = state.text.sortedBy(state.order)
            return [.reload]
        case .clearSearch:
            // A report opened by number: back to the list's own selection.
            if state.detailPinned {
                state.detailPinned = false
                state.focus = .list
                return selectionEffects(state)
            }
            if state.focus == .detail {
                state.focus = .list
                return []
            }
            guard state.search != nil || state.filterText != nil else { return [] }
            state.search = nil
            state.filterText = nil
            state.extraFilter = InboxFilter()
            listChanged(&state)
            return [.reload]
        case .similar:
            guard let id = state.detail?.id else {
                state.message = state.text.noSelection
                return []
            }
            state.similar = nil
            state.similarAsked = id
            state.detailScroll = 0
            return [.loadSimilar(id)]
        case .copyDraft:
            guard let id = state.target else {
                state.message = state.text.noSelection
                return []
            }
            return [.loadDraftToCopy(id)]
        case .sync:
            guard !state.fromExport else {
                state.message = state.text.offlineProfile(state.profile)
                return []
            }
            guard !state.syncing else { return [] }
            return [.sync]
        case .explain:
            guard state.detail?.dueAt != nil else {
                state.message = state.text.noRunningClock
                return []
            }
            state.mode = .explain
            return []
        case .help:
            state.keyHelp = .normal
            return []
        case .quit:
            state.quit = true
            return []
        case .followup, .requestInfo, .forward, .returnReport, .verify, .dispatch, .hold, .archive, .duplicate, .closeReport:
            return startAction(command, command.actionType!, &state)
        case .mark:
            // The report on screen: one opened by number stays, the list moves on to the next.
            guard let id = state.target else { return [] }
            if state.marked.remove(id) == nil { state.marked.insert(id) }
            state.message = state.text.markedCount(state.marked.count)
            return state.detailPinned ? [] : move(&state, by: 1)
        case .markAll:
            guard state.marked.isEmpty else {
                state.marked = []
                state.message = state.text.marksCleared
                return []
            }
            return [.loadAllIds]
        case .outbox:
            return [.loadOutbox]
        case .previousView, .nextView:
            let choices = viewChoices(state)
            let here = choices.firstIndex { $0.id == currentViewChoice(state) } ?? 0
            let next = (here + (command == .nextView ? 1 : choices.count - 1)) % max(1, choices.count)
            return choices.indices.contains(next) ? chooseView(choices[next].id, &state) : []
        case .chooseView:
            var picker = Picker(purpose: .view, title: state.text.pickView, options: viewChoices(state))
            picker.selected = picker.options.firstIndex { $0.id == currentViewChoice(state) } ?? 0
            state.mode = .picker(picker)
            return []
        case .saveView:
            state.mode = .namingView(state.activeSaved ?? "")
            return []
        }
    }

    static func selectionEffects(_ state: AppState) -> [Effect] {
        guard let row = state.row(at: state.selected) else { return [] }
        // A report already seen is not written again: a `j` reads, it does not commit.
        return state.detail?.id == row.id && state.focus == .list ? [] : [.loadDetail(row.id)] + (row.seen ? [] : [.markSeen(row.id)])
    }
}

extension Update {
    /// A report shown in the detail pane: suggestions of another report are dropped, and a report
    /// waiting for verification has its possible duplicates looked up at once.
    static func similarOnOpen(_ report: Report, _ state: inout AppState) -> [Effect] {
        if report.id != state.similar?.reportId { state.similar = nil }
        return Similarity.suggestsOnOpen(report.status) && state.similar == nil ? [.loadSimilar(report.id)] : []
    }
}

import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText
import Terminal

/// Everything the screen shows, as one value. `update` changes it; `Screen.view` draws it.
public struct AppState: Sendable {
    public enum Pane: Sendable { case list, detail, composer }
    public enum Mode: Sendable, Equatable {
        case normal
        /// Typing a search; the text so far.
        case searching(String)
        /// Typing a filter (`status=dispatched kind=aspirasi unit=dki-dpu`); the text so far.
        case filtering(String)
        /// The day-by-day deadline explanation of the selected report.
        case explain
        /// Choosing a unit, an archive reason, a template or a category.
        case picker(Picker)
        /// Typing the tracking ID of the report this one duplicates.
        case duplicateOf(PendingAction, String)
        /// Typing a tracking number to open (`g`), whatever the view.
        case goingTo(String)
        /// Typing the name to save the view under (`V`).
        case namingView(String)
        case verify(VerifyForm)
        /// "Are you sure?", naming the reports and the effect.
        case confirm(Confirmation)
        case outbox(OutboxBrowser)
        /// Lines to read (a refusal, a bulk summary); Esc or Enter closes.
        case notice([String])
    }

    public let user: User
    public let profile: String
    /// The rules of the synced reference data; a sync that brings new decrees or a new policy
    /// replaces them (`Event.rulesRefreshed`).
    public var workflow: Workflow
    public let language: Language
    public var width: Int
    public var height: Int
    public var now: Timestamp

    public var views: [ReportView]
    public var view: ReportView
    /// The user's saved views (keys 6 to 9) and how many reports each holds now.
    public var savedViews: [SavedView] = []
    public var savedCounts: [String: Int] = [:]
    /// The saved view on screen, if one is.
    public var activeSaved: String?
    public var search: String?
    /// The filter typed with `f`, as typed and as parsed.
    public var filterText: String?
    public var extraFilter = InboxFilter()
    /// nil: the view's own order.
    public var sort: InboxSort?
    /// A window of the view's rows, from `rowsOffset`; `selected` and `top` count from the view's
    /// first row, so a view of 100,000 reports scrolls without loading them all.
    public var rows: [InboxRow] = []
    public var rowsOffset = 0
    /// The overdue view's groups: open reports past their deadline, per unit.
    public var overdueGroups: [OverdueGroup] = []
    public var total = 0
    public var selected = 0
    public var top = 0
    public var detail: Report?
    /// The report whose stored JSON could not be read as a report (the pull keeps what it can
    /// index; the detail needs the whole): the pane says so instead of staying empty.
    public var unreadableDetail: String?
    public var detailScroll = 0
    /// The detail shows a report opened by its number (`g`), which need not be in the view: a
    /// reload leaves it on screen until the selection moves.
    public var detailPinned = false

    /// A report keys wait for (opened by number, or selected and still loading): keys typed
    /// meanwhile are held in `heldKeys` and act on it once it is there.
    public var awaiting: String?
    public var awaitingSince: Timestamp?
    public var heldKeys: [Key] = []

    /// The report a key acts on: one opened by its number (g), else the selected row.
    public var target: String? { detailPinned ? detail?.id : row(at: selected)?.id }
    public var focus: Pane = .list
    public var mode: Mode = .normal
    /// The keys of this mode are shown over the screen (`?` or F1); Esc or Enter closes them.
    public var keyHelp: InputMode?
    public var message: String?
    /// The message is a notice of the start (the terminal is not UTF-8): a sync's summary does
    /// not replace it, the next key does.
    public var messageStays = false
    /// A first list has come from the store (until then the pane says it is loading, not empty).
    public var listLoaded = false

    /// The composer pane, when open (it takes the list's place, beside the detail).
    public var composer: Composer?
    /// Reports the user acted on in this session: a reload keeps the selection where it was
    /// (the next report) instead of following one of them to wherever its new state sorts it.
    public var actedOn: Set<String> = []
    /// Reports marked with `m` for a bulk action.
    public var marked: Set<String> = []
    /// Reports with an action not yet settled with the server (shown as `↑` in the list).
    public var unsettledReports: Set<String> = []
    /// The selected report's unsettled outbox items, shown on it until the server answers.
    public var detailUnsettled: [OutboxItem] = []
    /// Reply templates for Ctrl-T.
    public var templates: [ReplyTemplate] = ReplyTemplate.builtin
    /// Something was queued during a sync: sync again when it ends.
    public var syncAgain = false

    public var lastSync: Timestamp?
    public var syncing = false
    /// How far a running sync has come: pages and reports so far.
    public var syncProgress: (pages: Int, reports: Int, total: Int?)?
    public var offline = false
    /// The profile was read from an export (`lapor import`): there is no server to sync with.
    public var fromExport = false
    /// Imported reports the latest export no longer held (kept, flagged in the detail pane).
    public var notInLatestExport: Set<String> = []
    /// The reports that may be duplicates of the one in the detail pane (issue 16).
    public var similar: SimilarReports?
    /// The report whose suggestions were asked for with `=` (an empty answer is then said).
    public var similarAsked: String?
    public var outboxQueued = 0
    public var overdueCount = 0
    public var dueTodayCount = 0
    public var dueSoonCount = 0
    public var quit = false

    public init(user: User, profile: String, workflow: Workflow, language: Language, width: Int, height: Int, now: Timestamp) {
        self.user = user
        self.profile = profile
        self.workflow = workflow
        self.language = language
        self.width = width
        self.height = height
        self.now = now
        views = ReportView.views(for: user.role)
        view = views[0]
    }

    public var text: Catalogue { Catalogue(language) }

    /// The filter of the current view and search.
    public var filter: InboxFilter {
        var f = view.filter(at: now).narrowed(by: extraFilter)
        f.search = search
        return f
    }

    /// The order in use: the one chosen with `S`, or the view's.
    public var order: InboxSort { sort ?? view.defaultSort }

    /// The row at a position of the view, if it is in the loaded window.
    public func row(at index: Int) -> InboxRow? {
        let i = index - rowsOffset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// How many rows a reload fetches, and how far before the visible top it starts.
    public static let window = 400
    public static let lead = 100

    /// Rows that fit in the list pane.
    public var listRows: Int { max(1, Layout(width: width, height: height).list.height - 1 - unitTableHeight) }

    /// The overdue view's table of units takes this many lines above the reports: a third of
    /// the pane and at least three units, its header and a rule included.
    public var unitTableHeight: Int {
        guard view == .overdue, !overdueGroups.isEmpty else { return 0 }
        let pane = Layout(width: width, height: height).list.height
        // Three units at least (at 80×24 the pane has 9 lines), scrolled to the selected one.
        return min(overdueGroups.count, max(3, pane / 3 - 2)) + 2
    }
}

/// What happened: keys, time, results of work done outside.
public enum Event: Sendable {
    case key(Key)
    /// A store read or write failed: said on the message line (and logged by the runtime).
    case storeFailed(what: String, detail: String)
    case resize(width: Int, height: Int)
    case tick(Timestamp)
    case loaded(rows: [InboxRow], total: Int, offset: Int = 0)
    /// The imported reports the latest export no longer held.
    case loadedNotInLatestExport(Set<String>)
    case loadedGroups([OverdueGroup])
    case loadedDetail(Report?)
    /// The reports that may be duplicates of a report.
    case loadedSimilar(String, [SimilarReport])
    /// The selected report is stored but cannot be shown (its JSON does not decode).
    case unreadableDetail(String)
    /// The report asked for with `g`, or nil when the store has no such number.
    case opened(String, Report?)
    /// The saved views and their counts.
    case loadedSavedViews([SavedView], counts: [String: Int])
    /// A duplicate's original as the store has it (nil: not there).
    case originalChecked(PendingAction, Report?)
    /// The selected report's unsettled outbox items, and every report that has some.
    case loadedUnsettled([OutboxItem], reports: Set<String>)
    case loadedDraft(DraftKey, String?)
    /// The newest draft of a report, for `y` (nil: none).
    case draftToCopy(String, String?)
    case queued(QueueResult)
    case loadedOutbox([OutboxItem])
    /// The outbox changed (an item re-queued or discarded): a line to show.
    case outboxChanged(String)
    /// Every report of the view, for `M` (the first 500).
    case loadedAllIds([String])
    /// The text back from `$EDITOR`, or why it could not run.
    case editorReturned(Result<String, EditorFailure>)
    case counts(overdue: Int, dueToday: Int, dueSoon: Int, outbox: Int, lastSync: Timestamp?)
    case syncStarted
    /// Pages of a sync have landed (throttled to about one a second).
    case syncProgress(pages: Int, reports: Int, total: Int?)
    /// The server asked the account to slow down: the sync waits this many seconds, then goes on.
    case syncRateLimited(seconds: Int)
    case syncFinished(SyncSummary)
    /// The rules from the reference data a sync stored (new holidays, policy, units).
    case rulesRefreshed(RulesUpdate)
    /// Reports an import left for duplicate filing remain (`fileSimilarPending`): file more.
    case similarPending(Int)
}

/// New rules for a running screen; compared by identity (a `Workflow` is not `Equatable`).
public struct RulesUpdate: Equatable, Sendable {
    public let workflow: Workflow
    let id = UUID()

    public init(_ workflow: Workflow) { self.workflow = workflow }

    public static func == (a: RulesUpdate, b: RulesUpdate) -> Bool { a.id == b.id }
}

/// Work for the runtime; its results come back as events.
public enum Effect: Equatable, Sendable {
    /// Reload the list for the current view, search and time.
    case reload
    /// Recount the status bar (overdue, due today, due soon, outbox): on start, each minute, after a sync.
    case refreshCounts
    /// File a few hundred of the reports an import left for duplicate suggestions (background).
    case fileSimilar
    /// Load the selected report.
    case loadDetail(String)
    /// Open a report by its number (`g`), from the whole store.
    case openReport(String)
    /// Save the view on screen under a name.
    case saveView(SavedView)
    /// Look up the reports that may be duplicates of a report.
    case loadSimilar(String)
    /// Look up a duplicate's original before the confirmation.
    case checkOriginal(PendingAction)
    case sync
    case markSeen(String)
    case loadDraft(DraftKey)
    /// Save the composer's text now (on Esc); typing is autosaved by the runtime.
    case saveDraft(DraftKey, String)
    case queue(PendingAction)
    case requeue(String)
    case discard(String)
    case loadOutbox
    case loadAllIds
    /// Hand the text to `$VISUAL`/`$EDITOR`, the screen suspended meanwhile.
    case externalEditor(String)
    /// Read the newest draft of a report for `y`.
    case loadDraftToCopy(String)
    /// Put the text on the terminal's clipboard (the loop's own: it writes to the terminal).
    case copy(String)
}

/// Why `$EDITOR` gave nothing back.
public struct EditorFailure: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The suggestions for the report in the detail pane.
public struct SimilarReports: Equatable, Sendable {
    public var reportId: String
    public var items: [SimilarReport]
}

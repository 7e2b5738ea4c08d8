import Foundation
import LaporDomain
import LaporStore
import Terminal

/// An action on its way from a key to the outbox: the reports it applies to (one, or all the
/// marked ones) and the payload gathered so far by the composer, a picker or a form, kept as the
/// request itself (`pending.text`, `pending.unitId`… read and write it).
@dynamicMemberLookup
public struct PendingAction: Equatable, Sendable {
    public var reportIds: [String]
    /// The request's payload; its id, report and version are filled per report when queued.
    public var payload: ActionRequest
    /// The conflicted or failed outbox item this edits and queues again.
    public var retryOf: String?

    public init(type: ActionType, reportIds: [String]) {
        self.reportIds = reportIds
        payload = ActionRequest(id: "", reportId: "", type: type)
    }

    public subscript<T>(dynamicMember field: WritableKeyPath<ActionRequest, T>) -> T {
        get { payload[keyPath: field] }
        set { payload[keyPath: field] = newValue }
    }

    public var isBulk: Bool { reportIds.count > 1 }

    /// Where the composer's text is autosaved: one draft per report and action type (the same
    /// key `lapor act` clears), or one shared draft for a text written for the marked reports.
    public var draftKey: DraftKey {
        DraftKey(reportId: isBulk ? Self.markedDraftId : reportIds[0], kind: payload.type.rawValue)
    }

    /// The draft of a text written for several marked reports at once.
    public static let markedDraftId = "marked"

    /// The request for one report, against the version the user saw.
    public func request(for report: Report, id: String) -> ActionRequest {
        var request = payload
        request.id = id
        request.reportId = report.id
        request.baseVersion = report.version
        return request
    }
}

/// The composer pane: a text for a follow-up, an information request, a return or a hold.
public struct Composer: Equatable, Sendable {
    public var pending: PendingAction
    public var editor: Editor
    /// The first wrapped line shown.
    public var scroll = 0
    /// True once the stored draft (if any) has been read: autosave waits for it, so that an
    /// empty editor never overwrites a draft that is still loading.
    public var loaded = false

    public init(pending: PendingAction, text: String = "") {
        self.pending = pending
        editor = Editor(text)
    }
}

/// A list to choose from, narrowed by typing.
public struct Picker: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A unit for a dispatch or a forward.
        case unit(PendingAction)
        /// An archive reason.
        case reason(PendingAction)
        /// A reply template for the composer.
        case template
        /// A category for the verify form.
        case category(VerifyForm)
    }

    public struct Option: Equatable, Sendable {
        public var id: String
        public var label: String
        /// Searched with the label but not shown (e.g. the unit's id).
        public var keywords: String

        public init(id: String, label: String, keywords: String = "") {
            self.id = id
            self.label = label
            self.keywords = keywords
        }
    }

    public var purpose: Purpose
    public var title: String
    public var options: [Option]
    public var query = ""
    public var selected = 0

    public init(purpose: Purpose, title: String, options: [Option]) {
        self.purpose = purpose
        self.title = title
        self.options = options
    }

    /// The options matching every word typed, in any case and without diacritics.
    public var matches: [Option] {
        let words = Self.fold(query).split(separator: " ")
        guard !words.isEmpty else { return options }
        return options.filter { option in
            let haystack = Self.fold(option.label + " " + option.id + " " + option.keywords)
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    static func fold(_ s: String) -> String { s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}

/// The verify form: what an admin may correct before verifying.
public struct VerifyForm: Equatable, Sendable {
    public enum Field: Int, CaseIterable, Sendable { case kind, category, privacy, title }

    public var pending: PendingAction
    public var kind: ReportKind
    public var categoryId: String?
    public var privacy: Privacy
    public var title: String
    public var original: Report
    public var field: Field = .kind

    public init(pending: PendingAction, report: Report) {
        self.pending = pending
        kind = report.kind
        categoryId = report.categoryId
        privacy = report.privacy
        title = report.title
        original = report
    }

    /// The action with only what changed.
    public var action: PendingAction {
        var p = pending
        p.kind = kind == original.kind ? nil : kind
        p.categoryId = categoryId == original.categoryId ? nil : categoryId
        p.privacy = privacy == original.privacy ? nil : privacy
        p.title = title == original.title ? nil : title
        return p
    }
}

/// What a confirmation carries out.
public enum Confirmed: Equatable, Sendable {
    case queue(PendingAction)
    /// Queue a conflicted or failed outbox item again, unchanged.
    case requeue(String)
    /// Give an outbox item up.
    case discard(String)
}

public struct Confirmation: Equatable, Sendable {
    public var then: Confirmed
    public var lines: [String]
}

/// The outbox overlay: every item, newest first, and the selected one in full.
public struct OutboxBrowser: Equatable, Sendable {
    public var items: [OutboxItem]
    public var selected = 0

    public init(items: [OutboxItem]) { self.items = items }

    public var current: OutboxItem? { items.indices.contains(selected) ? items[selected] : nil }
}

/// What the outbox said to a queuing: per report, queued or refused and why.
public struct QueueResult: Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case refusal(Refusal)
        case notInStore
        case failed(String)
    }

    public struct Refused: Equatable, Sendable {
        public var reportId: String
        public var problem: Problem
    }

    public var pending: PendingAction
    public var queued: [String] = []
    public var refused: [Refused] = []

    public init(pending: PendingAction) { self.pending = pending }
}

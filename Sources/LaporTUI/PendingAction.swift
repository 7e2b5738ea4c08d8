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
    /// The title of a duplicate's original, looked up in the store, for the confirmation.
    public var originalTitle: String?

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

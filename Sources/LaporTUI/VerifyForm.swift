import Foundation
import LaporDomain
import LaporStore
import Terminal

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
    /// Personal data in a public report's title or body (`PersonalData.inPublicReport`): the
    /// form says so and offers to make the report rahasia.
    public var personalData: [PersonalData.Match]

    public init(pending: PendingAction, report: Report) {
        self.pending = pending
        personalData = PersonalData.inPublicReport(report)
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

    /// The next (or previous) kind or privacy, on whichever of the two has the focus.
    public mutating func cycle(by step: Int) {
        func next<T: Equatable>(_ all: [T], _ value: T) -> T {
            let i = all.firstIndex(of: value) ?? 0
            return all[(i + step % all.count + all.count) % all.count]
        }
        switch field {
        case .kind: kind = next(ReportKind.allCases, kind)
        case .privacy: privacy = next(Privacy.allCases, privacy)
        case .category, .title: break
        }
    }
}

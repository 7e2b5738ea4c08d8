import LaporDomain
import Testing

@testable import LaporStore

/// The named views of each role and the order each is read in.
@Suite struct ReportViewTests {
    @Test func eachRoleHasItsViewsInKeyOrder() {
        #expect(ReportView.views(for: .liaison) == [.inbox, .waiting, .done, .escalating, .all])
        #expect(ReportView.views(for: .admin) == [.queue, .ready, .overdue, .escalating, .all])
        #expect(ReportView.views(for: .supervisor) == [.overdue, .dueSoon, .escalating, .escalated, .all])
        for role in Role.allCases { #expect(ReportView.views(for: role).last == .all) }
    }

    @Test func eachViewHasItsOrderAndOnlyOpenReportsRunLate() {
        #expect(ReportView.inbox.defaultSort == .due && ReportView.overdue.defaultSort == .unit && ReportView.escalated.defaultSort == .escalation)
        #expect(ReportView.all.defaultSort == .id && ReportView.done.defaultSort == .id)
        for view in [ReportView.overdue, .dueSoon, .escalating, .escalated] {
            #expect(view.filter(at: now).statuses?.contains(where: \.isFinal) == false, "\(view) never lists a closed report")
        }
        #expect(ReportView.all.filter(at: now) == InboxFilter())
    }
}

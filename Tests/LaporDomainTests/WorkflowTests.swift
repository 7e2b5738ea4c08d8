import Testing

@testable import LaporDomain

/// A workflow over the test units and the built-in calendar.
let workflow = Workflow(units: testUnits, policy: .standard, calendar: .builtin())
let nationalAdmin = User(id: "u-1", name: "Admin Nasional", role: .admin, unitId: nil)
let dkiAdmin = User(id: "u-2", name: "Admin DKI", role: .admin, unitId: "dki")
let kemenkesAdmin = User(id: "u-3", name: "Admin Kemenkes", role: .admin, unitId: "kemenkes")
let dkiLiaison = User(id: "u-4", name: "Siti Rahma", role: .liaison, unitId: "dki")
let dpuLiaison = User(id: "u-5", name: "Budi Santoso", role: .liaison, unitId: "dki-dpu")
let dkiSupervisor = User(id: "u-6", name: "Supervisor DKI", role: .supervisor, unitId: "dki")

let submittedAt = ts("2026-11-02T09:15:00+07:00")  // Monday
let dispatchedAt = ts("2026-11-03T10:00:00+07:00")
let actedAt = ts("2026-11-10T14:00:00+07:00")  // Tuesday

/// A report that reached `status` the ordinary way, handled by `unit`.
func makeReport(_ status: ReportStatus, unit: String? = "dki-dpu", privacy: Privacy = .public) -> Report {
    var timeline = [TimelineEvent(id: "e-1", type: .submitted, at: submittedAt)]
    func add(_ type: TimelineEvent.EventType, _ at: Timestamp, system: Bool = false, unitId: String? = nil) {
        timeline.append(
            TimelineEvent(
                id: "e-\(timeline.count + 1)", type: type, at: at, actor: system ? nil : nationalAdmin.actor, system: system, unitId: unitId))
    }
    switch status {
    case .submitted: break
    case .held: add(.held, dispatchedAt)
    case .verified: add(.verified, dispatchedAt)
    case .dispatched:
        add(.verified, dispatchedAt)
        add(.dispatched, dispatchedAt, unitId: unit)
    case .infoRequested:
        add(.dispatched, dispatchedAt, unitId: unit)
        add(.infoRequested, ts("2026-11-04T10:00:00+07:00"))
    case .followedUp:
        add(.dispatched, dispatchedAt, unitId: unit)
        add(.followup, ts("2026-11-04T10:00:00+07:00"))
    case .replied:
        add(.dispatched, dispatchedAt, unitId: unit)
        add(.followup, ts("2026-11-04T10:00:00+07:00"))
        add(.reporterReply, ts("2026-11-05T10:00:00+07:00"))
    case .closed:
        add(.dispatched, dispatchedAt, unitId: unit)
        add(.followup, ts("2026-11-04T10:00:00+07:00"))
        add(.closed, ts("2026-11-06T10:00:00+07:00"))
    case .archived:
        add(.dispatched, dispatchedAt, unitId: unit)
        add(.infoRequested, ts("2026-11-04T10:00:00+07:00"))
        add(.archived, ts("2026-11-20T10:00:00+07:00"), system: true)
    case .unknown:
        // Only an export's report has it (with no timeline); here the same dispatch history.
        add(.dispatched, dispatchedAt, unitId: unit)
    }
    var report = Report(
        id: "9165816", version: timeline.count, kind: .pengaduan, channel: .sms, title: "Jalan berlubang di Jl. Gunung Sahari",
        body: "Lubang besar di depan halte.", privacy: privacy, reporter: .init(name: "Budi", contact: "0812xxxx"),
        status: status, unitId: unit, submittedAt: submittedAt, timeline: timeline)
    report.dueAt = DeadlineRules(policy: .standard, calendar: .builtin(), units: testUnits).due(for: report)?.at
    return report
}

/// A valid payload for each action type (on a report in dki-dpu).
func request(_ type: ActionType) -> ActionRequest {
    var r = ActionRequest(id: "a-\(type.rawValue)", reportId: "9165816", baseVersion: 1, type: type)
    switch type {
    case .hold, .return, .followup, .requestInfo: r.text = "Mohon lengkapi lokasi dan foto."
    case .archive: r.reason = .spam
    case .dispatch: r.unitId = "dki-dlh"
    case .forward: r.unitId = "dki-dpu-jp"
    case .verify, .close: break
    }
    return r
}

/// The contract's action table, written out again independently of `ActionRule`.
let contractTable: [ActionType: (roles: Set<Role>, from: Set<ReportStatus>, to: ReportStatus?)] = [
    .verify: ([.admin], [.submitted, .held], .verified),
    .hold: ([.admin], [.submitted], .held),
    .archive: ([.admin], [.submitted, .held, .verified], .archived),
    // v1.1 item 3: an admin re-routes a dispatched (or replied) report with a dispatch.
    .dispatch: ([.admin], [.submitted, .verified, .dispatched, .replied], .dispatched),
    .forward: ([.liaison, .admin], [.dispatched, .replied], nil),
    .return: ([.liaison], [.dispatched, .replied], .verified),
    .followup: ([.liaison], [.dispatched, .replied, .infoRequested, .followedUp], .followedUp),
    .requestInfo: ([.liaison], [.dispatched, .replied], .infoRequested),
    .close: ([.admin], [.followedUp, .replied, .infoRequested], .closed),
]

@Suite struct WorkflowTableTests {
    static let triples: [(ReportStatus, ActionType, Role)] = ReportStatus.allCases.flatMap { s in
        ActionType.allCases.flatMap { a in Role.allCases.map { (s, a, $0) } }
    }

    @Test(arguments: triples)
    func everyStatusActionRoleTriple(status: ReportStatus, action: ActionType, role: Role) throws {
        let user =
            switch role {
            case .admin: nationalAdmin
            case .liaison: dkiLiaison
            case .supervisor: dkiSupervisor
            }
        let report = makeReport(status)
        let expected = contractTable[action]!
        let result = workflow.apply(request(action), by: user, to: report, at: actedAt)
        let allowed = expected.roles.contains(role) && expected.from.contains(status)
        switch result {
        case .success(let next):
            #expect(allowed, "\(action) by \(role) on \(status) should be refused")
            #expect(next.status == (expected.to ?? status))
            #expect(next.version == report.version + 1)
            #expect(next.updatedAt == actedAt)
            #expect(next.timeline.count == report.timeline.count + 1)
            #expect(next.timeline.last?.actor == user.actor)
            #expect(next.timeline.last?.at == actedAt)
            #expect(next.dueAt == expectedDue(after: action, from: report, to: next))
            #expect(next.statusLabel == workflow.label(for: next))
        case .failure(let refusal):
            #expect(!allowed, "\(action) by \(role) on \(status) should be allowed, got \(refusal)")
            let reason: Refusal =
                if role == .supervisor {
                    .readOnlyRole
                } else if !expected.roles.contains(role) {
                    .roleNotAllowed(action, role)
                } else if role == .liaison && status.isIntake {
                    .outsideScope(reportUnitId: "dki-dpu")
                } else {
                    .statusNotAllowed(action, status)
                }
            #expect(refusal == reason)
            #expect(workflow.check(request(action), by: user, on: report) == refusal)
        }
        // The menu of available actions agrees with apply.
        #expect(workflow.availableActions(for: report, user: user).contains(action) == allowed)
    }

    /// The deadline each allowed action must leave, from the contract's clock column.
    func expectedDue(after action: ActionType, from report: Report, to next: Report) -> Timestamp? {
        let cal = WorkingCalendar.builtin()
        func due(_ anchor: Timestamp, _ n: Int, _ zone: IndonesianTimeZone = .wib) -> Timestamp {
            try! cal.due(after: anchor, workingDays: n, in: zone).at
        }
        switch action {
        case .verify: return due(submittedAt, 3)
        case .hold: return due(actedAt, 10)
        case .archive, .close: return nil
        // v1.1 item 4: the clock of the agency's first dispatch (dki-dlh is in DKI, like dki-dpu).
        case .dispatch: return report.timeline.contains { $0.type == .dispatched } ? due(dispatchedAt, 5) : due(actedAt, 5)
        case .forward: return report.dueAt  // forwarding never moves the follow-up deadline
        case .return: return due(submittedAt, 3)
        case .followup: return due(actedAt, 10)
        case .requestInfo: return due(actedAt, 10)
        }
    }
}

@Suite struct WorkflowRuleTests {
    @Test func ruleTableMatchesTheContract() {
        for type in ActionType.allCases {
            let rule = ActionRule.rule(for: type)
            let expected = contractTable[type]!
            #expect(rule.roles == expected.roles && rule.from == expected.from && rule.to == expected.to, "\(type)")
        }
        #expect(ActionRule.actions(for: .supervisor).isEmpty)
        #expect(ActionRule.actions(for: .liaison) == [.forward, .return, .followup, .requestInfo])
    }

    @Test func transitionsSetUnitAndReason() throws {
        let dispatched = try workflow.apply(request(.dispatch), by: nationalAdmin, to: makeReport(.verified, unit: nil), at: actedAt)
            .get()
        #expect(dispatched.unitId == "dki-dlh")
        #expect(dispatched.statusLabel == "Terdisposisi ke Dinas Lingkungan Hidup")
        #expect(dispatched.timeline.last?.unitId == "dki-dlh")
        let returned = try workflow.apply(request(.return), by: dpuLiaison, to: makeReport(.dispatched), at: actedAt).get()
        #expect(returned.unitId == nil && returned.status == .verified)
        #expect(returned.timeline.last?.text == "Mohon lengkapi lokasi dan foto.")
        var dup = request(.archive)
        dup.reason = .duplicate
        dup.duplicateOf = "9165001"
        let archived = try workflow.apply(dup, by: nationalAdmin, to: makeReport(.submitted), at: actedAt).get()
        #expect(archived.archiveReason == .duplicate && archived.duplicateOf == "9165001")
        #expect(archived.statusLabel == "Diarsipkan oleh Admin")
        let held = try workflow.apply(request(.hold), by: nationalAdmin, to: makeReport(.submitted), at: actedAt).get()
        #expect(held.statusLabel == "Ditunda (Mohon lengkapi lokasi dan foto.)")
        var verify = request(.verify)
        verify.kind = .aspirasi
        verify.title = "  Jalan rusak  "
        verify.privacy = .rahasia
        let verified = try workflow.apply(verify, by: nationalAdmin, to: makeReport(.submitted), at: actedAt).get()
        #expect((verified.kind, verified.title, verified.privacy) == (.aspirasi, "Jalan rusak", .rahasia))
    }

    @Test func dispatchClockRunsInTheTargetUnitsZone() throws {
        var r = request(.dispatch)
        r.unitId = "jpr"
        let late = ts("2026-11-10T23:30:00+07:00")  // already Wednesday 01:30 in Jayapura
        let next = try workflow.apply(r, by: nationalAdmin, to: makeReport(.verified, unit: nil), at: late).get()
        #expect(next.dueAt?.rfc3339 == "2026-11-18T23:59:59+09:00")
    }

    @Test func forwardKeepsTheDeadlineAndAReplyRestartsIt() throws {
        let report = makeReport(.dispatched)
        #expect(report.dueAt?.rfc3339 == "2026-11-10T23:59:59+07:00")
        let forwarded = try workflow.apply(request(.forward), by: dpuLiaison, to: report, at: actedAt).get()
        #expect(forwarded.dueAt == report.dueAt && forwarded.unitId == "dki-dpu-jp")
        let replied = workflow.reporterReply(
            to: makeReport(.followedUp), text: "Belum ditambal.", rating: nil, at: actedAt)
        #expect(replied?.status == .replied)
        #expect(replied?.dueAt?.rfc3339 == "2026-11-17T23:59:59+07:00")
        #expect(
            workflow.reporterReply(to: makeReport(.held), text: "Foto terlampir.", rating: nil, at: actedAt)?.status
                == .submitted)
        #expect(workflow.reporterReply(to: makeReport(.closed), text: "Terima kasih", rating: nil, at: actedAt) == nil)
        let rated = workflow.reporterReply(to: makeReport(.closed), text: nil, rating: 4, at: actedAt)
        #expect(rated?.rating == 4 && rated?.status == .closed && rated?.timeline.last?.type == .rated)
        #expect(workflow.reporterReply(to: makeReport(.dispatched), text: nil, rating: 5, at: actedAt) == nil)
        #expect(workflow.reporterReply(to: makeReport(.closed), text: nil, rating: 6, at: actedAt) == nil)
    }

    @Test func systemClocksCloseAndArchive() throws {
        let followed = makeReport(.followedUp)  // follow-up Wed 4 Nov + 10 → Wed 18 Nov
        #expect(followed.dueAt?.rfc3339 == "2026-11-18T23:59:59+07:00")
        #expect(workflow.systemTransition(of: followed, at: ts("2026-11-18T23:59:59+07:00")) == nil)
        let closed = try #require(workflow.systemTransition(of: followed, at: ts("2026-11-19T00:00:00+07:00")))
        #expect(closed.status == .closed && closed.statusLabel == "Ditutup oleh Sistem" && closed.dueAt == nil)
        #expect(closed.timeline.last?.system == true && closed.timeline.last?.actor == nil)
        let archived = try #require(workflow.systemTransition(of: makeReport(.infoRequested), at: ts("2026-11-30T08:00:00+07:00")))
        #expect(archived.status == .archived && archived.archiveReason == .noReply && archived.statusLabel == "Diarsipkan oleh Sistem")
        #expect(workflow.systemTransition(of: makeReport(.held), at: ts("2026-11-18T08:00:00+07:00"))?.archiveReason == .noReply)
        #expect(workflow.systemTransition(of: makeReport(.dispatched), at: ts("2026-12-30T08:00:00+07:00")) == nil)
    }

    @Test func escalationAfterSixtyCalendarDays() {
        let rules = DeadlineRules(policy: .standard, calendar: .builtin(), units: testUnits)
        let report = makeReport(.dispatched)
        let instants = rules.instants(for: report)
        #expect(!instants.isEscalated(at: ts("2027-01-01T23:59:59+07:00")))  // day 60
        #expect(instants.isEscalated(at: ts("2027-01-02T00:00:00+07:00")))  // day 61
        #expect(instants.escalatesAt?.rfc3339 == "2027-01-02T00:00:00+07:00")
        // The warning, ten calendar days before.
        #expect(instants.escalationWarningAt?.rfc3339 == "2026-12-23T00:00:00+07:00")
        #expect(!instants.isEscalating(at: ts("2026-12-22T23:59:59+07:00")))
        #expect(instants.isEscalating(at: ts("2026-12-23T00:00:00+07:00")) && instants.daysToEscalation(at: ts("2026-12-23T08:00:00+07:00")) == 10)
        #expect(instants.daysToEscalation(at: ts("2027-01-01T23:00:00+07:00")) == 1)
        #expect(rules.instants(for: makeReport(.closed)).escalatesAt == nil)
    }
}

@Suite struct WorkflowScopeTests {
    @Test func agencyAdminsActOnlyInTheirSubtree() {
        #expect(workflow.check(request(.verify), by: dkiAdmin, on: makeReport(.submitted)) == nil)
        #expect(workflow.check(request(.verify), by: kemenkesAdmin, on: makeReport(.submitted)) == .outsideScope(reportUnitId: "dki-dpu"))
        #expect(workflow.check(request(.verify), by: dkiAdmin, on: makeReport(.submitted, unit: nil)) == .outsideScope(reportUnitId: nil))
        var outside = request(.dispatch)
        outside.unitId = "kemenkes"
        #expect(workflow.check(outside, by: dkiAdmin, on: makeReport(.verified)) == .invalid(field: "unit_id", problem: .outsideSubtree("kemenkes")))
        #expect(workflow.check(outside, by: nationalAdmin, on: makeReport(.verified)) == nil)
    }

    @Test func liaisonsActOnlyOnDispatchedReportsOfTheirSubtree() {
        #expect(workflow.check(request(.followup), by: dpuLiaison, on: makeReport(.dispatched, unit: "dki-dpu-jp")) == nil)
        #expect(
            workflow.check(request(.followup), by: dpuLiaison, on: makeReport(.dispatched, unit: "dki-dlh")) == .outsideScope(reportUnitId: "dki-dlh")
        )
        #expect(workflow.check(request(.followup), by: dpuLiaison, on: makeReport(.verified)) == .outsideScope(reportUnitId: "dki-dpu"))
    }

    @Test func payloadRefusals() {
        let report = makeReport(.dispatched)
        func followup(_ text: String?) -> ActionRequest {
            var r = request(.followup)
            r.text = text
            return r
        }
        #expect(workflow.check(followup(nil), by: dpuLiaison, on: report) == .invalid(field: "text", problem: .required))
        #expect(workflow.check(followup(" \n\t "), by: dpuLiaison, on: report) == .invalid(field: "text", problem: .empty))
        #expect(workflow.check(followup(String(repeating: "a", count: 20_000)), by: dpuLiaison, on: report) == nil)
        #expect(workflow.check(followup(String(repeating: "😀", count: 20_000)), by: dpuLiaison, on: report) == nil)
        #expect(
            workflow.check(followup(String(repeating: "a", count: 20_001)), by: dpuLiaison, on: report)
                == .invalid(field: "text", problem: .tooLong(max: 20_000)))
        // Bytes too (contract v1.1 item 1): 20 "characters" of a letter and 4,000 combining marks each.
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 4_000), count: 20)
        #expect(
            workflow.check(followup(heavy), by: dpuLiaison, on: report) == .invalid(field: "text", problem: .tooManyBytes(max: 80_000)))
        #expect(
            workflow.check(followup(String(repeating: "🇮🇩", count: 10_001)), by: dpuLiaison, on: report)
                == .invalid(field: "text", problem: .tooManyBytes(max: 80_000)))
        #expect(
            workflow.check(followup("Sudah\u{0}"), by: dpuLiaison, on: report) == .invalid(field: "text", problem: .controlCharacter))
        #expect(workflow.check(followup("Baris\r\nbaris\tkolom"), by: dpuLiaison, on: report) == nil)
        func forward(_ unit: String?) -> ActionRequest {
            var r = request(.forward)
            r.unitId = unit
            return r
        }
        #expect(workflow.check(forward(nil), by: dpuLiaison, on: report) == .invalid(field: "unit_id", problem: .required))
        #expect(workflow.check(forward("nowhere"), by: dpuLiaison, on: report) == .invalid(field: "unit_id", problem: .unknownUnit("nowhere")))
        #expect(workflow.check(forward("dki-dpu"), by: dpuLiaison, on: report) == .invalid(field: "unit_id", problem: .sameUnit))
        #expect(workflow.check(forward("dki-dlh"), by: dpuLiaison, on: report) == .invalid(field: "unit_id", problem: .outsideSubtree("dki-dlh")))
        #expect(workflow.check(forward("dki-dlh"), by: dkiLiaison, on: report) == nil)
        #expect(
            workflow.check(forward("kemenkes"), by: nationalAdmin, on: report)
                == .invalid(field: "unit_id", problem: .otherAgencyDispatch("kemenkes")))
        func archive(_ reason: ArchiveReason?, _ dup: String? = nil) -> ActionRequest {
            var r = request(.archive)
            r.reason = reason
            r.duplicateOf = dup
            return r
        }
        let submitted = makeReport(.submitted)
        #expect(workflow.check(archive(nil), by: nationalAdmin, on: submitted) == .invalid(field: "reason", problem: .required))
        #expect(workflow.check(archive(.noReply), by: nationalAdmin, on: submitted) == .invalid(field: "reason", problem: .notAllowed("no_reply")))
        #expect(workflow.check(archive(.duplicate), by: nationalAdmin, on: submitted) == .invalid(field: "duplicate_of", problem: .required))
        #expect(
            workflow.check(archive(.duplicate, "12ab"), by: nationalAdmin, on: submitted)
                == .invalid(field: "duplicate_of", problem: .notATrackingId("12ab")))
        #expect(
            workflow.check(archive(.duplicate, "9165816"), by: nationalAdmin, on: submitted)
                == .invalid(field: "duplicate_of", problem: .selfReference))
        #expect(
            workflow.check(archive(.spam, "9165001"), by: nationalAdmin, on: submitted)
                == .invalid(field: "duplicate_of", problem: .onlyWith("reason=duplicate")))
        var title = request(.verify)
        title.title = "   "
        #expect(workflow.check(title, by: nationalAdmin, on: submitted) == .invalid(field: "title", problem: .empty))
        let withCategories = Workflow(units: testUnits, calendar: .builtin(), categories: CategoryTree([Category(id: "12", name: "PU")]))
        var category = request(.verify)
        category.categoryId = "99"
        #expect(withCategories.check(category, by: nationalAdmin, on: submitted) == .invalid(field: "category_id", problem: .unknownCategory("99")))
        #expect(Refusal.invalid(field: "text", problem: .empty).category == .invalid)
        #expect(Refusal.statusNotAllowed(.close, .closed).category == .conflict)
        #expect(Refusal.readOnlyRole.category == .forbidden)
    }

    @Test func visibilityAndReporterMasking() {
        #expect(workflow.canSee(makeReport(.submitted, unit: nil), user: nationalAdmin))
        #expect(!workflow.canSee(makeReport(.submitted, unit: nil), user: dkiAdmin))
        #expect(workflow.canSee(makeReport(.submitted), user: dkiAdmin))
        #expect(!workflow.canSee(makeReport(.submitted), user: dkiLiaison))
        #expect(workflow.canSee(makeReport(.dispatched, unit: "dki-dpu-jp"), user: dpuLiaison))
        #expect(workflow.canSee(makeReport(.archived), user: dkiSupervisor))
        #expect(!workflow.canSee(makeReport(.dispatched, unit: "kemenkes"), user: dkiSupervisor))
        let anonim = makeReport(.dispatched, privacy: .anonim)
        #expect(anonim.masked(for: .liaison).reporter == nil)
        #expect(anonim.masked(for: .supervisor).reporter == nil)
        #expect(anonim.masked(for: .admin).reporter?.name == "Budi")
        #expect(makeReport(.dispatched, privacy: .rahasia).masked(for: .liaison).reporter == nil)
        #expect(makeReport(.dispatched).masked(for: .liaison).reporter?.name == "Budi")
    }
}

import Foundation
import LaporDomain
import LaporStore
import LaporTUI
import LaporTestSupport
import Testing

/// Issue 10's boundary test: reports planted in WIB, WITA and WIT around today's boundaries
/// (escalation day 60/61 at 00:00, the warning's first day, due today, due soon, overdue, a WIT
/// submission that is still yesterday in WIB), synced with the real client, and every surface
/// asked: `lapor list` of each view, `lapor show`, the TUI's list markers and the status-bar
/// counts. They must agree with the rulebook for every report — and with fixed expectations
/// for the planted cases, so that a rule wrong everywhere alike fails too.
@Suite struct RulebookAgreementTests {
    struct Planted {
        var id: String
        var zone: IndonesianTimeZone
        var why: String
        /// Fixed expectations at the test's now (nil: not fixed, agreement only).
        var escalated: Bool?
        var escalating: Bool?
    }

    @Test func everySurfaceAgreesInEveryZone() async throws {
        try await withTestServer(reports: 0) { server in
            let now = Timestamp(Date(), in: .wib)
            let units: [(String, IndonesianTimeZone)] = [("dki-dpu", .wib), ("makassar-dpu", .wita), ("jayapura-dlhk", .wit)]
            var planted: [Planted] = []
            let calendar = WorkingCalendar.builtin()
            func plant(_ unit: String, _ zone: IndonesianTimeZone, at: Timestamp, _ why: String, escalated: Bool? = nil, escalating: Bool? = nil)
                async throws
            {
                server.clock.set(at)
                let report = try await server.submit(unit: unit, title: "Uji batas \(why)")
                planted.append(Planted(id: report.id, zone: zone, why: why, escalated: escalated, escalating: escalating))
            }
            for (unit, zone) in units {
                let today = now.in(zone).localDate
                func local(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) -> Timestamp {
                    Timestamp.startOfDay(day, in: zone).adding(seconds: Int64(hour * 3600 + minute * 60))
                }
                // Escalates at 00:00 today (day 61 began): escalated.
                try await plant(unit, zone, at: local(today.adding(days: -61), 0, 30), "day61-\(zone)", escalated: true, escalating: false)
                // Escalates at 00:00 tomorrow (day 60 now): warned, one day left.
                try await plant(unit, zone, at: local(today.adding(days: -60), 23, 30), "day60-\(zone)", escalated: false, escalating: true)
                // 00:30 local on day -60 is still the day before in WIB (for WITA and WIT): the unit's day counts.
                try await plant(unit, zone, at: local(today.adding(days: -60), 0, 30), "early-\(zone)", escalated: false, escalating: true)
                // The warning began at 00:00 today (day 51), or begins tomorrow.
                try await plant(unit, zone, at: local(today.adding(days: -51), 12), "warn51-\(zone)", escalated: false, escalating: true)
                try await plant(unit, zone, at: local(today.adding(days: -50), 12), "warn50-\(zone)", escalated: false, escalating: false)
                // Verification due today, tomorrow's working day, and overdue, when the calendar allows.
                for (label, target) in [("today", today), ("next", today.adding(days: 1)), ("overdue", today.adding(days: -7))] {
                    for back in 1...12 {
                        let submitted = local(target.adding(days: -back), 9)
                        if (try? calendar.due(after: submitted, workingDays: 3, in: zone))?.date == target {
                            try await plant(unit, zone, at: submitted, "\(label)-\(zone)")
                            break
                        }
                    }
                }
            }
            server.clock.set(now)

            let m = Machine()
            defer { m.remove() }
            let base = "http://127.0.0.1:\(server.base.port ?? 0)"
            #expect(await m.run("login", "--server", base, "--token", server.tokens["u-admin"] ?? "", "--profile", "admin").code == 0)
            #expect(await m.run("sync").code == 0)
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/admin/cases.sqlite").path)
            let reference = try #require(try store.reference())
            let rules = reference.rules
            let at = Timestamp(Date(), in: .wib)

            // The rulebook's answer for every report, and the fixed expectations.
            var decided: [String: DecidedInstants] = [:]
            for p in planted {
                let report = try #require(try store.report(p.id))
                let instants = rules.instants(for: report)
                decided[p.id] = instants
                if let e = p.escalated { #expect(instants.isEscalated(at: at) == e, "\(p.why) escalated") }
                if let e = p.escalating { #expect(instants.isEscalating(at: at) == e, "\(p.why) escalating") }
                if p.why.hasPrefix("today") { #expect(instants.isDueToday(at: at) && instants.isDueSoon(at: at), "\(p.why)") }
                if p.why.hasPrefix("overdue") { #expect(instants.isOverdue(at: at), "\(p.why)") }
            }

            // `lapor list` of each view.
            func listed(_ view: String) async -> Set<String> {
                let out = await m.run("list", "--view", view, "--format", "csv", "--limit", "500").out
                return Set(out.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
            }
            let ids = Set(planted.map(\.id))
            let views: [(String, (DecidedInstants) -> Bool)] = [
                ("overdue", { $0.isOverdue(at: at) }), ("due-soon", { $0.isDueSoon(at: at) }),
                ("escalating", { $0.isEscalating(at: at) || $0.isEscalated(at: at) }), ("escalated", { $0.isEscalated(at: at) }),
            ]
            for (view, rule) in views {
                let expected = Set(decided.filter { rule($0.value) }.keys)
                #expect(await listed(view).intersection(ids) == expected, "list --view \(view)")
            }

            // `lapor show` of each report.
            for p in planted {
                let shown = await m.run("show", p.id).out
                let instants = decided[p.id] ?? DecidedInstants()
                #expect(shown.contains("ESKALASI") == instants.isEscalated(at: at), "show \(p.why): ESKALASI")
                #expect(shown.contains("Menjelang eskalasi") == instants.isEscalating(at: at), "show \(p.why): warning")
                #expect(shown.contains("\n! ") == instants.isOverdue(at: at), "show \(p.why): overdue mark")
            }

            // The TUI: the list's markers over all planted rows, and the status bar's counts.
            var state = AppState(
                user: reference.user, profile: "admin", workflow: try #require(reference.workflow), language: .id, width: 120, height: 60, now: at)
            let rows = try store.page(InboxFilter(), sort: .id, limit: 500).filter { ids.contains($0.id) }
            _ = Update.update(&state, .loaded(rows: rows, total: rows.count))
            let screen = View.render(state).text.split(separator: "\n")
            for p in planted {
                guard let line = screen.first(where: { $0.contains(p.id) }), let instants = decided[p.id] else {
                    Issue.record("\(p.id) not on screen")
                    continue
                }
                let flagged = instants.isEscalating(at: at) || instants.isEscalated(at: at)
                #expect(line.contains("⚑") == flagged, "TUI \(p.why): ⚑ in \(line)")
                if !flagged {
                    #expect(line.contains("! ") == instants.isOverdue(at: at), "TUI \(p.why): ! in \(line)")
                    #expect(line.contains("~ ") == instants.isDueSoon(at: at), "TUI \(p.why): ~ in \(line)")
                }
            }
            let all = Array(decided.values)
            #expect(try store.count(ReportView.overdue.filter(at: at)) == all.filter { $0.isOverdue(at: at) }.count)
            #expect(try store.count(.dueToday(at: at)) == all.filter { $0.isDueToday(at: at) }.count)
            #expect(try store.count(ReportView.dueSoon.filter(at: at)) == all.filter { $0.isDueSoon(at: at) }.count)
        }
    }
}

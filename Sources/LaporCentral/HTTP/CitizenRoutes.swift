import Foundation
import Hummingbird
import LaporDomain

/// A citizen's report as `POST /reports` takes it (demo mode only).
struct CitizenSubmission: Decodable {
    var kind: ReportKind
    var channel: Channel
    var title: String
    var body: String
    var privacy: Privacy
    var reporter: Report.Reporter?
    var location: Report.Location?
    var categoryId: String?
    var unitId: String?

    enum CodingKeys: String, CodingKey {
        case kind, channel, title, body, privacy, reporter, location
        case categoryId = "category_id"
        case unitId = "unit_id"
    }
}

/// A citizen's answer or rating (`POST /reports/{id}/replies`).
struct CitizenReply: Decodable {
    var text: String?
    var rating: Int?
}

/// The routes that stand in for the citizens' channels: no token, demo mode only.
func addCitizenRoutes(to api: RouterGroup<CentralContext>, _ deps: CentralDependencies) {
    api.post("reports") { request, context in
        let (submission, _) = try await JSONBody.decode(CitizenSubmission.self, from: request, context: context)
        var problems: [String: String] = [:]
        let title = submission.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = submission.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 300 { problems["title"] = "must be 1 to 300 characters" }
        if body.isEmpty || body.count > TextLimits.maxActionText { problems["body"] = "must be 1 to \(TextLimits.maxActionText) characters" }
        if let unit = submission.unitId, !deps.workflow.units.contains(unit) { problems["unit_id"] = "unknown unit \(unit)" }
        if let category = submission.categoryId, deps.workflow.categories?[category] == nil {
            problems["category_id"] = "unknown category \(category)"
        }
        guard problems.isEmpty else { throw APIError.invalid(problems) }
        let now = deps.clock.now()
        let workflow = deps.workflow
        let report = try await deps.store.submit(
            { id in
                var report = Report(
                    id: id, version: 1, kind: submission.kind, channel: submission.channel, title: title, body: body,
                    categoryId: submission.categoryId, location: submission.location, privacy: submission.privacy,
                    reporter: submission.reporter, status: .submitted, unitId: submission.unitId, submittedAt: now,
                    timeline: [TimelineEvent(id: "e-\(id)-1", type: .submitted, at: now)])
                report.dueAt = DeadlineRules(policy: workflow.policy, calendar: workflow.calendar, units: workflow.units).due(for: report)?.at
                report.statusLabel = workflow.label(for: report)
                return report
            }, at: now)
        return try JSONBody.response(encoding: report, status: .created)
    }

    api.post("reports/:id/replies") { request, context in
        let id = try context.parameters.require("id")
        let (reply, _) = try await JSONBody.decode(CitizenReply.self, from: request, context: context)
        if let rating = reply.rating, !(1...5).contains(rating) { throw APIError.invalid(["rating": "must be 1 to 5"]) }
        let text = reply.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty || reply.rating != nil else { throw APIError.invalid(["text": "a reply needs text or a rating"]) }
        if text.count > TextLimits.maxActionText { throw APIError.invalid(["text": "at most \(TextLimits.maxActionText) characters"]) }
        let now = deps.clock.now()
        let workflow = deps.workflow
        let updated = try await deps.store.update(id, at: now) { report, _ in
            guard
                let next = workflow.reporterReply(
                    to: report, text: text.isEmpty ? nil : text, rating: reply.rating, at: now)
            else {
                throw APIError.conflict("the report does not take a reply in its status", report: report.masked(for: .liaison))
            }
            return next
        }
        guard let updated else { throw APIError.notFound }
        return try JSONBody.response(encoding: updated.masked(for: .liaison))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import LaporDomain

/// A citizen's report as `POST /reports` takes it (demo mode only). `channel` is read as text
/// and checked here: a client decoding a report tolerates a channel it does not know, but the
/// server refuses one it is asked to store (contract v1.1 item 1).
struct CitizenSubmission: Decodable {
    var kind: ReportKind
    var channel: String
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

    /// Every problem of the submission, by field.
    func problems(workflow: Workflow) -> [String: String] {
        var problems: [String: String] = [:]
        if Channel(rawValue: channel) == nil {
            problems["channel"] = "not one of " + Channel.allCases.map(\.rawValue).joined(separator: ", ")
        }
        let texts: [(String, String?, TextKind)] = [
            ("title", title, .title), ("body", body, .body), ("reporter.name", reporter?.name, .field),
            ("reporter.contact", reporter?.contact, .field), ("location.text", location?.text, .field),
        ]
        for case let (field, text?, kind) in texts {
            if let problem = TextRules.problem(in: text, kind: kind) { problems[field] = RefusalText.english(problem) }
        }
        if let unit = unitId, !workflow.units.contains(unit) { problems["unit_id"] = "unknown unit \(unit)" }
        if let category = categoryId, workflow.categories?[category] == nil { problems["category_id"] = "unknown category \(category)" }
        return problems
    }
}

/// A citizen's answer or rating (`POST /reports/{id}/replies`).
struct CitizenReply: Decodable {
    var text: String?
    var rating: Int?
}

/// `POST /reports`' answer: the report and, once, the key its reporter answers with.
struct SubmittedReport: Encodable {
    var report: Report
    var reporterKey: String

    enum CodingKeys: String, CodingKey { case reporterKey = "reporter_key" }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reporterKey, forKey: .reporterKey)
    }
}

extension HTTPField.Name {
    // invariant: a constant, valid header name
    static let reporterKey = HTTPField.Name("X-Reporter-Key")!
}

/// The routes that stand in for the citizens' channels: no token, demo mode only. A report's
/// reporter answers with the `reporter_key` given when it was submitted; without the right key
/// the report does not exist (404), and no error of these routes carries a report.
func addCitizenRoutes(to api: RecordingGroup, _ deps: CentralDependencies) {
    api.post("reports") { request, context in
        let (submission, _) = try await JSONBody.decode(CitizenSubmission.self, from: request, context: context)
        let problems = submission.problems(workflow: deps.workflow)
        guard problems.isEmpty else { throw APIError.invalid(problems) }
        let title = TextRules.normalised(submission.title).trimmingCharacters(in: .whitespacesAndNewlines)
        let body = TextRules.normalised(submission.body).trimmingCharacters(in: .whitespacesAndNewlines)
        let channel = Channel(rawValue: submission.channel) ?? .other
        let now = deps.clock.now()
        let workflow = deps.workflow
        let key = ReporterKey.newKey()
        let report = try await deps.store.submit(
            { id in
                let report = Report(
                    id: id, version: 1, kind: submission.kind, channel: channel, title: title, body: body,
                    categoryId: submission.categoryId, location: submission.location, privacy: submission.privacy,
                    reporter: submission.reporter, status: .submitted, unitId: submission.unitId, submittedAt: now,
                    timeline: [TimelineEvent(id: "e-\(id)-1", type: .submitted, at: now)])
                return workflow.decided(report)
            }, keyHash: TokenHash.of(key), at: now)
        return try JSONBody.response(encoding: SubmittedReport(report: report, reporterKey: key), status: .created)
    }

    api.post("reports/:id/replies") { request, context in
        let id = try context.parameters.require("id")
        guard let key = request.headers[.reporterKey], Report.isValidTrackingID(id),
            try await deps.store.reporterKeyMatches(id, keyHash: TokenHash.of(key))
        else { throw APIError.notFound }
        let (reply, _) = try await JSONBody.decode(CitizenReply.self, from: request, context: context)
        if let rating = reply.rating, !(1...5).contains(rating) { throw APIError.invalid(["rating": "must be 1 to 5"]) }
        let text = reply.text.map { TextRules.normalised($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard !text.isEmpty || reply.rating != nil else { throw APIError.invalid(["text": "a reply needs text or a rating"]) }
        if !text.isEmpty, let problem = TextRules.problem(in: text, kind: .body) {
            throw APIError.invalid(["text": RefusalText.english(problem)])
        }
        let now = deps.clock.now()
        let workflow = deps.workflow
        let updated = try await deps.store.update(id, at: now) { report, _ in
            guard
                let next = workflow.reporterReply(
                    to: report, text: text.isEmpty ? nil : text, rating: reply.rating, at: now)
            else {
                throw APIError.conflict("the report does not take this reply in its status")
            }
            return next
        }
        guard let updated else { throw APIError.notFound }
        return try JSONBody.response(encoding: updated.masked(for: .liaison))
    }
}

/// The secret a citizen answers with: shown once, stored only as its SHA-256.
enum ReporterKey {
    static func newKey() -> String { "rk_" + TokenHash.newToken().dropFirst(4) }
}

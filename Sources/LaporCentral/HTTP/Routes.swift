import Foundation
import Hummingbird
import LaporDomain
import Logging

/// Everything a route needs, passed in rather than reached for.
struct CentralDependencies: Sendable {
    let store: CentralStore
    let workflow: Workflow
    let policy: SlaPolicy
    let calendarYears: [HolidayYear]
    let clock: CentralClock
    let inFlight: InFlightActions
    let demo: Bool
}

/// Builds the router: the contract's routes under `/api/v1`, and the citizen routes in demo mode.
func buildRouter(_ deps: CentralDependencies, users: [String: User], limiter: AccountLimiter, logger: Logger) -> Router<CentralContext> {
    // HEAD needs an endpoint of its own for the router to reach the middleware with it.
    let router = Router(context: CentralContext.self, options: .autoGenerateHeadEndpoints)
    let table = RouteTable()
    // Router middleware wraps the routes added after it: it comes first, and reads the table
    // that the routes below fill.
    router.add(middleware: FrontMiddleware(users: users, routes: table, limiter: limiter, logger: logger))
    let api = RecordingGroup(group: router.group("api/v1"), prefix: "api/v1", table: table)
    addReferenceRoutes(to: api, deps)
    addReportRoutes(to: api, deps)
    addActionRoutes(to: api, deps)
    if deps.demo { addCitizenRoutes(to: api, deps) }
    return router
}

func addReferenceRoutes(to api: RecordingGroup, _ deps: CentralDependencies) {
    // Reference routes answer with an ETag and 304 to a matching If-None-Match (v1.1 item 7).
    api.get("me") { request, context in
        try JSONBody.reference(request, encoding: try context.requireUser())
    }
    api.get("units") { request, context in
        _ = try context.requireUser()
        return try JSONBody.reference(request, encoding: ["units": deps.workflow.units.units])
    }
    api.get("categories") { request, context in
        _ = try context.requireUser()
        return try JSONBody.reference(request, encoding: ["categories": try deps.store.categories()])
    }
    api.get("policy") { request, context in
        _ = try context.requireUser()
        return try JSONBody.reference(request, encoding: deps.policy)
    }
    api.get("calendar") { request, context in
        _ = try context.requireUser()
        guard let text = request.uri.queryParameters.get("year") else { throw APIError.invalid(["year": "required"]) }
        guard let year = Int(text), (1900...2999).contains(year) else { throw APIError.invalid(["year": "must be a year such as 2026"]) }
        guard let decree = deps.calendarYears.first(where: { $0.year == year }) else {
            throw APIError(status: .notFound, code: "not_found", message: "no holiday decree for \(year)")
        }
        return try JSONBody.reference(request, encoding: decree)
    }
}

func addReportRoutes(to api: RecordingGroup, _ deps: CentralDependencies) {
    api.get("reports/:id") { _, context in
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        guard let report = try await deps.store.report(id, for: user, workflow: deps.workflow) else { throw APIError.notFound }
        return try JSONBody.response(encoding: report)
    }
    api.get("changes") { request, context in
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        var limit = 200
        if let text = query.get("limit") {
            guard let value = Int(text), (1...500).contains(value) else { throw APIError.invalid(["limit": "must be 1 to 500"]) }
            limit = value
        }
        var cursor: Int64 = 0
        if let text = query.get("cursor"), !text.isEmpty {
            guard let value = FeedCursor.decode(text) else { throw APIError.invalid(["cursor": "not a cursor from this server"]) }
            cursor = value
        }
        let page = try await deps.store.changes(for: user, after: cursor, limit: limit, units: deps.workflow.units)
        var body = #"{"changes":["#
        body.reserveCapacity(page.items.reduce(64) { $0 + $1.utf8.count + 1 })
        for (i, item) in page.items.enumerated() {
            if i > 0 { body += "," }
            body += item
        }
        body += #"],"cursor":"\#(FeedCursor.encode(page.cursor))","more":\#(page.more)"#
        if cursor == 0, page.more {
            // The first page of a pull from the start says how big the pull is (a progress hint).
            body += #","total":\#(try await deps.store.visibleCount(for: user, units: deps.workflow.units))"#
        }
        body += "}"
        return JSONBody.response(body)
    }
}

/// The feed cursor: opaque to clients, a sequence number inside.
enum FeedCursor {
    static func encode(_ seq: Int64) -> String {
        Data("v1:\(seq)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Int64? {
        guard text.count <= 64 else { return nil }
        var padded = text
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded), let plain = String(data: data, encoding: .utf8), plain.hasPrefix("v1:"),
            let seq = Int64(plain.dropFirst(3)), seq >= 0
        else { return nil }
        return seq
    }
}

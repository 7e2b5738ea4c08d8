import Foundation
import Hummingbird
import LaporDomain
import Logging
import ServiceLifecycle

@testable import LaporCentral

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A clock the tests move by hand.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    public init(_ start: Timestamp) { current = start }

    public var now: Timestamp { lock.withLock { current } }
    public func set(_ t: Timestamp) { lock.withLock { current = t } }
    public var central: CentralClock { CentralClock { self.now } }
}

/// Log lines kept in memory, to check what the server writes.
public final class LogCapture: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    public var all: [String] { lock.withLock { lines } }

    /// Waits until a line containing `text` is logged; false after `timeout`.
    public func wait(for text: String, timeout: Duration = .seconds(5)) async -> Bool {
        await wait(count: 1, of: text, timeout: timeout)
    }

    /// Waits until `count` lines containing `text` are logged; false after `timeout`.
    public func wait(count: Int, of text: String, timeout: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if all.filter({ $0.contains(text) }).count >= count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return all.filter({ $0.contains(text) }).count >= count
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
        }
    }

    public var logger: Logger { Logger(label: "test") { _ in Handler(capture: self) } }
}

/// A reference server on 127.0.0.1 and a free port, with its own database in a temporary folder.
public final class TestServer: @unchecked Sendable {
    /// How requests reach the server: over a real socket on 127.0.0.1, or in-process through the
    /// same router (for tests where the socket is not the point: no port, no HTTP parser).
    public enum Transport: Sendable { case socket, inProcess }

    public let transport: Transport
    public let folder: URL
    public let server: CentralServer
    public let clock: TestClock
    public let logs = LogCapture()
    public let group: ServiceGroup?
    public let runner: Task<Void, any Error>?
    /// The API's base: `http://127.0.0.1:PORT/api/v1` over a socket; `/api/v1` in-process.
    public let base: URL
    let routes: InProcessCentral?
    public let tokens: [String: String]

    /// Monday 2026-11-09 10:00 WIB unless told otherwise.
    public static let defaultNow = Timestamp(rfc3339: "2026-11-09T10:00:00+07:00")!

    public init(
        demo: Bool = true, reports: Int = 60, seed: UInt64 = 7, now: Timestamp = defaultNow, clockInterval: Duration = .seconds(3600),
        limits: ConnectionLimits = .init(), folder reused: URL? = nil, holidayYears: [HolidayYear]? = nil, policy: SlaPolicy? = nil,
        transport: Transport = .socket, accountLimits: AccountLimits = .init()
    ) async throws {
        self.transport = transport
        folder = reused ?? FileManager.default.temporaryDirectory.appendingPathComponent("lapor-central-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = TestClock(now)
        var configuration = CentralConfiguration(databasePath: folder.appendingPathComponent("central.sqlite").path)
        configuration.port = 0
        configuration.demo = demo
        configuration.seedReports = reports
        configuration.seed = seed
        configuration.clockInterval = clockInterval
        configuration.limits = limits
        configuration.accountLimits = accountLimits
        if let holidayYears { configuration.holidayYears = holidayYears }
        if let policy { configuration.policy = policy }
        server = try await CentralServer(configuration: configuration, clock: clock.central, logger: logs.logger)
        switch transport {
        case .socket:
            let port = BoundPort()
            let app = try server.application { await port.set($0) }
            let group = ServiceGroup(configuration: .init(services: [app], logger: logs.logger))
            self.group = group
            runner = Task { try await group.run() }
            base = URL(string: "http://127.0.0.1:\(await port.wait())/api/v1")!
            routes = nil
        case .inProcess:
            group = nil
            runner = nil
            base = URL(string: "/api/v1")!
            routes = try server.inProcess()
            // What the clock service does once at start over a socket.
            _ = try await server.store.runSystemClock(workflow: server.workflow, at: clock.now)
        }
        if demo {
            let data = try Data(contentsOf: URL(fileURLWithPath: CentralServer.tokensPath(for: configuration.databasePath)))
            let list = try JSONDecoder().decode([DemoToken].self, from: data)
            tokens = Dictionary(uniqueKeysWithValues: list.map { ($0.userId, $0.token) })
        } else {
            tokens = [:]
        }
    }

    public func stop(keepingFolder: Bool = false) async {
        await group?.triggerGracefulShutdown()
        _ = try? await runner?.value
        if !keepingFolder { try? FileManager.default.removeItem(at: folder) }
    }

    /// A request as `user` (a demo user id), or with no token.
    public func request(
        _ method: String, _ path: String, as user: String? = nil, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        if let routes {
            var all = headers
            if let user { all["Authorization"] = "Bearer \(tokens[user] ?? "unknown-token")" }
            var payload = body
            if let json { payload = try JSONSerialization.data(withJSONObject: json) }
            if payload != nil, all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
            let answer = await routes.respond(method: method, path: base.absoluteString + path, headers: all, body: payload)
            return HTTPResult(status: answer.status, data: answer.body, headers: answer.headers)
        }
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        if let user { request.setValue("Bearer \(tokens[user] ?? "unknown-token")", forHTTPHeaderField: "Authorization") }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        if let body { request.httpBody = body }
        if request.httpBody != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers["\(k)".lowercased()] = "\(v)" }
        return HTTPResult(status: http.statusCode, data: data, headers: headers)
    }

    public func get(_ path: String, as user: String?) async throws -> HTTPResult { try await request("GET", path, as: user) }

    /// POST /actions with the id as Idempotency-Key.
    public func act(_ action: [String: Any], as user: String) async throws -> HTTPResult {
        try await request("POST", "/actions", as: user, json: action, headers: ["Idempotency-Key": action["id"] as! String])
    }

    /// POST /actions with a fresh id.
    public func actNew(_ action: [String: Any], as user: String) async throws -> HTTPResult {
        var action = action
        action["id"] = UUID().uuidString
        return try await act(action, as: user)
    }

    /// An action that must apply: the new report, or a failure naming the answer.
    public func applied(_ action: [String: Any], as user: String) async throws -> Report {
        let r = try await actNew(action, as: user)
        guard r.status == 200 else { throw TestFailure("\(action["type"] ?? "?"): \(r.status) \(r.text)") }
        return try r.report()
    }

    /// A new citizen report through the demo route.
    public func submit(unit: String? = nil, privacy: String = "public", title: String = "Jalan berlubang di Jl. Salemba Raya") async throws -> Report
    {
        try await submitWithKey(unit: unit, privacy: privacy, title: title).report
    }

    /// A new citizen report and the `reporter_key` its reporter answers with.
    public func submitWithKey(unit: String? = nil, privacy: String = "public", title: String = "Jalan berlubang di Jl. Salemba Raya")
        async throws -> (report: Report, key: String)
    {
        var body: [String: Any] = [
            "kind": "pengaduan", "channel": "web", "title": title, "body": "Lubang besar di depan halte.", "privacy": privacy,
            "reporter": ["name": "Budi", "contact": "0812"],
        ]
        if let unit { body["unit_id"] = unit }
        let r = try await request("POST", "/reports", json: body)
        guard r.status == 201 else { throw TestFailure("submit: \(r.status) \(r.text)") }
        guard let key = try r.object()["reporter_key"] as? String else { throw TestFailure("submit: no reporter_key") }
        return (try r.decode(Report.self), key)
    }

    /// Writes `body` into a stored report behind the API's back, as a non-conforming source
    /// would: text the server itself refuses (terminal control sequences), for the client's tests.
    public func plantBody(_ body: String, in id: String) async throws { try await plant(in: id) { $0.body = body } }

    /// The same for the title.
    public func plantTitle(_ title: String, in id: String) async throws { try await plant(in: id) { $0.title = title } }

    /// Changes a stored report behind the API's back as a new version.
    func plant(in id: String, _ change: @escaping @Sendable (inout Report) -> Void) async throws {
        _ = try await server.store.update(id, at: clock.now) { report, _ in
            var next = report
            change(&next)
            next.version += 1
            return next
        }
    }

    /// The reporter of a report answers (`POST /reports/{id}/replies` with its key).
    public func reply(to id: String, key: String?, json: [String: Any]) async throws -> HTTPResult {
        try await request("POST", "/reports/\(id)/replies", json: json, headers: key.map { ["X-Reporter-Key": $0] } ?? [:])
    }

    /// Submits, verifies and dispatches a report to `unit`.
    public func dispatched(to unit: String, privacy: String = "public", title: String = "Jalan berlubang di Jl. Salemba Raya") async throws -> Report
    {
        try await dispatchedWithKey(to: unit, privacy: privacy, title: title).report
    }

    /// `dispatched(to:)` with the reporter's key.
    public func dispatchedWithKey(to unit: String, privacy: String = "public", title: String = "Jalan berlubang di Jl. Salemba Raya")
        async throws -> (report: Report, key: String)
    {
        let (report, key) = try await submitWithKey(privacy: privacy, title: title)
        _ = try await act(["id": UUID().uuidString, "report_id": report.id, "type": "verify"], as: "u-admin")
        let r = try await act(["id": UUID().uuidString, "report_id": report.id, "type": "dispatch", "unit_id": unit], as: "u-admin")
        guard r.status == 200 else { throw TestFailure("dispatch: \(r.status) \(r.text)") }
        return (try r.report(), key)
    }

    /// Everything `user` gets from the change feed from `cursor`, page by page.
    public func pull(as user: String, cursor: String? = nil, limit: Int = 500) async throws -> (items: [[String: Any]], cursor: String, pages: Int) {
        var items: [[String: Any]] = []
        var cursor = cursor
        var pages = 0
        while true {
            var path = "/changes?limit=\(limit)"
            if let c = cursor { path += "&cursor=\(c)" }
            let r = try await get(path, as: user)
            guard r.status == 200 else { throw TestFailure("changes: \(r.status) \(r.text)") }
            let page = try r.object()
            items += page["changes"] as! [[String: Any]]
            cursor = (page["cursor"] as! String)
            pages += 1
            if !(page["more"] as! Bool) { return (items, cursor!, pages) }
        }
    }
}

/// Runs `body` with a reference server and stops it afterwards — awaited, also when `body`
/// throws — so that no test leaves a server running behind the next one.
public func withTestServer<T>(
    demo: Bool = true, reports: Int = 60, seed: UInt64 = 7, now: Timestamp = TestServer.defaultNow, clockInterval: Duration = .seconds(3600),
    limits: ConnectionLimits = .init(), folder: URL? = nil, holidayYears: [HolidayYear]? = nil, policy: SlaPolicy? = nil,
    transport: TestServer.Transport = .socket, accountLimits: AccountLimits = .init(), _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer(
        demo: demo, reports: reports, seed: seed, now: now, clockInterval: clockInterval, limits: limits, folder: folder,
        holidayYears: holidayYears, policy: policy, transport: transport, accountLimits: accountLimits)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

public struct HTTPResult: Sendable {
    public let status: Int
    public let data: Data
    public let headers: [String: String]

    public var text: String { String(decoding: data, as: UTF8.self) }
    public func object() throws -> [String: Any] { try JSONSerialization.jsonObject(with: data) as! [String: Any] }
    public func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: data) }
    public func report() throws -> Report { try JSONDecoder().decode(ActionEnvelope.self, from: data).report }
    public var result: String? { (try? object())?["result"] as? String }
    public var errorCode: String? { ((try? object())?["error"] as? [String: Any])?["code"] as? String }
    public var errorFields: [String: String]? { ((try? object())?["error"] as? [String: Any])?["fields"] as? [String: String] }

    public struct ActionEnvelope: Decodable {
        var report: Report
    }
}

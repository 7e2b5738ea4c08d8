import Foundation
import LaporDomain
import LaporStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Why a call to the central endpoint did not give an answer the client can use.
public enum SyncError: Error, Equatable, Sendable {
    /// No connection, a timeout, a reset: nothing was lost, try later.
    case offline(String)
    /// 401, or 403 outside an action: the token is missing, unknown or no longer allowed.
    case unauthorized(String)
    /// The server answered 5xx, 429 or `in_flight`; `retryAfter` when it said.
    case unavailable(status: Int, retryAfter: Double?)
    /// The answer is not what the contract says (not JSON, truncated, wrong shape).
    case badResponse(String)
    /// The answer is over the client's limit (`maxResponseBytes`); a smaller page may fit.
    case responseTooLarge(bytes: Int)
    /// A plain-HTTP server that is neither loopback nor trusted: the token would travel in clear.
    case insecureTransport(String)
    /// The server has no data (404) for something the client asked for by name.
    case notFound(String)
}

/// What the endpoint said to one action.
public enum ActionAnswer: Sendable, Equatable {
    /// Applied now or replayed: the report after the action.
    case applied(Report, replayed: Bool)
    /// The report moved on (409), or left the user's sight (404, report nil).
    case conflict(Report?, message: String)
    /// Refused as invalid (422), with the server's words.
    case invalid(message: String, fields: [String: String])
}

/// The contract's error body.
struct ErrorBody: Decodable {
    struct Inner: Decodable {
        var code: String
        var message: String?
        var fields: [String: String]?
        var report: Report?
    }
    var error: Inner
}

/// A page of `GET /changes`.
public struct ChangesPage: Sendable {
    public var items: [FeedItem]
    /// Items left out: too large or not readable as a report.
    public var skipped: [SkippedItem] = []
    public var cursor: String
    public var more: Bool
    public var bytes: Int
    /// How many items the whole pull holds, when the server says (the reference server does on
    /// the first page of a pull from the start); a progress hint, never relied on.
    public var total: Int?
}

/// The HTTP client of `../shared/central-api.md`, over URLSession. One per profile.
public struct CentralClient: Sendable {
    public let base: URL
    let token: String
    let session: URLSession
    /// The session's delegate: reads each answer and stops it past `maxResponseBytes`.
    let reader: BoundedReader
    /// Answers larger than this are refused as they arrive (`BoundedReader`): a feed page is at
    /// most 4 MiB of reports plus one report (under 2 MiB) by contract v1.2, so 16 MiB leaves
    /// room and bounds what one answer can make the client hold.
    public var maxResponseBytes = 16 << 20
    let counter = RequestCounter()
    /// How many requests this client (and its copies) has sent: `lapor-bench` reports it.
    public var requestsSent: Int { counter.value }

    /// - Parameters:
    ///   - server: the base URL, `http(s)://host[:port][/prefix]`; `/api/v1` is appended.
    ///   - trustedHosts: hosts where plain HTTP is acceptable besides loopback.
    public init(server: URL, token: String, trustedHosts: Set<String> = [], timeout: TimeInterval = 30) throws {
        guard let scheme = server.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = server.host, !host.isEmpty else {
            throw SyncError.badResponse("not an http(s) URL: \(server.absoluteString)")
        }
        if scheme == "http", !Self.isLoopback(host), !trustedHosts.contains(host.lowercased()) {
            throw SyncError.insecureTransport(host)
        }
        var path = server.absoluteString
        while path.hasSuffix("/") { path.removeLast() }
        if !path.hasSuffix("/api/v1") { path += "/api/v1" }
        guard let base = URL(string: path) else { throw SyncError.badResponse("not an http(s) URL: \(server.absoluteString)") }
        self.base = base
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpAdditionalHeaders = ["User-Agent": "lapor/\(LaporVersion.current)"]
        let reader = BoundedReader()
        self.reader = reader
        self.session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    // MARK: Reading

    public func me() async throws -> User { try await get("/me") }

    // Reference routes: each answer carries the server's ETag; given the tag of what the
    // client holds, an unchanged answer is a 304 without a body (contract v1.1 item 7).

    public func units(ifNoneMatch tag: String? = nil) async throws -> Tagged<[LaporDomain.Unit]> {
        struct Body: Decodable { var units: [LaporDomain.Unit] }
        return try await getTagged(Self.unitsPath, ifNoneMatch: tag, as: Body.self).map(\.units)
    }

    public func categories(ifNoneMatch tag: String? = nil) async throws -> Tagged<[LaporDomain.Category]> {
        struct Body: Decodable { var categories: [LaporDomain.Category] }
        return try await getTagged(Self.categoriesPath, ifNoneMatch: tag, as: Body.self).map(\.categories)
    }

    public func policy(ifNoneMatch tag: String? = nil) async throws -> Tagged<SlaPolicy> {
        try await getTagged(Self.policyPath, ifNoneMatch: tag)
    }

    /// The year's decree; `.fresh(nil)` when the server has none (404).
    public func calendar(year: Int, ifNoneMatch tag: String? = nil) async throws -> Tagged<HolidayYear?> {
        do {
            return try await getTagged(Self.calendarPath(year), ifNoneMatch: tag, as: HolidayYear.self).map { $0 }
        } catch SyncError.notFound {
            return .fresh(nil, tag: nil)
        }
    }

    /// The paths of the reference routes, as the stored tags name them.
    public static let unitsPath = "/units"
    public static let categoriesPath = "/categories"
    public static let policyPath = "/policy"
    public static func calendarPath(_ year: Int) -> String { "/calendar?year=\(year)" }

    public func report(_ id: String) async throws -> Report? {
        do {
            return try await get("/reports/\(id)")
        } catch SyncError.notFound {
            return nil
        }
    }

    /// One page of the change feed.
    public func changes(cursor: String?, limit: Int = 500) async throws -> ChangesPage {
        var path = "/changes?limit=\(limit)"
        if let cursor, let escaped = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { path += "&cursor=\(escaped)" }
        let (data, status, _) = try await send(path: path, method: "GET")
        try check(status, data)
        struct Probe: Decodable {
            var id: String
            var removed: Bool?
        }
        let decoder = JSONDecoder()
        return try data.withUnsafeBytes { raw -> ChangesPage in
            guard let page = try? FeedScanner.scan(raw), let cursorRange = page.cursor, let more = page.more else {
                throw SyncError.badResponse("the answer is not a change-feed page (\(data.count) bytes)")
            }
            let cursor: String
            do {
                cursor = try decoder.decode(
                    String.self, from: data[(data.startIndex + cursorRange.lowerBound)..<(data.startIndex + cursorRange.upperBound)])
            } catch {
                throw SyncError.badResponse("the page's cursor is not a string")
            }
            var items: [FeedItem] = []
            var skipped: [SkippedItem] = []
            items.reserveCapacity(page.items.count)
            let base = data.startIndex
            for (n, range) in page.items.enumerated() {
                let slice = data[(base + range.lowerBound)..<(base + range.upperBound)]
                // One item the client cannot take is skipped and named; the rest of the page goes on.
                guard TextLimits.reportFits(bytes: slice.count) else {
                    skipped.append(
                        SkippedItem(reportId: Self.leadingId(of: slice), reason: "item \(n + 1): \(slice.count) bytes, over the 2 MiB limit"))
                    continue
                }
                // Tombstones are tiny; only small items are probed for `removed` first.
                if slice.count < 512, let probe = try? decoder.decode(Probe.self, from: slice), probe.removed == true {
                    items.append(.removed(probe.id))
                    continue
                }
                do {
                    let report = try slice.withUnsafeBytes { try FeedReport(json: $0).report }
                    items.append(.report(report, json: String(decoding: slice, as: UTF8.self), similar: Similarity.features(of: report)))
                } catch {
                    let id = Self.leadingId(of: slice) ?? (try? decoder.decode(Probe.self, from: slice))?.id
                    skipped.append(SkippedItem(reportId: id, reason: "item \(n + 1): not a report this client can read (\(Self.describe(error)))"))
                }
            }
            return ChangesPage(items: items, skipped: skipped, cursor: cursor, more: more, bytes: data.count, total: page.total)
        }
    }

    /// The tracking ID of an item, without decoding it: the first `"id":"<digits>"` in it (the
    /// other ids of a report, of events, actors and attachments, are not all digits, and a
    /// quote inside a text is escaped, so a text cannot fake one).
    static func leadingId(of item: Data) -> String? {
        let key = Data(#""id":""#.utf8)
        var from = item.startIndex
        while let found = item[from...].firstRange(of: key) {
            let digits = item[found.upperBound...].prefix { $0 >= 48 && $0 <= 57 }
            let end = digits.endIndex
            if end < item.endIndex, item[end] == UInt8(ascii: "\""), Report.isValidTrackingID(String(decoding: digits, as: UTF8.self)) {
                return String(decoding: digits, as: UTF8.self)
            }
            from = found.upperBound
        }
        return nil
    }

    /// A decoding error in one line, naming the field (never the field's content).
    static func describe(_ error: any Error) -> String {
        if let failure = error as? FeedReport.Failure {
            switch failure {
            case .malformed(let at): return "not JSON (byte \(at + 1))"
            case .missing(let key): return "missing \(key)"
            case .invalid(let key): return "unknown value at \(key)"
            }
        }
        guard let error = error as? DecodingError else { return "not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue)"
        case .valueNotFound(_, let context), .typeMismatch(_, let context): return "wrong value at \(path(context))"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "unknown value at \(path(context))"
        @unknown default: return "unreadable"
        }
    }

    // MARK: Writing

    /// Sends one action with its id as the Idempotency-Key.
    public func send(_ action: ActionRequest) async throws -> ActionAnswer {
        let body = try JSONEncoder().encode(action)
        let (data, status, headers) = try await send(path: "/actions", method: "POST", body: body, headers: ["Idempotency-Key": action.id])
        switch status {
        case 200:
            struct Answer: Decodable {
                var result: String
                var report: Report
            }
            let answer: Answer = try decode(data)
            return .applied(answer.report, replayed: answer.result == "replayed")
        case 404:
            let error = try? JSONDecoder().decode(ErrorBody.self, from: data)
            return .conflict(nil, message: error?.error.message ?? "not found")
        case 409:
            let error: ErrorBody = try decode(data)
            if error.error.code == "in_flight" { throw SyncError.unavailable(status: 409, retryAfter: retryAfter(headers) ?? 1) }
            return .conflict(error.error.report, message: error.error.message ?? "conflict")
        case 413, 422:
            let error = try? JSONDecoder().decode(ErrorBody.self, from: data)
            return .invalid(message: error?.error.message ?? "invalid", fields: error?.error.fields ?? [:])
        default:
            try check(status, data, headers: headers)
            throw SyncError.badResponse("unexpected status \(status)")
        }
    }

    // MARK: Plumbing

    func get<T: Decodable>(_ path: String, as type: T.Type = T.self) async throws -> T {
        let (data, status, headers) = try await send(path: path, method: "GET")
        try check(status, data, headers: headers)
        return try decode(data)
    }

    /// A GET with `If-None-Match` when a tag is known: 304 is `.unchanged`, 200 the value and
    /// its new tag.
    func getTagged<T: Decodable & Sendable>(_ path: String, ifNoneMatch tag: String?, as type: T.Type = T.self) async throws -> Tagged<T> {
        let (data, status, headers) = try await send(path: path, method: "GET", headers: tag.map { ["If-None-Match": $0] } ?? [:])
        if status == 304 {
            // A 304 to a request that named no tag has nothing to stand for.
            guard tag != nil else { throw SyncError.badResponse("304 to \(path) without If-None-Match") }
            return .unchanged
        }
        try check(status, data, headers: headers)
        return .fresh(try decode(data), tag: headers["etag"])
    }

    /// Maps the statuses every call shares; returns for 2xx.
    func check(_ status: Int, _ data: Data, headers: [String: String] = [:]) throws {
        switch status {
        case 200..<300: return
        case 401, 403:
            let error = try? JSONDecoder().decode(ErrorBody.self, from: data)
            throw SyncError.unauthorized(error?.error.message ?? "HTTP \(status)")
        case 404: throw SyncError.notFound((try? JSONDecoder().decode(ErrorBody.self, from: data))?.error.message ?? "not found")
        case 429, 500..<600: throw SyncError.unavailable(status: status, retryAfter: retryAfter(headers))
        default: throw SyncError.badResponse("unexpected status \(status)")
        }
    }

    func retryAfter(_ headers: [String: String]) -> Double? { headers["retry-after"].flatMap(Double.init) }

    func decode<T: Decodable>(_ data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw SyncError.badResponse("the answer is not the contract's JSON (\(data.count) bytes)")
        }
    }

    func send(path: String, method: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Data, Int, [String: String]) {
        guard let url = URL(string: base.absoluteString + path) else { throw SyncError.badResponse("cannot make a URL of \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        counter.add()
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await reader.read(request, on: session, limit: maxResponseBytes)
        } catch let error as SyncError {
            throw error
        } catch let error as URLError {
            throw SyncError.offline(error.localizedDescription)
        } catch {
            throw SyncError.offline(String(describing: error))
        }
        guard let http = response as? HTTPURLResponse else { throw SyncError.badResponse("not an HTTP answer") }
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields["\(k)".lowercased()] = "\(v)" }
        if let length = fields["content-length"].flatMap(Int.init), length != data.count {
            throw SyncError.badResponse("the answer was cut short (\(data.count) of \(length) bytes)")
        }
        return (data, http.statusCode, fields)
    }
}

/// A count shared by a client's copies.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

/// A reference answer: unchanged since the tag the client sent, or a value with its tag.
public enum Tagged<Value: Sendable>: Sendable {
    case unchanged
    case fresh(Value, tag: String?)

    func map<T: Sendable>(_ transform: (Value) -> T) -> Tagged<T> {
        switch self {
        case .unchanged: .unchanged
        case .fresh(let value, let tag): .fresh(transform(value), tag: tag)
        }
    }

}

import Hummingbird
import Synchronization

/// Every route of the API and its methods, recorded as the router is built: the front
/// middleware answers from it 405 with `Allow` for a method a route lacks, `OPTIONS`, and `HEAD`
/// wherever `GET` works (contract v1.1 item 2).
final class RouteTable: Sendable {
    private let entries = Mutex<[(segments: [Substring], methods: [HTTPRequest.Method])]>([])

    /// Records `method` for `path` (`reports/:id/replies`: a `:name` segment matches any one).
    func add(_ method: HTTPRequest.Method, _ path: String) {
        let segments = path.split(separator: "/")
        entries.withLock { entries in
            if let i = entries.firstIndex(where: { $0.segments == segments }) {
                entries[i].methods.append(method)
            } else {
                entries.append((segments, [method]))
            }
        }
    }

    /// The methods `path` answers, `HEAD` beside `GET`; nil when no route has that path.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        let found = entries.withLock { entries in
            entries.first { entry in
                entry.segments.count == parts.count && zip(entry.segments, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            }?.methods
        }
        guard let found else { return nil }
        return found.contains(.get) ? found + [.head] : found
    }
}

/// A router group that records each route it adds in a `RouteTable`.
struct RecordingGroup {
    let group: RouterGroup<CentralContext>
    let prefix: String
    let table: RouteTable

    func get(_ path: String, _ handler: @escaping @Sendable (Request, CentralContext) async throws -> Response) {
        table.add(.get, prefix + "/" + path)
        group.get(RouterPath(path), use: handler)
    }

    func post(_ path: String, _ handler: @escaping @Sendable (Request, CentralContext) async throws -> Response) {
        table.add(.post, prefix + "/" + path)
        group.post(RouterPath(path), use: handler)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded

/// The server's routes without a socket: a request goes through the same router, middleware,
/// rules and store as over HTTP, but not through the connection guard (timeouts, the connection
/// cap, the HTTP/1 parser). For tests where the socket is not the point.
public struct InProcessCentral: Sendable {
    let responder: RouterResponder<CentralContext>
    let logger: Logger

    /// What the routes answered: the status, the headers (names in lower case) and the body.
    public struct Answer: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: Data
    }

    /// One request; `path` is the whole path (`/api/v1/me`), with its query.
    public func respond(method: String, path: String, headers: [String: String] = [:], body: Data? = nil) async -> Answer {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        if let body { fields[.contentLength] = String(body.count) }
        let head = HTTPRequest(method: HTTPRequest.Method(method) ?? .get, scheme: "http", authority: "127.0.0.1", path: path, headerFields: fields)
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: body ?? Data())))
        let context = CentralContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        var response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = (try? error.response(from: request, context: context)) ?? Response(status: .internalServerError)
        } catch {
            response = Response(status: .internalServerError)
        }
        let writer = CollectingWriter()
        do {
            try await response.body.write(writer)
        } catch {
            return Answer(status: 500, headers: [:], body: Data())
        }
        var out: [String: String] = [:]
        for field in response.headers { out[field.name.canonicalName] = field.value }
        return Answer(status: response.status.code, headers: out, body: writer.bytes)
    }
}

/// Gathers a response body in memory.
private final class CollectingWriter: ResponseBodyWriter, Sendable {
    private let box = NIOLockedValueBox(Data())

    var bytes: Data { box.withLockedValue { $0 } }

    func write(_ buffer: ByteBuffer) async throws {
        box.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

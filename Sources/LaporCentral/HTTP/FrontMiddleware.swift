import Crypto
import Foundation
import Hummingbird
import LaporDomain
import Logging

/// The outermost middleware: resolves the bearer token to a user, answers what the route table
/// decides (404 for no such path, 405 with `Allow` for a method a route lacks, `OPTIONS`, `HEAD`
/// as `GET` without the body), keeps each account to its rate, turns every error into the contract's error body, and logs one
/// line per request (method, path, status, ms, user id). The token, the query string and report
/// content never reach the log.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = CentralContext
    let users: [String: User]
    let routes: RouteTable
    let limiter: AccountLimiter
    let logger: Logger

    func handle(_ request: Request, context: CentralContext, next: (Request, CentralContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                context.user = users[TokenHash.of(String(parts[1]))]
            }
        }
        // At debug level: the head has arrived and the request is in the router (a test waits for it).
        logger.debug("started \(request.method.rawValue) \(request.uri.path)")
        var response = await answer(request, context: context, next: next)
        if request.method == .head {
            // HEAD: GET's status and headers, its length, no body.
            let length = response.body.contentLength ?? 0
            response = Response(status: response.status, headers: response.headers, body: .init())
            response.headers[.contentLength] = String(length)
        }
        if response.status == .contentTooLarge {
            // The rest of an oversized body is not read: the connection cannot carry another request.
            response.headers[.connection] = "close"
        }
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms))ms user=\(context.user?.id ?? "-")"
        )
        return response
    }

    private func answer(
        _ request: Request, context: CentralContext, next: (Request, CentralContext) async throws -> Response
    ) async -> Response {
        guard let allowed = routes.methods(for: request.uri.path) else { return APIError.notFound.response() }
        let allow = (allowed + [.options]).map(\.rawValue).joined(separator: ", ")
        switch request.method {
        case .options:
            return Response(status: .noContent, headers: [.allow: allow])
        case let method where !allowed.contains(method):
            var response = APIError(
                status: .methodNotAllowed, code: "method_not_allowed", message: "\(method.rawValue) is not a method of this route"
            ).response()
            response.headers[.allow] = allow
            return response
        default:
            break
        }
        // Each account's own pace (contract v1.2 item 3): reads and writes have a bucket each.
        if let user = context.user, let wait = limiter.take(request.method == .get || request.method == .head ? .read : .action, for: user.id) {
            return APIError(
                status: .tooManyRequests, code: "rate_limited", message: "too many requests from this account; retry after \(wait) s",
                retryAfter: wait
            ).response()
        }
        do {
            // HEAD reaches GET's handler through the router's generated HEAD endpoints.
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status == .internalServerError {
                // The type only: an error's description can quote stored rows (reporters' data).
                logger.error(
                    "internal error: \(String(reflecting: type(of: error)))",
                    metadata: ["path": .string(request.uri.path), "method": .string(request.method.rawValue)])
            }
            return apiError.response()
        }
    }
}

/// Tokens are stored and compared only as SHA-256 hashes.
public enum TokenHash {
    public static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new random token: `lpr_` and 32 bytes in URL-safe base64. The prefix makes a leaked
    /// token recognisable, and keeps one that would start with `-` from reading as an option
    /// on a command line (`lapor login --token -x…` failed one time in 64).
    public static func newToken() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "lpr_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

import Crypto
import Foundation
import Hummingbird
import LaporDomain
import Logging

/// The outermost middleware: resolves the bearer token to a user, turns every error into the
/// contract's error body, and logs one line per request (method, path, status, ms, user id).
/// The token and the query string never reach the log.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = CentralContext
    let users: [String: User]
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
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status == .internalServerError {
                logger.error("unhandled error: \(String(describing: type(of: error)))", metadata: ["path": .string(request.uri.path)])
            }
            response = apiError.response()
        }
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms))ms user=\(context.user?.id ?? "-")"
        )
        return response
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

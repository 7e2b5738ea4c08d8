import ArgumentParser
import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText

extension CLIError {
    /// A sync failure as one sentence and its exit code (3 offline, 4 auth).
    static func from(_ error: SyncError, text: Catalogue) -> CLIError {
        switch error {
        case .unauthorized: CLIError(text.tokenRefused, status: .auth)
        case .insecureTransport(let host): CLIError(text.insecureRefused(host))
        case .offline(let why): CLIError(text.offline(why), status: .offline)
        case .unavailable(let status, _): CLIError(text.serverUnavailable(status), status: .offline)
        case .badResponse(let why): CLIError(text.badResponse(why), status: .offline)
        case .notFound(let why): CLIError(text.badResponse(why), status: .offline)
        case .responseTooLarge(let bytes): CLIError(text.badResponse("\(bytes) bytes"), status: .offline)
        }
    }
}

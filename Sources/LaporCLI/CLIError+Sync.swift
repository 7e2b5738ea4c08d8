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
        case .unauthorized: CLIError(text.tokenRefused, exitCode: 4)
        case .insecureTransport(let host): CLIError(text.insecureRefused(host))
        case .offline(let why): CLIError(text.offline(why), exitCode: 3)
        case .unavailable(let status, _): CLIError(text.serverUnavailable(status), exitCode: 3)
        case .badResponse(let why): CLIError(text.badResponse(why), exitCode: 3)
        case .notFound(let why): CLIError(text.badResponse(why), exitCode: 3)
        case .responseTooLarge(let bytes): CLIError(text.badResponse("\(bytes) bytes"), exitCode: 3)
        }
    }
}

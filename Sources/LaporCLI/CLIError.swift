import ArgumentParser
import Foundation

/// A refusal a user can cause: printed as one sentence, never a stack trace.
public struct CLIError: Error, Sendable {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitStatus.usage.rawValue) {
        self.message = message
        self.exitCode = exitCode
    }

    public init(_ message: String, status: ExitStatus) {
        self.init(message, exitCode: status.rawValue)
    }
}

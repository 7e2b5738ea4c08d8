import ArgumentParser
import Foundation

/// A refusal a user can cause: printed as one sentence, never a stack trace.
public struct CLIError: Error, Sendable {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }
}

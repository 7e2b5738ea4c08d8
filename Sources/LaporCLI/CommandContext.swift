import ArgumentParser
import Foundation

/// Where commands write: standard output and error by default, buffers in tests.
public struct Output: Sendable {
    public let write: @Sendable (String) -> Void
    public let error: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.error = error
    }

    public static let standard = Output(
        write: { line in print(line) },
        error: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
}

/// What a command reaches for instead of globals: set per run, replaced in tests.
public enum CommandContext {
    @TaskLocal public static var output: Output = .standard
    @TaskLocal public static var environment: [String: String] = ProcessInfo.processInfo.environment
}

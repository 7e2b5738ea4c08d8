import ArgumentParser
import Foundation

/// `lapor`: the terminal workstation for SP4N-LAPOR! officers.
public struct LaporCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lapor",
        abstract: "Terminal workstation for SP4N-LAPOR! officers (liaison, admin, supervisor).",
        discussion: """
            Bahasa Indonesia by default; add --lang en (or set an English LANG) for English.
            Exit codes: 0 done, 2 bad input or a refused request.
            """,
        subcommands: [
            TUICommand.self, DemoCommand.self, LoginCommand.self, SyncCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
            ActCommand.self,
            OutboxCommand.self, CalendarCommand.self, CentralCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    public init() {}

    /// Runs `lapor` with the given arguments and returns the process exit code. Usage errors
    /// exit 2 with one sentence (ArgumentParser's own usage code, 64, is mapped to 2).
    public static func run(
        arguments: [String], output: Output = .standard,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Int32 {
        await CommandContext.$output.withValue(output) {
            await CommandContext.$environment.withValue(environment) {
                await runInContext(arguments: arguments, output: output)
            }
        }
    }

    static func runInContext(arguments: [String], output: Output) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as CLIError {
            output.error(error.message)
            return error.exitCode
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { output.write(message) }
                return 0
            }
            if !message.isEmpty { output.error(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

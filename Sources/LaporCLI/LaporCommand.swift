import ArgumentParser
import Foundation
import LaporDomain

/// `lapor`: the terminal workstation for SP4N-LAPOR! officers.
public struct LaporCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lapor",
            abstract: say(
                "Terminal workstation for SP4N-LAPOR! officers (liaison, admin, supervisor).",
                id: "Meja kerja terminal untuk petugas SP4N-LAPOR! (pejabat penghubung, admin, supervisor)."),
            discussion: say(
                "Bahasa Indonesia by default; add --lang en (or set an English LANG) for English. ",
                id: "Bahasa Indonesia secara bawaan; tambahkan --lang en (atau LANG berbahasa Inggris) untuk bahasa Inggris. ")
                + ExitStatus.summary(in: HelpText.language),
            version: LaporVersion.current,
            subcommands: [
                TUICommand.self, DemoCommand.self, LoginCommand.self, SyncCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
                ActCommand.self, ImportCommand.self, ExportCommand.self,
                OutboxCommand.self, CalendarCommand.self, CentralCommand.self,
            ],
            defaultSubcommand: TUICommand.self
        )
    }

    public init() {}

    /// Runs `lapor` with the given arguments and returns the process exit code. Usage errors
    /// exit 2 with one sentence (ArgumentParser's own usage code, 64, is mapped to 2).
    public static func run(
        arguments: [String], output: Output = .standard,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Int32 {
        await CommandContext.$output.withValue(output) {
            await CommandContext.$environment.withValue(environment) {
                await HelpText.$language.withValue(HelpText.language(for: arguments, environment: environment)) {
                    await runInContext(arguments: arguments, output: output)
                }
            }
        }
    }

    static func runInContext(arguments given: [String], output: Output) async -> Int32 {
        let arguments: [String]
        switch CommandLineShape.normalize(given) {
        case .success(let shaped): arguments = shaped
        case .failure(let unknown):
            output.error(CommandLineShape.message(unknown, environment: CommandContext.environment))
            return ExitStatus.usage.rawValue
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as CLIError {
            // An empty message: the command has said everything (a partial import's summary).
            if !error.message.isEmpty { output.error(error.message) }
            return error.exitCode
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { output.write(message) }
                return 0
            }
            if !message.isEmpty { output.error(message) }
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}

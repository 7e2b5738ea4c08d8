import ArgumentParser
import LaporText

/// The language of `--help`, `lapor help` and the man pages: the rule of every message
/// (`--lang`, else an English `LC_ALL`/`LC_MESSAGES`/`LANG`, else Bahasa Indonesia), chosen from
/// the command line before ArgumentParser builds any help. Every abstract, discussion and option
/// help is written in both languages where it is declared (`say`); the commands' configurations
/// are computed, so each run reads its own language. ArgumentParser's own words (USAGE, OPTIONS,
/// "Show help information.") stay English: it has no hook for them.
enum HelpText {
    /// The language of this run's help (a task local: tests in other languages run beside it).
    @TaskLocal static var language: Language = .id

    /// The language for `arguments`: the last `--lang` before a `--`; an unknown value is left
    /// to `GlobalOptions` to refuse, and the help meanwhile is in Bahasa Indonesia.
    static func language(for arguments: [String], environment: [String: String]) -> Language {
        var flag: String?
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            if arguments[i] == "--lang", i + 1 < arguments.count {
                flag = arguments[i + 1]
                i += 1
            } else if arguments[i].hasPrefix("--lang=") {
                flag = String(arguments[i].dropFirst("--lang=".count))
            }
            i += 1
        }
        return Language.resolve(flag: flag, environment: environment) ?? .id
    }
}

/// `english` or `indonesian`, in the language of this run's help.
func say(_ english: String, id indonesian: String) -> String {
    HelpText.language == .en ? english : indonesian
}

/// An option's or argument's help in the language of this run's help.
func say(_ english: String, id indonesian: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(say(english, id: indonesian), valueName: valueName)
}

import ArgumentParser
import LaporText
import Terminal

/// The command line before ArgumentParser sees it. Global options given before the subcommand
/// move behind it (`lapor --lang en list` is `lapor list --lang en`), and a first word that
/// names no subcommand is an unknown command — not an argument of the default `tui`, whose
/// usage ArgumentParser would print instead.
enum CommandLineShape {
    /// Options with a value that every command path may be given before its name.
    static let movable: Set<String> = ["--lang", "--profile", "--data-dir"]

    struct UnknownCommand: Error, Equatable {
        let word: String
        let suggestion: String?
        /// `--lang` as given before the word, for the message's language.
        let lang: String?
    }

    static func normalize(_ arguments: [String], root: any ParsableCommand.Type = LaporCommand.self) -> Result<[String], UnknownCommand> {
        // A request for help: the global options have done their work (`--lang` chose the help's
        // language, `HelpText`) and would only be taken for the default command's or refused by
        // `help` — `lapor --help --lang en`, `lapor help list --lang en`.
        let bare = withoutGlobalOptions(arguments)
        if bare.first == "help" || bare == ["--help"] || bare == ["-h"] { return .success(bare) }
        var moved: [String] = []
        var lang: String?
        var i = 0
        while i < arguments.count, arguments[i].hasPrefix("--"), arguments[i] != "--" {
            let parts = arguments[i].split(separator: "=", maxSplits: 1).map(String.init)
            guard movable.contains(parts[0]) else { return .success(arguments) }
            if parts.count == 2 {
                moved.append(arguments[i])
                if parts[0] == "--lang" { lang = parts[1] }
                i += 1
            } else {
                moved += arguments[i..<min(i + 2, arguments.count)]
                if parts[0] == "--lang", i + 1 < arguments.count { lang = arguments[i + 1] }
                i += 2
            }
        }
        // Nothing but global options, or another option first: the parser's own business.
        guard i < arguments.count, !arguments[i].hasPrefix("-") else { return .success(arguments) }
        var command = root
        var j = i
        while j < arguments.count, let child = command.configuration.subcommands.first(where: { name(of: $0) == arguments[j] }) {
            command = child
            j += 1
        }
        if j == i {
            let word = arguments[i]
            guard word == "help" else {
                let names = root.configuration.subcommands.map(name(of:))
                return .failure(UnknownCommand(word: word, suggestion: closest(to: word, in: names), lang: lang))
            }
            return .success(arguments)
        }
        return .success(Array(arguments[i..<j]) + moved + Array(arguments[j...]))
    }

    /// `arguments` without the movable options and their values (up to a `--`).
    static func withoutGlobalOptions(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" {
                kept += arguments[i...]
                break
            }
            let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if movable.contains(name) {
                i += word.contains("=") ? 1 : 2
                continue
            }
            kept.append(word)
            i += 1
        }
        return kept
    }

    static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// The name nearest to `word` (at most two edits, or one it begins), if any.
    static func closest(to word: String, in names: [String]) -> String? {
        let scored = names.map { ($0, distance(Array(word.lowercased()), Array($0))) }.filter { $0.1 <= 2 || $0.0.hasPrefix(word.lowercased()) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() { row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = row
        }
        return previous[b.count]
    }

    /// The sentence for an unknown command, in the language asked for.
    static func message(_ unknown: UnknownCommand, environment: [String: String]) -> String {
        let text = Catalogue(Language.resolve(flag: unknown.lang, environment: environment) ?? .id)
        return text.unknownCommand(Sanitizer.line(String(unknown.word.prefix(40))), suggestion: unknown.suggestion)
    }
}

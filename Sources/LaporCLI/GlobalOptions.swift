import ArgumentParser
import LaporDomain
import LaporText

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: say(
            "Language of messages: id (Bahasa Indonesia, default) or en.", id: "Bahasa pesan dan bantuan: id (Bahasa Indonesia, bawaan) atau en."))
    var lang: String?

    /// The catalogue for this run; an unknown `--lang` is refused.
    func catalogue() throws -> Catalogue {
        guard let language = Language.resolve(flag: lang, environment: CommandContext.environment) else {
            throw CLIError(Catalogue(.id).badLanguage(lang ?? ""))
        }
        return Catalogue(language)
    }
}

/// `--role liaison|admin|supervisor` (lapor demo, lapor import).
extension Role: ExpressibleByArgument {}

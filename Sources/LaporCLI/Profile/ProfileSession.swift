import ArgumentParser
import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText

/// `--profile` and `--data-dir`, shared by every command that works on a case store.
struct ProfileOptions: ParsableArguments {
    @Option(
        help: say(
            "The profile (one server account); default: the config's default_profile, or the only one.",
            id: "Profil (satu akun server); bawaan: default_profile di konfigurasi, atau satu-satunya profil."), completion: Completions.profiles)
    var profile: String?

    @Option(
        help: say(
            "Keep case stores here instead of $XDG_DATA_HOME/lapor.", id: "Simpan penyimpanan kasus di sini, bukan di $XDG_DATA_HOME/lapor.",
            valueName: "dir"))
    var dataDir: String?
}

/// A command's view of one profile: its config, its store, its token.
struct ProfileSession {
    let text: Catalogue
    let paths: Paths
    let config: AppConfig
    let profile: Profile
    let store: CaseStore

    /// Opens the chosen profile's store; says plainly what is missing.
    static func open(_ options: ProfileOptions, text: Catalogue) throws -> ProfileSession {
        let paths = Paths(environment: CommandContext.environment, dataDir: options.dataDir)
        let config = try loadConfig(paths, text: text)
        let name: String
        if let chosen = options.profile ?? config.implicitProfile {
            name = chosen
        } else {
            throw CLIError(config.profiles.isEmpty ? text.noProfiles : text.chooseProfile(config.profiles.keys.sorted()))
        }
        guard AppConfig.isValidProfileName(name) else { throw CLIError(text.badProfileName(name)) }
        guard let profile = config.profiles[name] else { throw CLIError(text.unknownProfile(name, known: config.profiles.keys.sorted())) }
        let store: CaseStore
        do {
            try Paths.makePrivate(paths.store(profile: name).deletingLastPathComponent())
            store = try CaseStore(path: paths.store(profile: name).path) { CommandContext.output.error(text.storeUpgrading) }
        } catch {
            throw CLIError(text.cannotOpenStore(paths.store(profile: name).path, String(describing: error)), status: .failure)
        }
        return ProfileSession(text: text, paths: paths, config: config, profile: profile, store: store)
    }

    static func loadConfig(_ paths: Paths, text: Catalogue) throws -> AppConfig {
        guard let data = FileManager.default.contents(atPath: paths.configFile.path) else { return AppConfig() }
        do {
            return try AppConfig(toml: String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIError(text.badConfig(paths.configFile.path, error))
        }
    }

    /// The token: `LAPOR_TOKEN`, else the profile's token file.
    func token() throws -> String {
        if let t = CommandContext.environment["LAPOR_TOKEN"], !t.isEmpty { return t }
        guard let file = profile.tokenFile else { throw CLIError(text.noToken(profile.name), status: .auth) }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(text.unreadableTokenFile(file), status: .auth) }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw CLIError(text.unreadableTokenFile(file), status: .auth) }
        return token
    }

    func client(timeout: TimeInterval = 30) throws -> CentralClient {
        guard !profile.isOffline else { throw CLIError(text.offlineProfile(profile.name)) }
        guard let url = URL(string: profile.server) else { throw CLIError(text.badServerURL(profile.server)) }
        do {
            return try CentralClient(
                server: url, token: try token(), trustedHosts: Set((config.trustedHosts + profile.trustedHosts).map { $0.lowercased() }),
                timeout: timeout)
        } catch let error as SyncError {
            if case .insecureTransport(let host) = error { throw CLIError(text.insecureRefused(host)) }
            throw CLIError(text.badServerURL(profile.server))
        }
    }

    /// The synced reference data, or a clear "log in first".
    func reference() throws -> ReferenceData {
        guard let reference = try store.reference() else { throw CLIError(text.notSyncedYet(profile.name)) }
        return reference
    }

    /// The rules as the server's reference data says.
    func workflow(_ reference: ReferenceData) throws -> Workflow {
        guard let workflow = reference.workflow else { throw CLIError(text.badUnitTree) }
        if reference.usesBuiltinCalendar { CommandContext.output.error(text.builtinCalendarNote) }
        return workflow
    }

    static func writeConfig(_ config: AppConfig, _ paths: Paths) throws {
        try Paths.makePrivate(paths.configDirectory)
        let temporary = paths.configFile.appendingPathExtension("tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(config.toml.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary.path, paths.configFile.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// The current instant, in WIB for display; one place so that tests can see what "now" means.
func currentTime() -> Timestamp { Timestamp(Date(), in: .wib) }

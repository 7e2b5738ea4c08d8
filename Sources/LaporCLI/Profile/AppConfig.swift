import Foundation
import LaporDomain

/// One server account: where it is, how to prove who we are, how often to sync. Or, of kind
/// `offline`, reports read from an admin-area export (`lapor import`): no server, no token.
struct Profile: Equatable {
    var name: String
    /// Empty for an offline profile.
    var server: String
    /// The export an offline profile was last imported from.
    var source: String?
    var isOffline: Bool { source != nil }
    /// A file holding the token (mode 0600); `LAPOR_TOKEN` overrides it.
    var tokenFile: String?
    var syncInterval = 60
    /// Hosts where plain HTTP is accepted for this profile, besides loopback.
    var trustedHosts: [String] = []
}

/// `$XDG_CONFIG_HOME/lapor/config.toml`: the profiles and which one is the default.
struct AppConfig: Equatable {
    var defaultProfile: String?
    /// Hosts where plain HTTP is accepted for every profile.
    var trustedHosts: [String] = []
    var profiles: [String: Profile] = [:]

    /// Profile names become folder names: letters, digits, `-` and `_`, at most 64.
    /// The profile a command uses when none is named: the default, or the only one.
    var implicitProfile: String? { defaultProfile ?? (profiles.count == 1 ? profiles.keys.first : nil) }

    static func isValidProfileName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }

    init() {}

    init(toml text: String) throws(ConfigError) {
        let tables: [String: [String: TOMLLite.Value]]
        do {
            tables = try TOMLLite.parse(text)
        } catch {
            throw .syntax(line: error.line, problem: error.problem)
        }
        let top = tables[""] ?? [:]
        if case .string(let s)? = top["default_profile"] { defaultProfile = s }
        if case .strings(let list)? = top["trusted_hosts"] { trustedHosts = list }
        for (table, values) in tables where table.hasPrefix("profile.") {
            let name = String(table.dropFirst("profile.".count))
            guard Self.isValidProfileName(name) else { throw .badProfileName(name) }
            if case .string("offline")? = values["kind"] {
                guard case .string(let source)? = values["source"] else { throw .missing(profile: name, key: "source") }
                profiles[name] = Profile(name: name, server: "", source: source)
                continue
            }
            guard case .string(let server)? = values["server"] else { throw .missing(profile: name, key: "server") }
            var profile = Profile(name: name, server: server)
            if case .string(let f)? = values["token_file"] { profile.tokenFile = f }
            if let v = values["sync_interval"] {
                guard case .integer(let n) = v, (10...86_400).contains(n) else { throw .badValue(profile: name, key: "sync_interval") }
                profile.syncInterval = n
            }
            if case .strings(let list)? = values["trusted_hosts"] { profile.trustedHosts = list }
            profiles[name] = profile
        }
    }

    var toml: String {
        var lines = ["# lapor configuration (written by `lapor login`; safe to edit)."]
        if let d = defaultProfile { lines.append("default_profile = \(TOMLLite.quote(d))") }
        lines.append("trusted_hosts = \(TOMLLite.render(.strings(trustedHosts)))")
        for name in profiles.keys.sorted() {
            guard let p = profiles[name] else { continue }
            if let source = p.source {
                lines += ["", "[profile.\(name)]", "kind = \"offline\"", "source = \(TOMLLite.quote(source))"]
                continue
            }
            lines += ["", "[profile.\(name)]", "server = \(TOMLLite.quote(p.server))"]
            if let f = p.tokenFile { lines.append("token_file = \(TOMLLite.quote(f))") }
            lines.append("sync_interval = \(p.syncInterval)")
            lines.append("trusted_hosts = \(TOMLLite.render(.strings(p.trustedHosts)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

enum ConfigError: Error, Equatable {
    case syntax(line: Int, problem: String)
    case badProfileName(String)
    case missing(profile: String, key: String)
    case badValue(profile: String, key: String)
}

/// Where lapor keeps things, from the environment (XDG base directories).
struct Paths {
    var configDirectory: URL
    var dataDirectory: URL
    /// `$XDG_STATE_HOME/lapor`: the TUI's log.
    var stateDirectory: URL

    init(environment: [String: String], dataDir: String? = nil) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func xdg(_ key: String, _ fallback: String) -> URL { URL(fileURLWithPath: Self.xdg(key, in: environment) ?? home + fallback) }
        configDirectory = xdg("XDG_CONFIG_HOME", "/.config").appendingPathComponent("lapor")
        dataDirectory = dataDir.map { URL(fileURLWithPath: $0) } ?? xdg("XDG_DATA_HOME", "/.local/share").appendingPathComponent("lapor")
        stateDirectory = xdg("XDG_STATE_HOME", "/.local/state").appendingPathComponent("lapor")
    }

    /// An XDG base directory from the environment: set, and absolute. The specification says a
    /// relative one is invalid and to be ignored (it would name a folder under wherever lapor
    /// was started).
    static func xdg(_ key: String, in environment: [String: String]) -> String? {
        environment[key].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// Creates `folder` (and what leads to it) if missing and makes it private (0700): case
    /// stores hold reporters' names and contacts, the state folder the log, the config folder
    /// the tokens. A folder of lapor's made by an older version with 0755 is tightened too.
    static func makePrivate(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
    }

    /// The TUI's log (failed background syncs), created private on first use.
    var logFile: URL { stateDirectory.appendingPathComponent("lapor.log") }

    var configFile: URL { configDirectory.appendingPathComponent("config.toml") }

    func store(profile: String) -> URL { dataDirectory.appendingPathComponent(profile).appendingPathComponent("cases.sqlite") }

    /// The user's own reply templates (`*.txt`), beside the built-in ones.
    var templatesDirectory: URL { configDirectory.appendingPathComponent("templates") }

    /// The built-in reply templates and the user's (a user's template of the same name wins).
    /// A file that is not UTF-8 text or is over 64 KiB is left out.
    func templates() -> [ReplyTemplate] {
        var byName = Dictionary(uniqueKeysWithValues: ReplyTemplate.builtin.map { ($0.name, $0) })
        let files = (try? FileManager.default.contentsOfDirectory(at: templatesDirectory, includingPropertiesForKeys: [.fileSizeKey])) ?? []
        for file in files where file.pathExtension == "txt" {
            guard let size = try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize, size <= 64 << 10,
                let data = FileManager.default.contents(atPath: file.path), let body = String(data: data, encoding: .utf8)
            else { continue }
            let name = file.deletingPathExtension().lastPathComponent
            byName[name] = ReplyTemplate(name: name, body: body.hasSuffix("\n") ? String(body.dropLast()) : body)
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    func tokenFile(profile: String) -> URL { configDirectory.appendingPathComponent("tokens").appendingPathComponent("\(profile).token") }
}

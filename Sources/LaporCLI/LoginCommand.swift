import ArgumentParser
import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText

/// `lapor login`: checks a token, stores the profile and pulls the reference data.
struct LoginCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "login",
            abstract: say("Log in to a central LAPOR! endpoint and store the profile.", id: "Masuk ke server pusat LAPOR! dan simpan profilnya."),
            discussion: say(
                """
                Checks the token with GET /me, writes the profile to $XDG_CONFIG_HOME/lapor/config.toml and \
                pulls units, categories, the holiday calendar and the policy. Give the token with \
                --token-file PATH (the file is used where it is), --token-file - (read from standard input) \
                or LAPOR_TOKEN; --token works but shows the token to anyone running ps, and says so. A token \
                read from standard input or --token is kept in $XDG_CONFIG_HOME/lapor/tokens/<profile>.token \
                (mode 0600). LAPOR_TOKEN overrides the stored one at run time. Plain http:// is accepted \
                for loopback and for hosts named with --trust-host; anywhere else lapor asks first (and \
                refuses when it cannot ask). \
                Exit codes: 0 done, 1 failure, 2 bad input, 3 offline, 4 token refused.
                """,
                id: """
                    Memeriksa token dengan GET /me, menulis profil ke $XDG_CONFIG_HOME/lapor/config.toml dan menarik \
                    unit, kategori, kalender hari libur dan kebijakan. Berikan token dengan --token-file PATH \
                    (berkas dipakai di tempatnya), --token-file - (dibaca dari masukan standar) atau LAPOR_TOKEN; \
                    --token berfungsi tetapi memperlihatkan token kepada siapa pun yang menjalankan ps, dan lapor \
                    mengatakannya. Token dari masukan standar atau --token disimpan di \
                    $XDG_CONFIG_HOME/lapor/tokens/<profil>.token (mode 0600). LAPOR_TOKEN menggantikan token \
                    tersimpan saat dijalankan. http:// biasa diterima untuk loopback dan untuk host yang disebut \
                    dengan --trust-host; di tempat lain lapor bertanya dulu (dan menolak bila tidak dapat bertanya). \
                    Kode keluar: 0 selesai, 1 gagal, 2 masukan tidak sah, 3 luring, 4 token ditolak.
                    """
            )
        )
    }

    @Option(
        help: say(
            "The endpoint, e.g. http://127.0.0.1:8080 (/api/v1 is added).", id: "Alamat server, mis. http://127.0.0.1:8080 (/api/v1 ditambahkan).",
            valueName: "url"))
    var server: String
    @Option(
        help: say(
            "The token (kept in a 0600 file; visible in ps: prefer --token-file).",
            id: "Token (disimpan dalam berkas 0600; terlihat di ps: lebih baik --token-file).")) var token: String?
    @Option(
        help: say("A file holding the token, or - for standard input.", id: "Berkas berisi token, atau - untuk masukan standar.", valueName: "path"))
    var tokenFile: String?
    @Option(
        help: say(
            "Profile name (letters, digits, - and _); default: the current default, or 'default'.",
            id: "Nama profil (huruf, angka, - dan _); bawaan: profil bawaan saat ini, atau 'default'.")) var profile: String?
    @Option(
        help: say("Seconds between background syncs (10 to 86400).", id: "Detik antar sinkronisasi latar (10 sampai 86400).", valueName: "seconds"))
    var syncInterval = 60
    @Flag(
        help: say(
            "Accept plain http:// to this (non-loopback) host from now on.", id: "Terima http:// biasa ke host (bukan loopback) ini mulai sekarang."))
    var trustHost = false
    @Option(
        help: say(
            "Keep case stores here instead of $XDG_DATA_HOME/lapor.", id: "Simpan penyimpanan kasus di sini, bukan di $XDG_DATA_HOME/lapor.",
            valueName: "dir")) var dataDir: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let out = CommandContext.output
        let paths = Paths(environment: CommandContext.environment, dataDir: dataDir)
        var config = try ProfileSession.loadConfig(paths, text: text)
        let name = profile ?? config.defaultProfile ?? "default"
        guard AppConfig.isValidProfileName(name) else { throw CLIError(text.badProfileName(name)) }
        guard (10...86_400).contains(syncInterval) else { throw CLIError(text.badSyncInterval(syncInterval)) }
        guard let url = URL(string: server), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host,
            !host.isEmpty
        else { throw CLIError(text.badServerURL(server)) }

        let tokenValue: String
        switch (token, tokenFile) {
        case (let t?, nil):
            // Any user of the machine can read a command line (`ps`): said, and still done.
            CommandContext.output.error(text.tokenOnCommandLine)
            tokenValue = t.trimmingCharacters(in: .whitespacesAndNewlines)
        case (nil, let f?):
            // `--token-file -`: the token from standard input (a pipe from a secret store).
            let data = f == "-" ? FileHandle.standardInput.readDataToEndOfFile().prefix(64 << 10) : FileManager.default.contents(atPath: f)
            guard let data else { throw CLIError(text.unreadableTokenFile(f)) }
            tokenValue = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        case (nil, nil):
            guard let env = CommandContext.environment["LAPOR_TOKEN"], !env.isEmpty else { throw CLIError(text.tokenRequired) }
            tokenValue = env
        default: throw CLIError(text.tokenTwice)
        }
        guard !tokenValue.isEmpty, !tokenValue.contains(where: { $0.isWhitespace || $0.isNewline }) else { throw CLIError(text.badToken) }

        var trusted = Set((config.trustedHosts + (config.profiles[name]?.trustedHosts ?? [])).map { $0.lowercased() })
        if scheme == "http", !CentralClient.isLoopback(host), !trusted.contains(host.lowercased()) {
            if trustHost || TTY.confirm(text.insecureQuestion(host)) {
                trusted.insert(host.lowercased())
            } else {
                throw CLIError(text.insecureRefused(host))
            }
        }
        let client = try CentralClient(server: url, token: tokenValue, trustedHosts: trusted)
        let storePath = paths.store(profile: name).path
        let store: CaseStore
        do {
            try Paths.makePrivate(paths.store(profile: name).deletingLastPathComponent())
            store = try CaseStore(path: storePath)
        } catch {
            throw CLIError(text.cannotOpenStore(storePath, String(describing: error)), status: .failure)
        }
        var engine = SyncEngine(store: store, client: client)
        engine.retry = RetryPolicy(attempts: 2, baseDelay: 0.5)
        do {
            // Checks the token, reads the reference data, starts afresh for another user.
            try await engine.refreshReference(force: true)
        } catch let error as SyncError {
            throw CLIError.from(error, text: text)
        }
        guard let reference = try store.reference() else { throw CLIError(text.cannotOpenStore(storePath, "no reference data"), status: .failure) }

        var entry = config.profiles[name] ?? Profile(name: name, server: server)
        entry.server = server
        entry.syncInterval = syncInterval
        if scheme == "http", !CentralClient.isLoopback(host), !entry.trustedHosts.contains(host.lowercased()) {
            entry.trustedHosts.append(host.lowercased())
        }
        if token != nil || tokenFile == "-" {
            let file = paths.tokenFile(profile: name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: file.path, contents: Data((tokenValue + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw CLIError(text.cannotWrite(file.path), status: .failure) }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            entry.tokenFile = file.path
        } else if let f = tokenFile {
            entry.tokenFile = URL(fileURLWithPath: f).standardizedFileURL.path
        }
        config.profiles[name] = entry
        if config.defaultProfile == nil { config.defaultProfile = name }
        do {
            try ProfileSession.writeConfig(config, paths)
        } catch {
            throw CLIError(text.cannotWrite(paths.configFile.path), status: .failure)
        }
        try await store.audit("login", user: reference.user.id, detail: server, at: currentTime())
        let unitName = reference.user.unitId.flatMap { id in reference.units.first { $0.id == id }?.name }
        out.write(text.loggedIn(user: reference.user, unitName: unitName, server: server, profile: name))
    }
}

import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain
import LaporText
import Logging

/// `lapor central`: the reference central LAPOR! server.
struct CentralCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "central",
            abstract: say(
                "Run the reference central LAPOR! server (the contract's HTTP/JSON API).",
                id: "Jalankan server pusat LAPOR! rujukan (API HTTP/JSON sesuai kontrak)."),
            discussion: say(
                """
                With --demo, a new database is seeded with the demo units, users and reports, the citizen \
                routes (POST /reports, POST /reports/{id}/replies) are open, and tokens.json (mode 0600) \
                is written beside the database. Stops gracefully on SIGINT or SIGTERM.
                """,
                id: """
                    Dengan --demo, basis data baru diisi unit, pengguna dan laporan demo, rute warga (POST /reports, \
                    POST /reports/{id}/replies) dibuka, dan tokens.json (mode 0600) ditulis di samping basis data. \
                    Berhenti dengan rapi pada SIGINT atau SIGTERM.
                    """
            )
        )
    }

    @Option(help: say("Address to listen on.", id: "Alamat yang didengarkan.")) var host = "127.0.0.1"
    @Option(help: say("Port to listen on (0: any free port).", id: "Port yang didengarkan (0: port bebas mana pun).")) var port = 8080
    @Option(
        help: say("The server's SQLite database (created if missing).", id: "Basis data SQLite server (dibuat bila belum ada).", valueName: "path"))
    var db: String?
    @Flag(help: say("Demo mode: seed a new database and open the citizen routes.", id: "Mode demo: isi basis data baru dan buka rute warga."))
    var demo = false
    @Option(help: say("Reports to seed in demo mode.", id: "Jumlah laporan contoh dalam mode demo.")) var seedReports = 2_000
    @Option(
        help: say("Seed of the demo data (the same seed gives the same reports).", id: "Benih data demo (benih yang sama memberi laporan yang sama).")
    ) var seed: UInt64 = 1
    @Option(
        help: say(
            "Seconds between runs of the system clock (auto-close and auto-archive).",
            id: "Detik antar jalannya jam sistem (tutup otomatis dan arsip otomatis).", valueName: "seconds"))
    var clockInterval = 60
    @Option(
        help: say(
            "Seconds a request's headers may take to arrive (then 408).", id: "Detik paling lama header permintaan tiba (lalu 408).",
            valueName: "seconds"))
    var headerTimeout = 30
    @Option(help: say("Seconds an idle connection stays open.", id: "Detik koneksi menganggur tetap terbuka.", valueName: "seconds"))
    var idleTimeout = 60
    @Option(help: say("Open connections at most; more get 503.", id: "Koneksi terbuka paling banyak; selebihnya mendapat 503.", valueName: "count"))
    var maxConnections = 512
    @Option(
        help: say(
            "Open connections from one client address at most (default: an eighth of --max-connections); behind a proxy, set it to --max-connections.",
            id:
                "Koneksi terbuka dari satu alamat klien paling banyak (bawaan: seperdelapan --max-connections); di belakang proxy, samakan dengan --max-connections.",
            valueName: "count"))
    var maxConnectionsPerAddress: Int?
    @Option(
        help: say(
            "Each account's actions: BURST/PER_SECOND (then 429 with Retry-After).",
            id: "Tindakan tiap akun: BURST/PER_DETIK (lalu 429 dengan Retry-After).", valueName: "rate"))
    var rateActions = "100/1"
    @Option(
        help: say("Each account's reads: BURST/PER_SECOND.", id: "Pembacaan tiap akun: BURST/PER_DETIK.", valueName: "rate"))
    var rateReads = "300/10"
    @Option(
        help: say(
            "Days an action id is remembered for replays.", id: "Hari sebuah id tindakan diingat untuk pengulangan.", valueName: "days"))
    var idempotencyDays = 30
    @Option(
        help: say(
            "A folder of holiday decrees, YYYY.json each (default: the built-in years).",
            id: "Folder SKB hari libur, masing-masing YYYY.json (bawaan: tahun-tahun bawaan).", valueName: "dir"))
    var holidays: String?
    @Option(
        help: say(
            "A policy file, JSON as GET /policy answers (default: the standard policy).",
            id: "Berkas kebijakan, JSON seperti jawaban GET /policy (bawaan: kebijakan standar).", valueName: "file"))
    var policy: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        guard (0...65_535).contains(port) else { throw CLIError(text.badPort(port)) }
        guard (0...1_000_000).contains(seedReports) else { throw CLIError(text.badSeedReports(seedReports)) }
        guard clockInterval >= 1 else { throw CLIError(text.badClockInterval(clockInterval)) }
        for (name, value, range) in [
            ("--header-timeout", headerTimeout, 1...3_600), ("--idle-timeout", idleTimeout, 1...3_600),
            ("--max-connections", maxConnections, 1...100_000), ("--max-connections-per-address", maxConnectionsPerAddress ?? 1, 1...100_000),
            ("--idempotency-days", idempotencyDays, 1...3_650),
        ] where !range.contains(value) {
            throw CLIError(text.outOfRange(name, value, range))
        }
        guard let actionRate = RateLimit(parsing: rateActions) else { throw CLIError(text.badRate("--rate-actions", rateActions)) }
        guard let readRate = RateLimit(parsing: rateReads) else { throw CLIError(text.badRate("--rate-reads", rateReads)) }
        let path = try db ?? Self.defaultDatabasePath()
        do {
            // The folder keeps the demo's tokens beside the database: private.
            try Paths.makePrivate(URL(fileURLWithPath: path).deletingLastPathComponent())
        } catch {
            throw CLIError(text.centralCannotOpen(path, error.localizedDescription), status: .failure)
        }
        var configuration = CentralConfiguration(databasePath: path)
        configuration.host = host
        configuration.port = port
        configuration.demo = demo
        configuration.seedReports = seedReports
        configuration.seed = seed
        configuration.clockInterval = .seconds(clockInterval)
        configuration.limits.headerTimeout = .seconds(headerTimeout)
        configuration.limits.idleTimeout = .seconds(idleTimeout)
        configuration.limits.maxConnections = maxConnections
        configuration.limits.maxConnectionsPerAddress = maxConnectionsPerAddress
        configuration.accountLimits.actions = actionRate
        configuration.accountLimits.reads = readRate
        configuration.idempotencyDays = idempotencyDays
        if let holidays {
            let loaded = Decrees.load(holidays)
            for (file, problems) in loaded.problems {
                // Remarks (a holiday on a weekend) are for `lapor calendar check`; a start names errors only.
                for problem in problems where problem.isError { CommandContext.output.error("\(file): \(text.decreeProblem(problem))") }
            }
            guard !loaded.decrees.isEmpty, !loaded.problems.contains(where: { $0.1.contains(where: \.isError) }) else {
                throw CLIError(text.badHolidayFolder(holidays))
            }
            configuration.holidayYears = loaded.decrees
        }
        if let policy {
            guard let data = FileManager.default.contents(atPath: policy) else { throw CLIError(text.badPolicyFile(policy, ["-"])) }
            let decoded: SlaPolicy
            do {
                decoded = try JSONDecoder().decode(SlaPolicy.self, from: data)
            } catch {
                throw CLIError(text.badPolicyFile(policy, ["not JSON of the policy's shape"]))
            }
            guard decoded.problems.isEmpty else { throw CLIError(text.badPolicyFile(policy, decoded.problems)) }
            configuration.policy = decoded
        }
        let out = CommandContext.output
        let server: CentralServer
        do {
            server = try await CentralServer(configuration: configuration)
        } catch {
            throw CLIError(text.centralCannotOpen(path, String(describing: error)), status: .failure)
        }
        if try server.store.userCount() == 0 { out.error(text.centralNoUsers) }
        let host = host
        let demo = demo
        do {
            try await server.run { boundPort in
                out.error(text.centralRunning(url: "http://\(host):\(boundPort)/api/v1", database: path))
                if demo { out.error(text.centralTokens(CentralServer.tokensPath(for: path))) }
            }
        } catch {
            let reason = String(describing: error)
            if reason.contains("Address already in use") { throw CLIError(text.portInUse(host: host, port: port), status: .failure) }
            throw CLIError(text.centralFailed(reason), status: .failure)
        }
    }

    /// `$XDG_DATA_HOME/lapor/central/central.sqlite` (`~/.local/share` when unset).
    static func defaultDatabasePath() throws -> String {
        let env = CommandContext.environment
        let base = Paths.xdg("XDG_DATA_HOME", in: env) ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/lapor/central/central.sqlite"
    }
}

import ArgumentParser
import Foundation
import LaporApp
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTUI
import LaporText
import Logging
import ServiceLifecycle
import Terminal

/// `lapor` (no subcommand) and `lapor tui`: the terminal UI on a profile's case store.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal UI on a profile (what `lapor` alone does).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let reference = try session.reference()
        let engine = try? SyncEngine(store: session.store, client: session.client())
        try? FileManager.default.createDirectory(
            at: session.paths.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try await openScreen(
            store: session.store, engine: engine, reference: reference, profile: session.profile.name,
            syncInterval: session.profile.syncInterval, text: text, workflow: try session.workflow(reference),
            log: FileLog.logger(at: session.paths.logFile))
    }
}

/// Runs the TUI until the user quits; the terminal is restored whatever happens.
func openScreen(
    store: CaseStore, engine: SyncEngine?, reference: ReferenceData, profile: String, syncInterval: Int, text: Catalogue, workflow: Workflow,
    log: Logger
) async throws {
    let screen: NcursesScreen
    do {
        screen = try NcursesScreen(environment: CommandContext.environment)
    } catch NcursesScreen.Failure.cannotAddress(let term) {
        throw CLIError(text.cannotDraw(term))
    } catch {
        throw CLIError(text.noTerminal(String(describing: error)))
    }
    defer { screen.end() }
    let size = screen.size
    var state = AppState(
        user: reference.user, profile: profile, workflow: workflow, language: text.language, width: size.width, height: size.height,
        now: Timestamp(Date(), in: .wib))
    state.templates = Paths(environment: CommandContext.environment).templates()
    // Said once, at the start: the screen is drawn in ASCII.
    if !screen.utf8 { state.message = text.notUTF8 }
    let initial = state
    let runtime = Runtime(store: store, engine: engine, syncInterval: syncInterval) { line in log.error("\(line)") }
    // The event loop blocks its thread for the whole session: it gets a thread of its own, so
    // that background syncs (and `lapor demo`'s server) keep the concurrency pool, which on a
    // one-core machine is one thread.
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            runtime.run(initial, screen: screen)
            done.resume()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// `lapor demo`: the reference server in-process with demo data, logged in, synced, on screen.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try lapor with nothing else: an in-process reference server with demo data, and the TUI.",
        discussion: """
            Starts the reference central server on 127.0.0.1 (a free port) with seeded reports, logs in
            as a demo user of the chosen role, syncs, and opens the terminal UI. Quitting stops the
            server. Without --data-dir everything lives in a temporary folder removed on exit.
            """
    )

    enum DemoRole: String, ExpressibleByArgument, CaseIterable { case liaison, admin, supervisor }

    @Option(help: "liaison, admin or supervisor.") var role: DemoRole = .liaison
    @Option(help: ArgumentHelp("Keep the demo's server and store here.", valueName: "dir")) var dataDir: String?
    @Option(help: "Reports to seed.") var reports = 2_000
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        guard (1...200_000).contains(reports) else { throw CLIError(text.badSeedReports(reports)) }
        guard isatty(0) == 1, isatty(1) == 1 else { throw CLIError(text.noTerminal("not a terminal")) }
        let folder = URL(fileURLWithPath: dataDir ?? (NSTemporaryDirectory() + "lapor-demo-\(getpid())"))
        let temporary = dataDir == nil
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("central"), withIntermediateDirectories: true)
        defer { if temporary { try? FileManager.default.removeItem(at: folder) } }
        let logger = FileLog.logger(at: folder.appendingPathComponent("lapor.log"))
        var configuration = CentralConfiguration(databasePath: folder.appendingPathComponent("central/central.sqlite").path)
        configuration.port = 0
        configuration.demo = true
        configuration.seedReports = reports
        CommandContext.output.error(text.demoStarting(reports))
        let server = try await CentralServer(configuration: configuration, logger: logger)
        let port = BoundPort()
        let app = try server.application { await port.set($0) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        let bound = await port.wait()
        let tokens = try JSONDecoder().decode(
            [DemoToken].self, from: Data(contentsOf: URL(fileURLWithPath: CentralServer.tokensPath(for: configuration.databasePath))))
        let userId =
            switch role {
            case .liaison: "u-liaison-dki-dpu"
            case .admin: "u-admin"
            case .supervisor: "u-supervisor-dki"
            }
        let token = tokens.first { $0.userId == userId }!.token
        let store = try CaseStore(path: folder.appendingPathComponent("demo-\(role.rawValue)/cases.sqlite").path)
        let engine = SyncEngine(store: store, client: try CentralClient(server: URL(string: "http://127.0.0.1:\(bound)")!, token: token))
        let summary = await engine.sync()
        // Partial (an item skipped) still opens the screen; its status bar names what was left out.
        guard summary.outcome == .done || summary.outcome == .partial, let reference = try store.reference() else {
            await group.triggerGracefulShutdown()
            throw CLIError(text.syncSummary(summary))
        }
        do {
            guard let workflow = reference.workflow else { throw CLIError(text.badUnitTree) }
            try await openScreen(
                store: store, engine: engine, reference: reference, profile: "demo", syncInterval: 60, text: text, workflow: workflow,
                log: logger)
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}

/// While curses owns the terminal, logs go to a file, never to standard error.
enum FileLog {
    static func logger(at url: URL) -> Logger {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try? FileHandle(forWritingTo: url)
        handle?.seekToEndOfFile()
        var logger = Logger(label: "lapor") { label in Handler(handle: handle, label: label) }
        logger.logLevel = .info
        return logger
    }

    struct Handler: LogHandler {
        let handle: FileHandle?
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            handle?.write(Data("\(Timestamp(Date(), in: .wib).rfc3339) \(event.level) \(event.message)\n".utf8))
        }
    }
}

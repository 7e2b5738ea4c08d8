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

/// `lapor demo`: the reference server in-process with demo data, logged in, synced, on screen.
struct DemoCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo",
            abstract: say(
                "Try lapor with nothing else: an in-process reference server with demo data, and the TUI.",
                id: "Coba lapor tanpa apa pun lagi: server rujukan di dalam proses dengan data demo, dan TUI."),
            discussion: say(
                """
                Starts the reference central server on 127.0.0.1 (a free port) with seeded reports, logs in \
                as a demo user of the chosen role, syncs, and opens the terminal UI. Quitting stops the \
                server. Without --data-dir everything lives in a temporary folder removed on exit.
                """,
                id: """
                    Menjalankan server pusat rujukan di 127.0.0.1 (port bebas) dengan laporan contoh, masuk sebagai \
                    pengguna demo dengan peran yang dipilih, menyinkronkan, dan membuka antarmuka terminal. Keluar \
                    dari TUI menghentikan server. Tanpa --data-dir semuanya berada di folder sementara yang dihapus \
                    saat keluar.
                    """
            )
        )
    }

    @Option(help: say("liaison, admin or supervisor.", id: "liaison, admin atau supervisor.")) var role: Role = .liaison
    @Option(help: say("Keep the demo's server and store here.", id: "Simpan server dan penyimpanan demo di sini.", valueName: "dir")) var dataDir:
        String?
    @Option(help: say("Reports to seed.", id: "Jumlah laporan contoh yang dibuat.")) var reports = 2_000
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        guard (1...200_000).contains(reports) else { throw CLIError(text.badSeedReports(reports)) }
        guard isatty(0) == 1, isatty(1) == 1 else { throw CLIError(text.noTerminal("not a terminal"), status: .failure) }
        let folder = URL(fileURLWithPath: dataDir ?? (NSTemporaryDirectory() + "lapor-demo-\(getpid())"))
        let temporary = dataDir == nil
        try Paths.makePrivate(folder)
        try Paths.makePrivate(folder.appendingPathComponent("central"))
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
        guard let token = tokens.first(where: { $0.userId == userId })?.token else {
            throw CLIError("demo: no token for \(userId) in the seeded central", status: .failure)
        }
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
        // A temporary demo takes its drafts and queue with it: said, not done silently.
        if temporary {
            let drafts = ((try? store.drafts()) ?? []).filter { !$0.text.isEmpty }.count
            let queued = (try? store.outboxCounts().values.reduce(0, +)) ?? 0
            CommandContext.output.error(text.demoDiscarded(drafts: drafts, outbox: queued))
        }
    }
}

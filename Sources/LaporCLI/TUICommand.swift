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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tui",
            abstract: say(
                "Open the terminal UI on a profile (what `lapor` alone does).",
                id: "Buka antarmuka terminal pada satu profil (yang dilakukan `lapor` saja)."))
    }

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let reference = try session.reference()
        let engine = try? SyncEngine(store: session.store, client: session.client())
        try? Paths.makePrivate(session.paths.stateDirectory)
        try await openScreen(
            store: session.store, engine: engine, reference: reference, profile: session.profile.name,
            syncInterval: session.profile.syncInterval, text: text, workflow: try session.workflow(reference),
            log: FileLog.logger(at: session.paths.logFile), fromExport: session.profile.isOffline)
    }
}

/// Runs the TUI until the user quits; the terminal is restored whatever happens.
func openScreen(
    store: CaseStore, engine: SyncEngine?, reference: ReferenceData, profile: String, syncInterval: Int, text: Catalogue, workflow: Workflow,
    log: Logger, fromExport: Bool = false
) async throws {
    let screen: NcursesScreen
    do {
        screen = try NcursesScreen(environment: CommandContext.environment)
    } catch NcursesScreen.Failure.cannotAddress(let term) {
        throw CLIError(text.cannotDraw(term), status: .failure)
    } catch {
        throw CLIError(text.noTerminal(String(describing: error)), status: .failure)
    }
    defer { screen.end() }
    let size = screen.size
    var state = AppState(
        user: reference.user, profile: profile, workflow: workflow, language: text.language, width: size.width, height: size.height,
        now: Timestamp(Date(), in: .wib))
    state.templates = Paths(environment: CommandContext.environment).templates()
    state.fromExport = fromExport
    // Said once, at the start: the screen is drawn in ASCII.
    if !screen.utf8 {
        state.message = text.notUTF8
        state.messageStays = true
    }
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

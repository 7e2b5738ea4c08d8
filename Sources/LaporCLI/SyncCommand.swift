import ArgumentParser
import Foundation
import LaporApp
import LaporStore
import LaporSync
import LaporText

/// `lapor sync`: pull, push, pull.
struct SyncCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: say(
                "Pull changes from the central endpoint and send the outbox.", id: "Tarik perubahan dari server pusat dan kirim kotak keluar."),
            discussion: say(
                """
                Pull (the change feed, page by page), push (the outbox, in order, each action with its \
                Idempotency-Key), then pull again. Network errors, 5xx and 429 are retried with backoff. \
                Exit codes: 0 done, 3 offline (nothing lost, try later), 4 token refused (log in again), \
                5 partial (some actions came back in conflict or failed: see `lapor outbox`).
                """,
                id: """
                    Tarik (umpan perubahan, halaman demi halaman), dorong (kotak keluar, berurutan, setiap tindakan \
                    dengan Idempotency-Key-nya), lalu tarik lagi. Galat jaringan, 5xx dan 429 dicoba ulang dengan \
                    jeda yang makin panjang. Kode keluar: 0 selesai, 3 luring (tidak ada yang hilang, coba lagi \
                    nanti), 4 token ditolak (masuk lagi), 5 sebagian (beberapa tindakan kembali konflik atau gagal: \
                    lihat `lapor outbox`).
                    """
            )
        )
    }

    @OptionGroup var profile: ProfileOptions
    @Flag(help: say("Print a JSON summary on standard output.", id: "Cetak ringkasan JSON ke keluaran standar.")) var json = false
    @Flag(help: say("Keep syncing until interrupted (Ctrl-C).", id: "Terus sinkronkan sampai dihentikan (Ctrl-C).")) var watch = false
    @Flag(
        help: say(
            "Read the reference data (units, categories, policy, holiday decrees) again now; otherwise hourly.",
            id: "Baca ulang data rujukan (unit, kategori, kebijakan, SKB hari libur) sekarang; selain itu setiap jam."))
    var reference = false
    @Option(
        help: say(
            "Seconds between syncs with --watch (default: the profile's).", id: "Detik antar sinkronisasi dengan --watch (bawaan: milik profil).",
            valueName: "seconds")) var interval: Int?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        if let interval, !(5...86_400).contains(interval) { throw CLIError(text.badSyncInterval(interval)) }
        var engine = SyncEngine(store: session.store, client: try session.client())
        engine.forceReference = reference
        let first = engine
        engine.forceReference = false
        let out = CommandContext.output
        let json = json
        guard watch else {
            let summary = await Self.once(first, text: text, json: json)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
            return
        }
        let seconds = interval ?? session.profile.syncInterval
        let rest = engine
        let loop = Task {
            var runs = 0
            while !Task.isCancelled {
                let summary = await Self.once(runs == 0 ? first : rest, text: text, json: json)
                runs += 1
                if summary.outcome == .auth { return summary.exitCode }
                try? await Task.sleep(for: .seconds(seconds))
            }
            return Int32(0)
        }
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { sig in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { loop.cancel() }
            source.resume()
            return source
        }
        let code = await loop.value
        for source in sources { source.cancel() }
        out.error(text.watchStopped)
        if code != 0 { throw ExitCode(code) }
    }

    /// One run, with a progress line on a terminal, plain lines otherwise, or JSON.
    static func once(_ engine: SyncEngine, text: Catalogue, json: Bool) async -> SyncSummary {
        let out = CommandContext.output
        let live = LiveLine(live: TTY.stderrIsTTY && !json)
        let started = Date()
        let summary = await engine.sync { progress in
            guard !json else { return }
            let line: String
            switch progress {
            case .reference: line = text.syncReference
            case .page(let pages, let reports, let removed, _, let total):
                let rate = Double(reports) / max(Date().timeIntervalSince(started), 0.001)
                line =
                    text.syncPulled(pages: pages, reports: reports, removed: removed, rate: rate)
                    + (total.map { " · " + text.percentOf(reports, $0) } ?? "")
            case .action(let done, let total): line = text.syncPushed(done: done, total: total)
            case .rateLimited(let seconds): line = text.syncRateLimited(seconds)
            }
            if live.live {
                live.say(line)
            } else if case .page = progress {
                // Plain output (a log, a pipe) gets the actions, the waits and the totals below,
                // not every page.
            } else if case .reference = progress {
            } else {
                out.error(line)
            }
        }
        live.end()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            out.write(String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self))
        } else {
            out.error(text.syncSummary(summary))
        }
        return summary
    }
}

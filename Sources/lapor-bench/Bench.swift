import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain

/// `lapor-bench`: the speed targets, measured in a release build (`swift run -c release lapor-bench`).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lapor-bench",
        abstract: "Measure lapor's speed targets. Run in a release build.",
        subcommands: [
            AllBench.self, SyncBench.self, ListBench.self, TUIBench.self, ImportBench.self, CalendarBench.self, CentralBench.self, ServeForBench.self,
            PullForBench.self, DuplicatesBench.self,
        ]
    )
}

func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

struct CalendarBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Due-date computations per second over random cases (target ≥ 1,000,000/s)."
    )

    @Option(help: "Computations to time.") var count = 5_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 42

    func run() throws {
        var rng = SeedRandom(seed: seed)
        let calendar = WorkingCalendar.builtin()
        let start2024 = Timestamp(rfc3339: "2024-01-01T00:00:00+07:00")!.epochSeconds
        let span: Int64 = 4 * 365 * 86_400 - 40 * 86_400
        let zones = IndonesianTimeZone.allCases
        let cases = (0..<min(count, 1 << 20)).map { _ in
            (
                Timestamp(epochSeconds: start2024 + Int64.random(in: 0..<span, using: &rng)),
                Int.random(in: 1...20, using: &rng), zones.randomElement(using: &rng)!
            )
        }
        var checksum: Int64 = 0
        let t0 = nanos()
        for i in 0..<count {
            let c = cases[i % cases.count]
            checksum &+= (try calendar.due(after: c.0, workingDays: c.1, in: c.2)).at.epochSeconds
        }
        let seconds = Double(nanos() - t0) / 1e9
        let rate = Double(count) / seconds
        print(
            String(
                format: "calendar: %.0f due dates/s (%d computations in %.3f s; target >= 1000000/s) [checksum %lld]",
                rate, count, seconds, checksum))
        let t1 = nanos()
        var explained = 0
        for i in 0..<10_000 {
            let c = cases[i % cases.count]
            explained += try calendar.explain(after: c.0, workingDays: c.1, in: c.2).days.count
        }
        let explainSeconds = Double(nanos() - t1) / 1e9
        print(String(format: "calendar: %.0f explanations/s (10000 in %.3f s, %d days listed)", 10_000 / explainSeconds, explainSeconds, explained))
    }
}

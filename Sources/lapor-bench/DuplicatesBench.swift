import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain
import LaporStore

/// `lapor-bench duplicates`: duplicate suggestions on a full pull of the demo seed, against the
/// groups it plants (`PlantedDuplicates`): precision at top 1, recall at top 5, and the time of
/// one suggestion (issue 16: ≥ 0.9, ≥ 0.8, ≤ 20 ms at 100,000 reports).
struct DuplicatesBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates", abstract: "Duplicate suggestions on the demo seed's planted groups (precision@1 ≥ 0.9, recall@5 ≥ 0.8, ≤ 20 ms).")

    @Option(help: "Reports on the server (the demo seed).") var reports = 100_000
    @Option(help: "Use this store, pulled by an admin from a demo seed of --reports reports, instead of seeding and pulling.") var store: String?
    @Flag(help: "Print every planted query's suggestions.") var verbose = false

    func run() async throws {
        if let store {
            try DuplicatesSuite(path: store, reports: reports, verbose: verbose).run()
            return
        }
        let data = try BenchData(reports: reports)
        defer { data.remove() }
        let path = data.folder.appendingPathComponent("client.sqlite").path
        _ = try data.pull(into: path)
        try DuplicatesSuite(path: path, reports: reports, verbose: verbose).run()
    }
}

struct DuplicatesSuite {
    let path: String
    let reports: Int
    var verbose = false

    func run() throws {
        let store = try CaseStore(path: path)
        let count = try store.reportCount()
        let groups = PlantedDuplicates.groups(reports: reports)
        print("duplicates (\(count) reports in the store, \(groups.count) planted groups; \(buildKind); load \(loadAverage()))")
        var timesMs: [Double] = []
        var suggestedTop = 0
        var rightTop = 0
        var found = 0
        var wanted = 0
        var falseTops: [String] = []
        var missed: [String] = []
        func suggest(_ id: String) throws -> [SimilarReport] {
            let t = nanos()
            let out = try store.similar(to: id)
            timesMs.append(Double(nanos() - t) / 1e6)
            return out
        }
        for first in groups.prefix(3) where verbose {
            for id in first.duplicates + [first.decoy].compactMap({ $0 }) {
                let r = try store.report(id)
                print("    \(id): \(r?.title ?? "-") · \(r?.location?.text ?? "no location") · \(r?.body ?? "")")
            }
        }
        for group in groups {
            for id in group.duplicates {
                let others = Set(group.duplicates.filter { $0 != id })
                let suggestions = try suggest(id)
                let top5 = Set(suggestions.prefix(5).map(\.suggestion.id))
                found += others.intersection(top5).count
                wanted += others.count
                if !others.isSubset(of: top5) { missed.append("\(id) misses \(others.subtracting(top5).sorted())") }
                if let top = suggestions.first {
                    suggestedTop += 1
                    if others.contains(top.suggestion.id) {
                        rightTop += 1
                    } else {
                        falseTops.append("\(id) → \(top.suggestion.id) (\(top.suggestion.score), \(top.suggestion.reasons))")
                    }
                }
                if verbose { print("    \(id): " + suggestions.map { "\($0.suggestion.id) \($0.suggestion.score)" }.joined(separator: ", ")) }
            }
            if let decoy = group.decoy {
                let suggestions = try suggest(decoy)
                if let top = suggestions.first {
                    suggestedTop += 1
                    falseTops.append("decoy \(decoy) → \(top.suggestion.id) (\(top.suggestion.score), \(top.suggestion.reasons))")
                }
                if verbose {
                    print("    decoy \(decoy): " + suggestions.map { "\($0.suggestion.id) \($0.suggestion.score)" }.joined(separator: ", "))
                }
            }
        }
        let precision = suggestedTop == 0 ? 0 : Double(rightTop) / Double(suggestedTop)
        let recall = wanted == 0 ? 0 : Double(found) / Double(wanted)
        figure(
            "precision at top 1 (\(rightTop) of \(suggestedTop) suggested)", String(format: "%.3f", precision), target: "≥ 0.9",
            met: precision >= 0.9)
        figure("recall at top 5 (\(found) of \(wanted) duplicates)", String(format: "%.3f", recall), target: "≥ 0.8", met: recall >= 0.8)
        let planted = Spread(timesMs)
        figure("one suggestion (planted reports), ms", planted.text(1, "ms"), target: "≤ 20 ms", met: planted.max <= 20)

        // Any report: a thousand spread over the store, the common complaints among them.
        var any: [Double] = []
        let step = max(1, reports / 1_000)
        for index in stride(from: 0, to: reports, by: step) {
            let id = String(9_100_000 + index)
            let t = nanos()
            _ = try store.similar(to: id)
            any.append(Double(nanos() - t) / 1e6)
        }
        let spread = Spread(any)
        let sql = try PlainSQL(path: path)
        var anchor: [Double] = []
        for index in stride(from: 0, to: reports, by: step * 10) {
            let t = nanos()
            _ = try sql.rows("SELECT id, json FROM report WHERE id = '\(9_100_000 + index)'")
            anchor.append(Double(nanos() - t) / 1e6)
        }
        figure(
            "one suggestion (\(any.count) reports across the store), ms", spread.text(1, "ms"), target: "≤ 20 ms", met: spread.max <= 20,
            anchor: "SQL read of the report " + Spread(anchor).text(2, "ms"))
        for line in falseTops.prefix(20) { print("    wrong top 1: \(line)") }
        for line in missed.prefix(20) { print("    missed: \(line)") }
    }
}

import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain
import LaporImport
import Terminal

/// `lapor-bench import`: the demo seed's reports written as an admin-area export (.xlsx), then
/// `lapor import` of it as a user runs it, one process a run (issue 15: 50,000 rows in ≤ 10 s
/// and ≤ 200 MB). Anchor: the same rows' (id, cells) inserted with the SQLite C API.
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "lapor import of a 50,000-row export of the demo seed's reports (targets ≤ 10 s, ≤ 200 MB).")

    @Option(help: "Rows of the export (the demo seed's reports).") var rows = 50_000
    @Option(help: "Runs of each measurement.") var runs = 3
    @Option(help: "Also copy the export written to this path (to profile lapor import on it).") var keep: String?

    func run() async throws {
        try await ImportSuite(rows: rows, runs: runs, keep: keep).run()
    }
}

struct ImportSuite {
    let rows: Int
    let runs: Int
    var keep: String? = nil

    func run() async throws {
        let lapor = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lapor").path
        guard FileManager.default.isExecutableFile(atPath: lapor) else {
            print("import: skipped (no \(lapor): swift build -c release --product lapor)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // The demo seed's reports, as the admin area would export them.
        let central = try CentralStore(path: folder.appendingPathComponent("central.sqlite").path)
        try await DemoSeed(reports: rows, seed: 1).seed(
            central, tokensFile: folder.appendingPathComponent("tokens.json").path, now: Timestamp(Date()))
        let reports = try central.allReports()
        let units = try UnitTree(try central.units())
        let categories = CategoryTree(try central.categories())
        var sheet: [[String]] = [["Judul Laporan: lapor-bench"], ["Nama Instansi: demo"], ["Tanggal Generate: -"], []]
        sheet.append(AdminExport.Column.allCases.map(\.rawValue))
        for report in reports {
            let cells = AdminExport.cells(of: report, units: units, categories: categories)
            sheet.append(AdminExport.Column.allCases.map { cells[$0] ?? "" })
        }
        let file = folder.appendingPathComponent("ekspor.xlsx")
        try XLSXWriter.write(sheet, to: file)
        if let keep { try? FileManager.default.copyItem(atPath: file.path, toPath: keep) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) >> 10
        print("import (\(buildKind); \(reports.count) demo reports as an .xlsx export of \(size) KB; load \(loadAverage()))")

        var wall: [Double] = []
        var rss: [Double] = []
        var again: [Double] = []
        for run in 0..<max(runs, 1) {
            var env = ProcessInfo.processInfo.environment
            let home = folder.appendingPathComponent("home-\(run)")
            env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
            env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
            env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
            env["LANG"] = "C.UTF-8"
            let rssFile = folder.appendingPathComponent("rss").path
            let command = ["/usr/bin/time", "-f", "%M", "-o", rssFile, lapor, "import", file.path]
            var t = nanos()
            let first = ChildProcess.run(command, environment: env, timeout: 600)
            wall.append(Double(nanos() - t) / 1e9)
            guard first.status == 0 else {
                throw ValidationError("lapor import failed (\(first.status.map { String($0) } ?? "no exit status")): \(first.output.prefix(400))")
            }
            if let kb = (try? String(contentsOfFile: rssFile, encoding: .utf8)).flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            ) {
                rss.append(kb / 1024)
            }
            t = nanos()
            let second = ChildProcess.run([lapor, "import", file.path], environment: env, timeout: 600)
            again.append(Double(nanos() - t) / 1e9)
            guard second.status == 0, second.output.contains("\(reports.count) tidak berubah") else {
                throw ValidationError("the re-import changed rows: \(second.output.prefix(400))")
            }
        }
        // The anchor: the same number of (id, text) rows, one transaction, SQLite's C API.
        let anchor = Spread(
            try (0..<max(runs, 1)).map { run in
                let rowsToInsert = reports.map { ($0.id, $0.title + "\u{1F}" + $0.body) }
                return try RawInsert.insert(rowsToInsert, into: folder.appendingPathComponent("anchor-\(run).sqlite").path)
            })
        let w = Spread(wall)
        figure(
            "lapor import, \(reports.count) rows, wall s", w.text(2, "s"), target: "≤ 10 s", met: w.median <= 10,
            anchor: "raw C insert " + anchor.text(2, "s"))
        if !rss.isEmpty {
            let r = Spread(rss)
            figure("lapor import, peak RSS", r.text(0, "MB"), target: "≤ 200 MB", met: r.max <= 200)
        }
        figure("lapor import again (nothing changed), wall s", Spread(again).text(2, "s"), target: "-", met: nil)
    }
}

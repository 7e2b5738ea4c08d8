import ArgumentParser
import Foundation
import LaporCentral
import LaporDomain
import LaporImport
import Terminal

/// `lapor-bench import`: the demo seed's reports written as an admin-area export (.xlsx, all 26
/// columns filled), then `lapor import` of it as a user runs it, one process a run, alternating
/// with the anchor: the raw C insert of the same rows (`../shared/bench/ingest.c`, compiled here,
/// on the store the run wrote; the in-process C insert when that file is not beside the package).
/// Targets: 50,000 rows in ≤ 10 s and ≤ 200 MB (issue 15); 200,000 in ≤ 30 s and ≤ 300 MB
/// (issue 24).
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "lapor import of an export of the demo seed's reports, alternating with the raw C insert (targets: 50,000 rows ≤ 10 s and ≤ 200 MB; 200,000 ≤ 30 s and ≤ 300 MB)."
    )

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

    /// The targets for the sizes the issues name.
    var targets: (seconds: Double, megabytes: Double)? {
        switch rows {
        case 50_000: (10, 200)
        case 200_000: (30, 300)
        default: nil
        }
    }

    func run() async throws {
        let lapor = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lapor").path
        guard FileManager.default.isExecutableFile(atPath: lapor) else {
            print("import: skipped (no \(lapor): swift build -c release --product lapor)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // The demo seed's reports, as the admin area would export them, every column filled.
        let central = try CentralStore(path: folder.appendingPathComponent("central.sqlite").path)
        try await DemoSeed(reports: rows, seed: 1).seed(
            central, tokensFile: folder.appendingPathComponent("tokens.json").path, now: Timestamp(Date()))
        let reports = try central.allReports()
        let units = try UnitTree(try central.units())
        let categories = CategoryTree(try central.categories())
        var sheet: [[String]] = [["Judul Laporan: lapor-bench"], ["Nama Instansi: demo"], ["Tanggal Generate: -"], []]
        sheet.append(AdminExport.Column.allCases.map(\.rawValue))
        for (i, report) in reports.enumerated() {
            let cells = Self.filled(AdminExport.cells(of: report, units: units, categories: categories), report, units: units, index: i)
            sheet.append(AdminExport.Column.allCases.map { cells[$0] ?? "" })
        }
        let file = folder.appendingPathComponent("ekspor.xlsx")
        try XLSXWriter.write(sheet, to: file)
        sheet = []
        if let keep { try? FileManager.default.copyItem(atPath: file.path, toPath: keep) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) >> 10
        let ingest = SharedAnchor.compile(into: folder)
        print(
            "import (\(buildKind); \(reports.count) demo reports as an .xlsx export of \(size) KB, 26 columns filled; anchor: "
                + (ingest == nil ? "in-process C insert (../shared/bench/ingest.c not found)" : "../shared/bench/ingest.c raw")
                + "; load \(loadAverage()))")

        var wall: [Double] = []
        var rss: [Double] = []
        var again: [Double] = []
        var anchor: [Double] = []
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
            let first = ChildProcess.run(command, environment: env, timeout: 1_200)
            wall.append(Double(nanos() - t) / 1e9)
            guard first.status == 0 else {
                throw ValidationError("lapor import failed (\(first.status.map { String($0) } ?? "no exit status")): \(first.output.prefix(400))")
            }
            if let kb = (try? String(contentsOfFile: rssFile, encoding: .utf8)).flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            ) {
                rss.append(kb / 1024)
            }
            // The anchor, right after: the same rows (id, JSON) the import stored, inserted raw.
            let store = home.appendingPathComponent("data/lapor/ekspor/cases.sqlite").path
            let out = folder.appendingPathComponent("anchor-\(run).sqlite").path
            if let ingest {
                let raw = ChildProcess.run([ingest, store, out, "raw"], timeout: 600)
                guard raw.status == 0, let seconds = SharedAnchor.seconds(raw.output) else {
                    throw ValidationError("the anchor failed: \(raw.output.prefix(300))")
                }
                anchor.append(seconds)
            } else {
                anchor.append(try RawInsert.insert(try RawInsert.rows(from: store), into: out))
            }
            try? FileManager.default.removeItem(atPath: out)
            t = nanos()
            let second = ChildProcess.run([lapor, "import", file.path], environment: env, timeout: 1_200)
            again.append(Double(nanos() - t) / 1e9)
            guard second.status == 0, second.output.contains("\(reports.count) tidak berubah") else {
                throw ValidationError("the re-import changed rows: \(second.output.prefix(400))")
            }
            try? FileManager.default.removeItem(at: home)
        }
        let w = Spread(wall)
        figure(
            "lapor import, \(reports.count) rows, wall s", w.text(2, "s"), target: targets.map { "≤ \(Int($0.seconds)) s" } ?? "-",
            met: targets.map { w.median <= $0.seconds }, anchor: "raw C insert " + Spread(anchor).text(2, "s"))
        figure(
            "lapor import ÷ raw C insert, per pair", Spread(zip(wall, anchor).map { $0 / $1 }).text(1, "×"), target: "-", met: nil)
        if !rss.isEmpty {
            let r = Spread(rss)
            figure(
                "lapor import, peak RSS", r.text(0, "MB"), target: targets.map { "≤ \(Int($0.megabytes)) MB" } ?? "-",
                met: targets.map { r.max <= $0.megabytes })
        }
        figure("lapor import again (nothing changed), wall s", Spread(again).text(2, "s"), target: "-", met: nil)
        print("  (load after: \(loadAverage()))")
    }

    /// The columns the demo's reports leave empty, filled as an agency's export fills them.
    static func filled(_ cells: [AdminExport.Column: String], _ report: Report, units: UnitTree, index: Int) -> [AdminExport.Column: String] {
        var out = cells
        let province: String
        switch units.zone(of: report.unitId) {
        case .wib: province = "DKI Jakarta"
        case .wita: province = "Sulawesi Selatan"
        case .wit: province = "Papua"
        }
        out[.province] = province
        out[.city] = "Kota \(["Jakarta Pusat", "Makassar", "Jayapura", "Bandung"][index % 4])"
        out[.district] = "Kecamatan \(index % 97)"
        out[.village] = out[.village] ?? "Kelurahan \(index % 389)"
        out[.decreeNumber] = "SK/\(index % 1000)/2026"
        out[.decreeURL] = "https://lapor.go.id/sk/\(index % 1000).pdf"
        out[.annualReportURL] = "https://lapor.go.id/laporan-tahunan/2025.pdf"
        out[.vicePresident] = index % 50 == 0 ? "Ya" : "Tidak"
        out[.holdReason] = out[.holdReason] ?? (report.status == .held ? "Menunggu kelengkapan data" : "")
        out[.rating] = out[.rating] ?? ""
        out[.reporterName] = out[.reporterName] ?? "Pelapor \(index % 5000)"
        return out
    }
}

/// The shared anchor (`../shared/bench/ingest.c`): compiled once per run of the bench.
enum SharedAnchor {
    static func compile(into folder: URL) -> String? {
        let source = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/bench/ingest.c").standardized
        guard FileManager.default.fileExists(atPath: source.path) else { return nil }
        let binary = folder.appendingPathComponent("ingest").path
        let built = ChildProcess.run(["cc", "-O2", source.path, "-lsqlite3", "-o", binary], timeout: 120)
        return built.status == 0 ? binary : nil
    }

    /// The seconds of `C sqlite3 raw: N rows (… MB of values) in S s = R reports/s`.
    static func seconds(_ output: String) -> Double? {
        guard let range = output.range(of: #" in ([0-9.]+) s"#, options: .regularExpression) else { return nil }
        return Double(output[range].dropFirst(4).dropLast(2))
    }
}

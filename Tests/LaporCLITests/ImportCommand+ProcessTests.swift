import Foundation
import LaporDomain
import LaporImport
import Terminal
import Testing

/// `lapor import` as a process (issue 24): what a person at a terminal sees while it runs, and
/// what a `kill -9` leaves behind.
@Suite struct ImportProcessTests {
    /// A workbook of `rows` reports (every column filled), as the admin area writes it.
    static func workbook(rows: Int, at url: URL) throws {
        var sheet: [[String]] = [["Judul Laporan: Rekap"], [], AdminExport.Column.allCases.map(\.rawValue)]
        for i in 0..<rows {
            sheet.append(
                AdminExport.Column.allCases.map { column in
                    switch column {
                    case .trackingId: String(6_000_000 + i)
                    case .date: "3 Des 2026"
                    case .time: "14.05"
                    case .status: "Terdisposisi ke Dinas \(i % 7)"
                    case .reporterName: "Pelapor \(i)"
                    case .privacy: i % 3 == 0 ? "Rahasia" : ""
                    case .province: "Bali"
                    default: "\(column.rawValue) \(i): laporan warga tentang jalan berlubang di depan sekolah."
                    }
                })
        }
        try XLSXWriter.write(sheet, to: url)
    }

    /// The folders a read inflates into, under `tmp`.
    static func leftovers(in tmp: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).filter { $0.hasPrefix("lapor-import-") }
    }

    /// A read killed with SIGKILL leaves its inflated sheet (reporters' names) behind; the next
    /// import removes it, and keeps the folder of a read still running.
    @Test func theNextImportRemovesWhatAKilledOneLeft() async throws {
        let m = Machine()
        defer { m.remove() }
        let tmp = m.home.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let file = m.home.appendingPathComponent("besar.xlsx")
        try await offThePool { try Self.workbook(rows: 8_000, at: file) }
        var environment = m.environment
        environment["TMPDIR"] = tmp.path
        let log = m.home.appendingPathComponent("log").path
        let child = try ChildProcess.start(
            [TmuxEndToEndTests.binary.path, "import", file.path], environment: environment, stdout: .file(log), stderr: .file(log + ".err"))
        // Killed while it reads: once its folder holds the inflated sheet.
        let deadline = Date().addingTimeInterval(30)
        var inflated = false
        while Date() < deadline, !inflated {
            inflated = Self.leftovers(in: tmp).contains { name in
                ((try? FileManager.default.contentsOfDirectory(atPath: tmp.appendingPathComponent(name).path)) ?? []).count >= 1
            }
            if !inflated { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(inflated, "the import never inflated its sheet: \((try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? "")")
        kill(child.pid, SIGKILL)
        _ = try await offThePool { child.wait(timeout: 10) }
        let left = Self.leftovers(in: tmp)
        #expect(left.count == 1, "\(left)")
        // A folder of a read still running (this test's own process) is left alone.
        let running = tmp.appendingPathComponent("lapor-import-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)
        let childEnvironment = environment
        let next = try await offThePool {
            ChildProcess.run(
                [TmuxEndToEndTests.binary.path, "import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx"), "--profile", "lain"],
                environment: childEnvironment, timeout: 60)
        }
        #expect(next.status == 0, "\(next.output)")
        #expect(Self.leftovers(in: tmp) == [running.lastPathComponent])
    }

    /// On a terminal the import says what it is doing while it runs, then clears the line; in a
    /// pipe it prints the summary alone.
    @Test func aTerminalSeesProgressAndAPipeDoesNot() async throws {
        let m = Machine()
        defer { m.remove() }
        let file = m.home.appendingPathComponent("besar.xlsx")
        try FileManager.default.createDirectory(at: m.home, withIntermediateDirectories: true)
        try await offThePool { try Self.workbook(rows: 5_000, at: file) }
        let log = m.home.appendingPathComponent("typescript")
        let command = "\(m.shell) \(TmuxEndToEndTests.binary.path) import \(file.path)"
        // `script` gives the command a terminal and keeps every byte it wrote.
        let run = try await offThePool { ChildProcess.run(["script", "-q", "-e", "-c", command, log.path], timeout: 120) }
        #expect(run.status == 0, "\(run.output)")
        let seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(seen.contains("Membaca \(file.path)…") && seen.contains("Mengimpor: 2.000 dari 5.000 baris (40%)…"), "\(seen.prefix(600))")
        #expect(seen.contains("\r\u{1B}[2K") && seen.contains("5000 baru"), "\(seen.suffix(300))")
        let out = m.home.appendingPathComponent("out").path
        let err = m.home.appendingPathComponent("err").path
        let piped = try ChildProcess.start(
            [TmuxEndToEndTests.binary.path, "import", file.path, "--profile", "pipa"], environment: m.environment, stdout: .file(out),
            stderr: .file(err))
        #expect(try await offThePool { piped.wait(timeout: 120) } == 0)
        let printed = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        #expect(printed.contains("5000 baru") && !printed.contains("Mengimpor") && !errors.contains("Mengimpor"), "\(printed) \(errors)")
    }
}

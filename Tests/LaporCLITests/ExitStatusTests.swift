import Foundation
import LaporTestSupport
import LaporText
import Testing

@testable import LaporCLI

/// One list of exit codes (issue 14): the docs and `--help` say it, and the commands use it.
@Suite struct ExitStatusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDocsAndTheHelpListEveryCode() async throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }.map(String.init)
        #expect(rows == ExitStatus.allCases.map { "| \($0.rawValue) | \($0.meaning) |" }, "\(rows)")
        // The help wraps its lines: compared with the spaces made one.
        for (arguments, language) in [(["--help"], Language.id), (["--help", "--lang", "en"], .en), (["--lang=en", "help"], .en)] {
            let help = await lapor(arguments)
            let words = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.code == 0 && words.contains(ExitStatus.summary(in: language)), "\(arguments): \(help.out)")
        }
        #expect(ExitStatus.summary(in: .id).hasPrefix("Kode keluar: 0 selesai, 1 gagal"))
        #expect(ExitStatus.allCases.map(\.rawValue) == Array(0...7))
    }

    @Test func notInTheStoreIsSevenAndRefusedIsSix() async throws {
        try await withTestServer(reports: 0) { server in
            let mine = try await server.dispatched(to: "dki-dpu")
            let m = Machine()
            defer { m.remove() }
            #expect(
                await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!).code == 0)
            #expect(await m.run("sync").code == 0)
            let missing = await m.run("show", "9999999")
            #expect(missing.code == 7 && missing.err.contains("tidak ada di penyimpanan lokal"), "\(missing.err)")
            #expect(await m.run("act", "followup", "9999999", "--text", "Sudah.").code == 7)
            let refused = await m.run("act", "close", mine.id)
            #expect(refused.code == 6 && refused.err.contains("tidak tersedia untuk pejabat penghubung"), "\(refused.err)")
            #expect(await m.run("outbox", "retry", "zzzzzz").code == 7)
            #expect(await m.run("list", "--view", "nope").code == 2)
        }
    }
}

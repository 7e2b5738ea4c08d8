import Foundation
import LaporTestSupport
import Terminal
import Testing

@testable import LaporCLI

/// Where lapor keeps things, and how privately (issue 14).
@Suite struct AppConfigTests {
    @Test func aRelativeXDGFolderIsIgnored() {
        let paths = Paths(environment: ["HOME": "/home/siti", "XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "./c", "XDG_STATE_HOME": "/var/s"])
        #expect(paths.dataDirectory.path == "/home/siti/.local/share/lapor")
        #expect(paths.configDirectory.path == "/home/siti/.config/lapor")
        #expect(paths.stateDirectory.path == "/var/s/lapor")
    }

    func mode(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1 }

    @Test func foldersArePrivateAndTheTokenComesFromAFileOrStandardInput() async throws {
        try await withTestServer(reports: 0) { server in
            let m = Machine()
            defer { m.remove() }
            // A data folder an older lapor made world-readable is tightened.
            let old = m.home.appendingPathComponent("data/lapor/default")
            try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            let base = "http://127.0.0.1:\(server.base.port!)"
            let login = await m.run("login", "--server", base, "--token", server.tokens["u-liaison-dki-dpu"]!)
            #expect(login.code == 0 && login.err.contains("terlihat oleh pengguna lain (ps)"), "--token works and warns: \(login.err)")
            #expect(mode(old.path) == 0o700 && mode(m.home.appendingPathComponent("config/lapor").path) == 0o700)

            // `--token-file -`: the real binary, the token on its standard input; no warning.
            let other = Machine()
            defer { other.remove() }
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            let binary = TmuxEndToEndTests.binary.path
            let errFile = other.home.appendingPathComponent("err").path
            try FileManager.default.createDirectory(at: other.home, withIntermediateDirectories: true)
            let child = try ChildProcess.start(
                [binary, "login", "--server", base, "--token-file", "-"],
                environment: other.environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a },
                stdin: .descriptor(fds[0]), stdout: .null, stderr: .file(errFile))
            close(fds[0])
            let token = Data((server.tokens["u-admin"]! + "\n").utf8)
            _ = token.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            close(fds[1])
            let code = child.wait(timeout: 30)
            let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
            #expect(code == 0 && !err.contains("ps"), "\(err)")
            let stored = other.home.appendingPathComponent("config/lapor/tokens/default.token").path
            #expect(mode(stored) == 0o600 && (try? String(contentsOfFile: stored, encoding: .utf8)) == server.tokens["u-admin"]! + "\n")
            #expect(mode(other.home.appendingPathComponent("data/lapor/default").path) == 0o700)
            #expect(await other.run("list", "--limit", "1").code == 0, "the stored token works")
        }
    }
}

import Foundation
import LaporDomain
import LaporStore
import LaporTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A user's machine: its own config and data folders.
struct Machine {
    let home: URL
    var environment: [String: String] {
        ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_DATA_HOME": home.appendingPathComponent("data").path]
    }

    init() { home = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-home-\(UUID().uuidString)") }

    func run(_ args: String...) async -> (code: Int32, out: String, err: String) { await lapor(args, environment: environment) }
    func remove() { try? FileManager.default.removeItem(at: home) }

    /// The environment as `NAME='value'` words for a shell command line.
    var shell: String { environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ") }
}

@Suite struct CaseCommandsTests {
    @Test func aLiaisonsDayFromTheCommandLine() async throws {
        try await withTestServer(reports: 120) { server in
            let mine = try await server.dispatched(to: "dki-dpu", privacy: "anonim")
            let m = Machine()
            defer { m.remove() }
            let base = "http://127.0.0.1:\(server.base.port!)"
            let login = await m.run("login", "--server", base, "--token", server.tokens["u-liaison-dki-dpu"]!, "--profile", "dpu")
            #expect(login.code == 0, "\(login.err)")
            #expect(login.out.contains("Masuk sebagai") && login.out.contains("Dinas Pekerjaan Umum"))
            let tokenFile = m.home.appendingPathComponent("config/lapor/tokens/dpu.token").path
            #expect((try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int) == 0o600)
            let config = try String(contentsOfFile: m.home.appendingPathComponent("config/lapor/config.toml").path, encoding: .utf8)
            #expect(config.contains("[profile.dpu]") && !config.contains(server.tokens["u-liaison-dki-dpu"]!), "the token is not in the config")
            let sync = await m.run("sync", "--json")
            #expect(sync.code == 0, "\(sync.err)")
            let summary = try JSONSerialization.jsonObject(with: Data(sync.out.utf8)) as! [String: Any]
            #expect(summary["outcome"] as? String == "done" && (summary["reports"] as? Int ?? 0) > 0)
            let list = await m.run("list", "--format", "csv")
            #expect(list.code == 0 && list.out.contains("\n\(mine.id),dispatched,"))
            let json = await m.run("list", "--view", "all", "--format", "json")
            let reports = try JSONDecoder().decode([Report].self, from: Data(json.out.utf8))
            #expect(reports.contains { $0.id == mine.id && $0.reporter == nil }, "anonim: no reporter in exports")
            let show = await m.run("show", mine.id)
            #expect(show.code == 0 && show.out.contains("(identitas dirahasiakan)") && show.out.contains("Tenggat tindak lanjut"))
            #expect(await m.run("search", "halte").out.contains(mine.id))
            // A view saved in the TUI lists the same from the command line (issue 12).
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/dpu/cases.sqlite").path)
            try store.saveView(SavedView(name: "Halte", base: .all, filter: "privacy=anonim", search: "halte"))
            let savedList = await m.run("list", "--view", "Halte", "--format", "csv")
            #expect(savedList.code == 0 && savedList.out.contains("\n\(mine.id),"), "\(savedList.err)")
            // NDJSON: the same reports, one a line, as the server sent them; a server's line
            // breaks (pretty JSON) never split a report over two lines (issue 13).
            let nd = await m.run("list", "--view", "all", "--format", "ndjson")
            let ndIds = try nd.out.split(separator: "\n").map { try JSONDecoder().decode(Report.self, from: Data($0.utf8)).id }
            #expect(nd.code == 0 && ndIds == reports.map(\.id))
            let pretty = JSONEncoder()
            pretty.outputFormatting = [.prettyPrinted]
            var shown = try #require(reports.first)
            shown.title = "Baris\nbaru"
            _ = try await store.apply(
                page: [.report(shown, json: String(decoding: try pretty.encode(shown), as: UTF8.self))], cursor: try store.cursor() ?? "",
                at: Timestamp(Date(), in: .wib))
            let one = await m.run("list", "--view", "all", "--format", "ndjson", "--search", "baris")
            let oneLines = one.out.split(separator: "\n")
            #expect(oneLines.count == 1 && (try? JSONDecoder().decode(Report.self, from: Data(oneLines[0].utf8)))?.title == "Baris\nbaru")
            let unknown = await m.run("list", "--view", "Tidak ada")
            #expect(unknown.code == 2 && unknown.err.contains("Halte"), "the saved names are offered: \(unknown.err)")
            // The tracking number a citizen quotes, whole or its start (issue 12).
            let byNumber = await m.run("search", mine.id)
            #expect(byNumber.code == 0 && byNumber.out.contains(mine.id), "\(byNumber.out)\(byNumber.err)")
            #expect(await m.run("search", String(mine.id.prefix(5))).out.contains(mine.id))
            // Act: refused ones exit 6 and queue nothing; allowed ones are queued and sent by sync.
            let refused = await m.run("act", "close", mine.id)
            #expect(refused.code == 6 && refused.err.contains("tidak tersedia untuk pejabat penghubung"))
            let empty = await m.run("act", "followup", mine.id, "--text", "  ")
            #expect(empty.code == 6)
            // Over the byte limit (20 characters of 4,001 scalars each): refused in a sentence, kept as the draft.
            let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 4_000), count: 20)
            let tooBig = await m.run("act", "followup", mine.id, "--text", heavy)
            #expect(tooBig.code == 6 && tooBig.err.contains("80000 byte") && tooBig.err.contains("Draf disimpan"), "\(tooBig.err.prefix(300))")
            #expect(await m.run("outbox").out.contains("menunggu dikirim") == false)
            let textFile = m.home.appendingPathComponent("balasan.txt")
            try FileManager.default.createDirectory(at: m.home, withIntermediateDirectories: true)
            try "Lubang sudah ditambal pada 20 November.\nTerima kasih.".write(to: textFile, atomically: true, encoding: .utf8)
            let queued = await m.run("act", "followup", mine.id, "--text-file", textFile.path)
            #expect(queued.code == 0 && queued.out.contains("masuk antrean"), "\(queued.err)")
            // The same again before it is sent: refused here, once is enough (issue 12).
            let twice = await m.run("act", "followup", mine.id, "--text", "Sekali lagi.")
            #expect(twice.code == 6 && twice.err.contains("sudah ada di kotak keluar"), "\(twice.err)")
            #expect(await m.run("outbox").out.contains("menunggu dikirim"))
            #expect(await m.run("sync").code == 0)
            let onServer = try await server.get("/reports/\(mine.id)", as: "u-admin").decode(Report.self)
            #expect(onServer.status == .followedUp && onServer.timeline.last?.text == "Lubang sudah ditambal pada 20 November.\nTerima kasih.")
            #expect(await m.run("outbox", "list", "--all").out.contains("terkirim"))
        }
    }

    @Test func conflictsExitFiveAndCanBeRetriedOrDiscarded() async throws {
        try await withTestServer(reports: 0) { server in
            let r = try await server.dispatched(to: "dki-dpu")
            let m = Machine()
            defer { m.remove() }
            #expect(
                await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!).code == 0)
            #expect(await m.run("sync").code == 0)
            #expect(await m.run("act", "request_info", r.id, "--text", "Mohon foto lokasi.").code == 0)
            _ = try await server.applied(["report_id": r.id, "type": "followup", "text": "Sudah."], as: "u-liaison-dki")
            let sync = await m.run("sync")
            #expect(sync.code == 5, "\(sync.err)")
            let outbox = await m.run("outbox", "--format", "json")
            let items = try JSONSerialization.jsonObject(with: Data(outbox.out.utf8)) as! [[String: Any]]
            #expect(items.count == 1 && items[0]["state"] as? String == "conflict" && items[0]["text"] as? String == "Mohon foto lokasi.")
            let id = items[0]["id"] as! String
            let retry = await m.run("outbox", "retry", String(id.prefix(6)))
            #expect(retry.code == 6, "still not allowed in the new status: \(retry.err)")
            let discard = await m.run("outbox", "discard", String(id.prefix(6)))
            #expect(discard.code == 0)
            #expect(await m.run("sync").code == 0)
        }
    }

    @Test func loginAndSyncFailuresHaveTheirExitCodes() async throws {
        let server = try await TestServer(reports: 0)
        let port = server.base.port!
        let m = Machine()
        defer { m.remove() }
        let bad = await m.run("login", "--server", "http://127.0.0.1:\(port)", "--token", "wrong")
        #expect(bad.code == 4 && bad.err.contains("Token ditolak"))
        let insecure = await m.run("login", "--server", "http://10.1.2.3:8080", "--token", "x")
        #expect(insecure.code == 2 && insecure.err.contains("--trust-host"))
        #expect(await m.run("login", "--server", "ftp://x", "--token", "x").code == 2)
        #expect(await m.run("login", "--server", "http://127.0.0.1:\(port)", "--token", "a", "--profile", "../etc").code == 2)
        #expect(await m.run("list").err.contains("Belum ada profil"))
        #expect(await m.run("login", "--server", "http://127.0.0.1:\(port)", "--token", server.tokens["u-admin"]!).code == 0)
        await server.stop()
        // Hold the freed port (bound, not listening: connections are refused), so that a server
        // of a test running alongside cannot take it and answer in its place.
        let holder = PortHolder(port: port)
        defer { holder.release() }
        let offline = await m.run("sync")
        #expect(offline.code == 3 && offline.err.contains("tidak dapat dihubungi"), "\(offline.err)")
        let env = await lapor(["sync"], environment: m.environment.merging(["LAPOR_TOKEN": "other"]) { $1 })
        #expect(env.code == 3, "LAPOR_TOKEN is used (and the server is down)")
    }
}

/// A loopback port bound without listening: a connection to it is refused, and nobody else can
/// bind it meanwhile.
final class PortHolder {
    let fd: Int32

    init(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    func release() { close(fd) }
}

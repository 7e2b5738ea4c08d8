import Foundation
import LaporCLI
import Testing

@Suite struct CentralCommandTests {
    @Test(arguments: [
        (["--port", "70000"], "Port 70000 tidak valid"),
        (["--seed-reports", "2000000"], "--seed-reports harus 0 sampai 1000000"),
        (["--clock-interval", "0"], "--clock-interval harus paling sedikit 1 detik"),
    ])
    func badOptionsExitTwo(arguments: [String], message: String) async {
        let r = await lapor(["central"] + arguments)
        #expect(r.code == 2)
        #expect(r.err.contains(message), "\(r.err)")
    }

    /// Not the user's input but the machine: exit 1 (`ExitStatus.failure`).
    @Test func aDatabaseThatCannotBeCreatedExitsOne() async {
        let r = await lapor(["central", "--db", "/proc/no/such/dir/c.sqlite"])
        #expect(r.code == 1)
        #expect(r.err.contains("/proc/no/such/dir"), "\(r.err)")
    }

    @Test func aPortInUseIsSaidPlainly() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        listen(listener, 1)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: addr.sin_port))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = await lapor(["central", "--port", String(port), "--db", folder.appendingPathComponent("c.sqlite").path])
        #expect(r.code == 1)
        #expect(r.err.contains("sudah dipakai"), "\(r.err)")
    }
}

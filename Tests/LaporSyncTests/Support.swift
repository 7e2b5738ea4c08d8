import Foundation
import LaporCentral
import LaporDomain
import LaporStore
import LaporSync
import LaporTestSupport

/// A store in a temporary file and an engine that talks to `url` as `user`.
struct Harness {
    let folder: URL
    let store: CaseStore
    var engine: SyncEngine
    let user: User

    init(server: TestServer, user userId: String, through port: Int? = nil, maxResponseBytes: Int? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-sync-\(UUID().uuidString)")
        store = try CaseStore(path: folder.appendingPathComponent("cases.sqlite").path)
        let url = URL(string: "http://127.0.0.1:\(port ?? server.base.port!)")!
        var client = try CentralClient(server: url, token: server.tokens[userId]!, timeout: 5)
        if let maxResponseBytes { client.maxResponseBytes = maxResponseBytes }
        var engine = SyncEngine(store: store, client: client)
        engine.retry = RetryPolicy(attempts: 8, baseDelay: 0.01, maxDelay: 0.05)
        engine.pageSize = 25
        self.engine = engine
        user = try await server.get("/me", as: userId).decode(User.self)
    }

    /// A second store object over the same file (another process's view).
    func reopen() throws -> CaseStore { try CaseStore(path: folder.appendingPathComponent("cases.sqlite").path) }

    func queue(_ type: ActionType, _ reportId: String, text: String? = nil, unit: String? = nil) async throws -> OutboxItem {
        let report = try store.report(reportId)
        let request = ActionRequest(
            id: UUID().uuidString.lowercased(), reportId: reportId, baseVersion: report?.version, type: type, text: text, unitId: unit)
        return try store.queue(request, by: user, at: Timestamp(Date(), in: .wib))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The ids a user may see on the server, read through the server's own feed as the national admin.
func visibleIds(_ server: TestServer, for user: User) async throws -> Set<String> {
    let all = try await server.pull(as: "u-admin").items.map { try JSONSerialization.data(withJSONObject: $0) }
        .map { try JSONDecoder().decode(Report.self, from: $0) }
    return Set(all.filter { server.server.workflow.canSee($0, user: user) }.map(\.id))
}

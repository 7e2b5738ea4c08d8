import Foundation
import LaporDomain
import LaporTestSupport
import Testing

@testable import LaporCentral

/// Issue 26: one account cannot exhaust the central. Each account has its own pace for actions
/// and reads (429 with Retry-After past it), one address holds a share of the connections, and
/// the defaults never stop a real officer.
@Suite struct AccountLimiterTests {
    @Test func anAccountPastItsBucketIsToldToWaitAndNoOneElseIs() async throws {
        let limits = AccountLimits(actions: RateLimit(burst: 3, perSecond: 0.05), reads: RateLimit(burst: 5, perSecond: 0.05))
        try await withTestServer(reports: 0, transport: .inProcess, accountLimits: limits) { t in
            let report = try await t.submit()
            var statuses: [Int] = []
            for _ in 0..<4 {
                let r = try await t.actNew(["report_id": report.id, "type": "verify"], as: "u-admin-dki")
                statuses.append(r.status)
                if r.status == 429 {
                    #expect(r.errorCode == "rate_limited", "\(r.text)")
                    #expect(Int(r.headers["retry-after"] ?? "") ?? 0 >= 1, "\(r.headers)")
                }
            }
            // Three go through (applied or refused by the rules), the fourth waits.
            #expect(statuses.prefix(3).allSatisfy { $0 != 429 } && statuses.last == 429, "\(statuses)")
            // Reads have their own bucket, and another account its own.
            #expect(try await t.get("/me", as: "u-admin-dki").status == 200)
            #expect(try await t.actNew(["report_id": report.id, "type": "verify"], as: "u-admin").status != 429)
            var reads: [Int] = []
            for _ in 0..<6 { reads.append(try await t.get("/me", as: "u-liaison-dki-dpu").status) }
            #expect(reads.filter { $0 == 429 }.count == 1 && reads.last == 429, "\(reads)")
            // Without a token there is no account: the answer stays 401.
            #expect(try await t.get("/me", as: nil).status == 401)
        }
    }

    /// The defaults let a bulk action on 100 reports and a full pull through at once.
    @Test func theDefaultsNeverStopARealOfficer() async throws {
        try await withTestServer(reports: 150, transport: .inProcess) { t in
            let pull = try await t.pull(as: "u-admin", limit: 1)
            #expect(pull.items.count >= 150, "150 pages of one report, none refused")
            var statuses: [Int] = []
            for item in pull.items.prefix(100) {
                let id = item["id"] as? String ?? ""
                statuses.append(try await t.actNew(["report_id": id, "type": "verify"], as: "u-admin").status)
            }
            #expect(!statuses.contains(429), "\(statuses)")
        }
    }

    @Test func aBucketRefillsAtItsRate() {
        var bucket = TokenBucket(RateLimit(burst: 2, perSecond: 0.5), now: 100)
        #expect(bucket.take(now: 100) == nil)
        #expect(bucket.take(now: 100) == nil)
        #expect(bucket.take(now: 100) == 2, "one token comes back in 2 s")
        #expect(bucket.take(now: 101) == 1)
        #expect(bucket.take(now: 102) == nil)
        #expect(!bucket.isFull(at: 102) && bucket.isFull(at: 106))
        #expect(RateLimit(parsing: "100/1") == .actions && RateLimit(parsing: "300/10") == .reads)
        for bad in ["", "100", "0/1", "10/0", "x/1", "10/-1", "10/nan", "1/1/1"] { #expect(RateLimit(parsing: bad) == nil, "\(bad)") }
    }

    /// One address past its share of the connections gets 503; another address is served.
    @Test func oneAddressHoldsAShareOfTheConnections() async throws {
        var limits = ConnectionLimits()
        limits.maxConnections = 20
        limits.maxConnectionsPerAddress = 3
        try await withTestServer(reports: 0, limits: limits) { t in
            let port = t.base.port ?? 0
            let held = try (0..<3).map { _ in try RawSocket(port: port) }
            for socket in held { await socket.send("GET /api/v1/me HTTP/1.1\r\nHost: x\r\n") }
            let fourth = try RawSocket(port: port)
            let (refused, closed) = await fourth.receiveUntilClosed(seconds: 5)
            #expect(String(decoding: refused, as: UTF8.self).hasPrefix("HTTP/1.1 503") && closed)
            #expect(String(decoding: refused, as: UTF8.self).contains("your address"))
            // Another machine (127.0.0.2) is served while 127.0.0.1 is full.
            let other = try RawSocket(port: port, from: "127.0.0.2")
            await other.send("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(t.tokens["u-admin"] ?? "")\r\nConnection: close\r\n\r\n")
            let (answer, _) = await other.receiveUntilClosed(seconds: 5)
            #expect(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 200"), "\(String(decoding: answer.prefix(200), as: UTF8.self))")
            _ = held
        }
    }
}

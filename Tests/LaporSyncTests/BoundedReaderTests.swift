import Foundation
import LaporTestSupport
import Testing

@testable import LaporSync

/// The client stops an answer as soon as it is over its limit, instead of reading all of it and
/// then checking the size (issue 26).
@Suite struct BoundedReaderTests {
    static let huge = 1 << 30
    static let limit = 1 << 20
    /// 64 KiB every half millisecond: about a gigabit link, so a 1 GiB answer takes over 8 s
    /// unless the client cuts it. How soon the cut lands depends on the machine: FoundationNetworking
    /// hands each chunk to the delegate asynchronously and cannot pause a transfer, so libcurl
    /// reads on (the reader dropping every byte) until the cancel reaches it: 1–2 MiB on an idle
    /// machine, 120 MB with the whole suite running on 2 cores, all of it over bare loopback.
    static let gigabit = 0.0005

    func client(_ server: EndlessAnswer) throws -> CentralClient {
        var client = try CentralClient(server: URL(string: "http://127.0.0.1:\(server.port)")!, token: "t", timeout: 20)
        client.maxResponseBytes = Self.limit
        return client
    }

    /// Waits until the server's thread has counted what it sent.
    func sent(by server: EndlessAnswer) async throws -> Int {
        let finished = await signalled(within: 20) { !server.sent.isEmpty }
        #expect(finished, "the server never finished its answer")
        return try #require(server.sent.first)
    }

    @Test func anAnswerWithoutALengthIsCutAtTheLimit() async throws {
        let server = try EndlessAnswer(bodyBytes: Self.huge, announceLength: false, pauseEvery64KiB: Self.gigabit)
        defer { server.stop() }
        let client = try client(server)
        await #expect {
            _ = try await client.me()
        } throws: { error in
            guard case SyncError.responseTooLarge(let bytes) = error else { return false }
            return bytes > Self.limit && bytes < Self.limit + (1 << 20)
        }
        // The client hung up before the end: a client that reads the whole answer and then
        // checks its size takes all 1 GiB.
        let sent = try await sent(by: server)
        #expect(sent < Self.huge / 2, "the server sent \(sent) bytes")
        #expect(client.reader.running == 0)
    }

    @Test func anAnnouncedLengthOverTheLimitIsRefusedBeforeTheBody() async throws {
        let server = try EndlessAnswer(bodyBytes: Self.huge, announceLength: true, pauseEvery64KiB: Self.gigabit)
        defer { server.stop() }
        let client = try client(server)
        await #expect(throws: SyncError.responseTooLarge(bytes: Self.huge)) { _ = try await client.me() }
        let sent = try await sent(by: server)
        #expect(sent < Self.huge / 2, "the server sent \(sent) bytes")
        #expect(client.reader.running == 0)
    }

    @Test func anAnswerUnderTheLimitIsReadWhole() async throws {
        let server = try EndlessAnswer(bodyBytes: Self.limit - 10, announceLength: false)
        defer { server.stop() }
        let client = try client(server)
        // The filler is not a user: the whole body arrived and only its decoding failed.
        await #expect(throws: SyncError.badResponse("the answer is not the contract's JSON (\(Self.limit - 10) bytes)")) {
            _ = try await client.me()
        }
        #expect(try await sent(by: server) == Self.limit - 10)
        #expect(client.reader.running == 0)
    }
}

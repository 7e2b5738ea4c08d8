import Testing

@testable import LaporSync

/// The fetcher-to-writer pipe of a pull (issue 13).
@Suite struct PagePipeTests {
    func page(_ n: Int) -> ChangesPage { ChangesPage(items: [], cursor: "c\(n)", more: true, bytes: 0) }

    @Test func theWriterTakesEveryReadyPageThenTheFetchersError() async throws {
        let pipe = PagePipe(capacity: 3)
        #expect(await pipe.put(page(1)))
        #expect(await pipe.put(page(2)))
        await pipe.finish(SyncError.offline("cut"))
        #expect(try await pipe.take().map(\.cursor) == ["c1", "c2"], "both pages, in order, in one take")
        await #expect(throws: SyncError.offline("cut")) { try await pipe.take() }
    }

    @Test func theEndIsAnEmptyTakeAndAClosedPipeRefusesPages() async throws {
        let pipe = PagePipe(capacity: 1)
        #expect(await pipe.put(page(1)))
        // A second page waits for room; closing (the writer failed) releases it, refused.
        let blocked = Task { await pipe.put(page(2)) }
        await pipe.close()
        #expect(await blocked.value == false)
        await pipe.finish(nil)
        #expect(try await pipe.take().map(\.cursor) == ["c1"])
        #expect(try await pipe.take().isEmpty)
    }
}

import LaporStore
import Testing

@testable import LaporSync

/// Issue 26: the pull asks for pages by bytes as well as by count, so that pages of reports near
/// the 2 MiB cap are small and pages of ordinary reports stay at the page size.
@Suite struct PageSizeTests {
    func page(_ count: Int, bytes: Int) -> ChangesPage {
        ChangesPage(items: (0..<count).map { .removed("91\($0)") }, cursor: "c", more: true, bytes: bytes)
    }

    @Test func largeReportsAreAskedFewAtATimeAndSmallOnesAtThePageSize() {
        let twoMiB = 2 << 20
        // Two reports of 2 MB each: one at a time.
        #expect(SyncEngine.nextLimit(after: page(2, bytes: 4_200_000), current: 500, max: 500, bytes: twoMiB) == 1)
        // A page of 500 ordinary reports (750 KB): the page size stays.
        #expect(SyncEngine.nextLimit(after: page(500, bytes: 750_000), current: 500, max: 500, bytes: twoMiB) == 500)
        // 100 KB reports: about 20 a page.
        #expect(SyncEngine.nextLimit(after: page(40, bytes: 4_000_000), current: 500, max: 500, bytes: twoMiB) == 20)
        // Back to small reports after large ones: up to the page size at once.
        #expect(SyncEngine.nextLimit(after: page(1, bytes: 1_500), current: 1, max: 500, bytes: twoMiB) == 500)
        // An empty page changes nothing.
        #expect(SyncEngine.nextLimit(after: page(0, bytes: 20), current: 7, max: 500, bytes: twoMiB) == 7)
    }
}

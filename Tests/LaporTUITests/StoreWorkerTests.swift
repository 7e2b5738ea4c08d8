import Foundation
import LaporDomain
import LaporStore
import LaporTestSupport
import Terminal
import Testing

@testable import LaporTUI

/// The store's work runs off the loop's thread (issue 13): a slow query does not hold a frame,
/// and keys typed while a read they depend on is out act on its result, in order.
@Suite struct StoreWorkerTests {
    /// Holds back the store effects a test names until it opens the gate.
    final class Gate: @unchecked Sendable {
        let held: @Sendable (Effect) -> Bool
        let open = DispatchSemaphore(value: 0)
        let reached = DispatchSemaphore(value: 0)

        init(holding held: @escaping @Sendable (Effect) -> Bool) { self.held = held }

        var body: @Sendable (Effect) -> Void {
            { effect in
                guard self.held(effect) else { return }
                self.reached.signal()
                self.open.wait()
            }
        }

        /// True when a held effect reached the gate within the deadline.
        func waitReached(_ seconds: Double = 5) async -> Bool { await signalled(reached, within: seconds) }
    }

    @Test func theListAndAKeysFrameDoNotWaitForTheCounts() async throws {
        let gate = Gate { $0 == .refreshCounts }
        let s = try await RuntimeTests.Session(gate: gate.body)
        #expect(await gate.waitReached(), "the start asked for the counts")
        // The counts are held: the list is on screen all the same, with none counted yet.
        let first = await s.frame(showing: "Jalan berlubang di Jl. Gunung Sahari")
        #expect(first.contains("belum sinkron"), "\(first)")
        // A key's frame comes while the counts are still out.
        s.screen.press(.char("?"))
        let help = await s.frame(showing: "Tombol")
        #expect(help.contains("belum sinkron"), "the counts are still held: \(help)")
        // The held count runs when let go, on what the store holds then: a sync 3 minutes ago.
        try await s.store.setLastSync(now.adding(seconds: -180))
        gate.open.signal()
        await s.frame(showing: "sinkron 3 menit lalu")
        s.screen.press(.escape, .char("q"))
        #expect(await s.ended())
    }

    @Test func keysTypedDuringASearchActOnItsResults() async throws {
        // The first reload (the start's) passes; the search's is held.
        let reloads = Counter()
        let gate = Gate { $0 == .reload && reloads.next() == 2 }
        let s = try await RuntimeTests.Session(gate: gate.body)
        var other = detail()
        other.id = "9100555"
        other.title = "Pohon tumbang di Jl. Kenanga"
        _ = try await s.store.apply(page: [.report(other)], cursor: "c-2", at: now)
        await s.frame(showing: "Jl. Gunung Saha")
        s.screen.press(.char("/"))
        s.type("kenanga")
        s.screen.press(.enter)
        #expect(await gate.waitReached(), "the search asked for a reload")
        // The frame after Enter is drawn while the query is out: the search is in the title.
        let searching = await s.frame(showing: "cari: kenanga")
        #expect(searching.contains("Jalan berlubang"), "the old rows stay until the new ones come: \(searching)")
        // `c` now waits for the search's rows, then opens the composer on its first result.
        s.screen.press(.char("c"))
        s.type("Sudah dipotong.")
        gate.open.signal()
        let composer = await s.frame(showing: "Sudah dipotong.")
        #expect(composer.contains("Tindak lanjut · 9100555"), "\(composer)")
        s.screen.press(.ctrl("c"))
        #expect(await s.ended())
        #expect(try s.store.draft(DraftKey(reportId: "9100555", kind: "followup"))?.text == "Sudah dipotong.")
    }

    @Test func leavingWaitsForTheWorkAsked() async throws {
        let worker = StoreWorker()
        let done = Counter()
        for _ in 0..<20 {
            worker.submit(.ordered) {
                Thread.sleep(forTimeInterval: 0.002)
                _ = done.next()
            }
        }
        worker.submit(.background) { _ = done.next() }
        #expect(worker.busy && worker.orderedBusy)
        worker.waitUntilIdle()
        #expect(done.value == 21 && !worker.busy)
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

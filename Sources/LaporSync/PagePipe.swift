import LaporStore

/// The pages of a pull between the fetcher and the writer: the fetcher runs up to `capacity`
/// pages ahead (HTTP and reading the bytes on one core, SQLite on the other), and the writer
/// takes every page that is ready and stores them in one transaction, so it commits less often
/// when it falls behind. A failure of the fetcher reaches the writer after the pages before it.
actor PagePipe {
    private var pages: [ChangesPage] = []
    private var finished = false
    private var failure: (any Error)?
    private var taker: CheckedContinuation<Void, Never>?
    private var putter: CheckedContinuation<Void, Never>?
    private var closed = false
    let capacity: Int
    /// The pages waiting hold at most this many bytes of answers (one page always goes in): a
    /// feed page can be 4 MiB of reports near the 2 MiB cap, and four of them ahead made a
    /// client of 164 MB (issue 26).
    let maxBytes: Int
    private var queuedBytes = 0

    init(capacity: Int, maxBytes: Int = 8 << 20) {
        self.capacity = max(1, capacity)
        self.maxBytes = maxBytes
    }

    /// Adds a page, waiting while the pipe is full; false once the writer closed it.
    func put(_ page: ChangesPage) async -> Bool {
        while !pages.isEmpty, pages.count >= capacity || queuedBytes + page.bytes > maxBytes, !closed {
            await withCheckedContinuation { putter = $0 }
        }
        guard !closed else { return false }
        queuedBytes += page.bytes
        pages.append(page)
        wakeTaker()
        return true
    }

    /// No more pages: the end of the feed (nil) or the fetcher's error.
    func finish(_ error: (any Error)?) {
        finished = true
        failure = error
        wakeTaker()
    }

    /// Every page ready (waiting for one); [] at the end; the fetcher's error after its pages.
    func take() async throws -> [ChangesPage] {
        while pages.isEmpty, !finished { await withCheckedContinuation { taker = $0 } }
        if !pages.isEmpty {
            let ready = pages
            pages = []
            queuedBytes = 0
            wakePutter()
            return ready
        }
        if let failure { throw failure }
        return []
    }

    /// The writer stopped: a waiting or later `put` returns false.
    func close() {
        closed = true
        wakePutter()
    }

    private func wakeTaker() {
        taker?.resume()
        taker = nil
    }

    private func wakePutter() {
        putter?.resume()
        putter = nil
    }
}

import Foundation

/// Work spread over the machine's cores, for reading a file (the sheet's pieces) and its rows.
public enum Parallel {
    /// `transform` of every item, in order, on every core: the items in chunks of at least
    /// `perChunk` (a thousand small rows a chunk; one sheet piece a chunk), at most four chunks a
    /// core.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], perChunk: Int = 1_000, _ transform: @escaping @Sendable (T) -> U) -> [U] {
        let chunks = max(1, min(items.count / max(1, perChunk), ProcessInfo.processInfo.activeProcessorCount * 4))
        let size = (items.count + chunks - 1) / chunks
        let parts = Parts<U>()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            let end = min(items.count, start + size)
            let out = start < end ? items[start..<end].map(transform) : []
            parts.set(chunk, out)
        }
        return (0..<chunks).flatMap { parts.get($0) }
    }
}

extension Parallel {
    /// Runs blocking work (reading a file, a child process waited for) on a thread of its own,
    /// never on one of Swift's cooperative threads (one a core: two on a 2-core machine), which it
    /// would hold from everything else in the process meanwhile: a TUI's sync, a server in the
    /// same process, the tests running beside it.
    public static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            // A sheet's XML is read by recursive parsers: the main thread's stack, not 512 KiB.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// The chunks of a `Parallel.map`, each written once under the lock.
private final class Parts<U>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [Int: [U]] = [:]

    func set(_ chunk: Int, _ values: [U]) { lock.withLock { parts[chunk] = values } }
    func get(_ chunk: Int) -> [U] { lock.withLock { parts[chunk] ?? [] } }
}

import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Reads each answer of a URLSession into memory and stops it as soon as it is over its limit:
/// at the first chunk of a body whose Content-Length is over the limit, or, without one (chunked,
/// or ended by the close), at the first chunk past the limit; every byte after that is dropped as
/// it arrives. So a server that answers 200 MiB makes the client hold the limit plus the chunks
/// in flight, not the whole answer before a size check (issue 26: "checks size as it reads").
///
/// FoundationNetworking hands chunks to the delegate asynchronously and cannot pause a transfer
/// (its `didReceive response` disposition is not honoured either), so the cancel reaches libcurl
/// a moment later: over bare loopback at GB/s it may read on for a while, dropping what it reads.
///
/// One reader is the delegate of one session; it keeps one entry per running task.
final class BoundedReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Answer = (data: Data, response: URLResponse)

    private struct Entry {
        var limit: Int
        var data = Data()
        /// The size that broke the limit: the announced length, or what had arrived.
        var tooLarge: Int?
        var continuation: CheckedContinuation<Answer, any Error>
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]

    /// Runs `request` on `session` (whose delegate is this reader) and gives the whole answer,
    /// or throws `SyncError.responseTooLarge` once more than `limit` bytes are announced or read.
    /// Cancelling the calling task cancels the request.
    func read(_ request: URLRequest, on session: URLSession, limit: Int) async throws -> Answer {
        let task = session.dataTask(with: request)
        let box = TaskBox(task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { entries[task.taskIdentifier] = Entry(limit: limit, continuation: continuation) }
                task.resume()
            }
        } onCancel: {
            box.task.cancel()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            guard var entry = entries[dataTask.taskIdentifier], entry.tooLarge == nil else { return false }
            let announced = dataTask.response?.expectedContentLength ?? -1
            if announced > Int64(entry.limit) {
                entry.tooLarge = Int(clamping: announced)
            } else if entry.data.count + data.count > entry.limit {
                entry.tooLarge = entry.data.count + data.count
                entry.data = Data()
            } else {
                entry.data.append(data)
            }
            entries[dataTask.taskIdentifier] = entry
            return entry.tooLarge != nil
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = lock.withLock({ entries.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let size = entry.tooLarge {
            entry.continuation.resume(throwing: SyncError.responseTooLarge(bytes: size))
        } else if let error {
            entry.continuation.resume(throwing: error)
        } else if let response = task.response {
            entry.continuation.resume(returning: (entry.data, response))
        } else {
            entry.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    /// How many requests are running: a test holds that none is left behind.
    var running: Int { lock.withLock { entries.count } }
}

/// Lets the cancellation handler reach the task.
private final class TaskBox: @unchecked Sendable {
    let task: URLSessionDataTask
    init(_ task: URLSessionDataTask) { self.task = task }
}

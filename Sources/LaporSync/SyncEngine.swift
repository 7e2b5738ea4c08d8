import Foundation
import LaporDomain
import LaporStore

/// What a sync run did, for the progress line, `--json` and the exit code.
public struct SyncSummary: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Everything pulled and every sendable action answered.
        case done
        /// The endpoint could not be reached (or answered nonsense): nothing lost, try later.
        case offline
        /// The token was refused: log in again.
        case auth
        /// Done, but some actions came back in conflict or failed, or some feed items were skipped.
        case partial
    }

    public var outcome: Outcome = .done
    public var pages = 0
    public var reports = 0
    public var removed = 0
    public var bytes = 0
    public var sent = 0
    public var replayed = 0
    public var conflicts = 0
    public var failed = 0
    /// Feed items left out (too large, unreadable); the rest was pulled.
    public var skipped: [SkippedItem] = []
    /// Reports whose deadline the server decided otherwise than the client's rules.
    public var disagreed = 0
    /// Actions still queued after the run.
    public var pending = 0
    public var seconds = 0.0
    public var message: String?
    /// True when this run read the reference data (units, categories, policy, decrees), not only
    /// `/me`: the first time, after `referenceMaxAge`, when asked, or when the server decided a
    /// deadline the client's rules did not.
    public var referenceRead = false

    public init() {}

    /// 0 done, 3 offline, 4 auth, 5 partial.
    public var exitCode: Int32 {
        switch outcome {
        case .done: 0
        case .offline: 3
        case .auth: 4
        case .partial: 5
        }
    }
}

/// Progress of a run, as it happens.
public enum SyncProgress: Sendable {
    case reference
    /// `total`: the whole pull's size when the server gave it (a percentage is then possible).
    case page(pages: Int, reports: Int, removed: Int, bytes: Int, total: Int?)
    case action(done: Int, total: Int)
    /// The server asked this account to slow down (429): the run waits `seconds` as told, then
    /// goes on. Nothing failed and nothing is lost.
    case rateLimited(seconds: Int)
}

/// How hard to try before saying "offline".
public struct RetryPolicy: Sendable {
    public var attempts = 5
    public var baseDelay = 0.5
    public var maxDelay = 30.0

    /// How long one run waits in all on the server's `429 rate_limited` before it stops and
    /// leaves the rest for the next run. A 429 is waited out as told and never counted as a
    /// failed attempt (contract v1.2 item 3).
    public var rateLimitBudget = 600.0

    public init(attempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30, rateLimitBudget: Double = 600) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.rateLimitBudget = rateLimitBudget
    }

    /// The delay before retry number `attempt + 1` (exposed for tests).
    public func delayForTests(attempt: Int, retryAfter: Double?) -> Double { delay(attempt: attempt, retryAfter: retryAfter) }

    /// Exponential backoff with jitter (half to all of the step), at least what Retry-After said.
    func delay(attempt: Int, retryAfter: Double?) -> Double {
        let step = min(maxDelay, baseDelay * pow(2, Double(attempt)))
        return max(step * Double.random(in: 0.5...1), min(retryAfter ?? 0, maxDelay))
    }
}

/// Pull (the change feed into the store) and push (the outbox to the endpoint).
public struct SyncEngine: Sendable {
    public let store: CaseStore
    public let client: CentralClient
    public var retry = RetryPolicy()
    public var pageSize = 500
    /// About how many bytes a page is asked to hold (pages of small reports stay at `pageSize`).
    public var pageBytes = 2 << 20
    /// Seconds for which stored reference data is used without reading it again. A report whose
    /// deadline the server decided otherwise makes the run read it at once, whatever its age.
    public var referenceMaxAge: Int64 = 3_600
    /// Read the reference data in this run whatever its age (`lapor sync --reference`).
    public var forceReference = false
    public var now: @Sendable () -> Timestamp = { Timestamp(Date(), in: .wib) }
    public var sleep: @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .milliseconds(Int($0 * 1000))) }

    public init(store: CaseStore, client: CentralClient) {
        self.store = store
        self.client = client
    }

    /// Who the token belongs to and everything the client needs to apply the rules: units,
    /// categories, the policy and the holiday decrees around today.
    ///
    /// Given what the client holds (`held`, with the tags it was read with), each route is asked
    /// with `If-None-Match`: an unchanged one answers 304 and the held part stays.
    public func fetchReference(user known: User? = nil, held: ReferenceData? = nil) async throws -> ReferenceData {
        let user: User
        if let known { user = known } else { user = try await withRetry { try await client.me() } }
        let tags = held?.tags ?? [:]
        var kept: [String: String] = [:]
        /// One route: asked with the tag of the part held — only when that part is held, since a
        /// 304 must have something to stand for — and the part read, or the held one unchanged.
        func ask<T: Sendable>(_ path: String, holding part: T?, _ request: @escaping @Sendable (String?) async throws -> Tagged<T>) async throws
            -> T?
        {
            let tag = part == nil ? nil : tags[path]
            let answer = try await withRetry { try await request(tag) }
            switch answer {
            case .unchanged:
                kept[path] = tag
                return part
            case .fresh(let value, let newTag):
                kept[path] = newTag
                return value
            }
        }
        let units = try await ask(CentralClient.unitsPath, holding: held?.units) { try await client.units(ifNoneMatch: $0) } ?? []
        let categories = try await ask(CentralClient.categoriesPath, holding: held?.categories) { try await client.categories(ifNoneMatch: $0) } ?? []
        let policy = try await ask(CentralClient.policyPath, holding: held?.policy) { try await client.policy(ifNoneMatch: $0) } ?? .standard
        let year = now().localDate.year
        var years: [HolidayYear] = []
        for y in (year - 1)...(year + 1) {
            // A year the server has no decree for is `.fresh(nil)`: nothing held for it next time.
            let heldYear: HolidayYear?? = held?.calendarYears.first { $0.year == y }.map(Optional.some)
            let decree = try await ask(CentralClient.calendarPath(y), holding: heldYear) { try await client.calendar(year: y, ifNoneMatch: $0) }
            if let decree = decree ?? nil { years.append(decree) }
        }
        var reference = ReferenceData(user: user, units: units, categories: categories, calendarYears: years, policy: policy)
        reference.tags = kept
        return reference
    }

    /// The number of reports to ask for next, from the bytes per report of `page`.
    static func nextLimit(after page: ChangesPage, current: Int, max: Int, bytes: Int) -> Int {
        let count = page.items.count + page.skipped.count
        guard count > 0, page.bytes > 0 else { return current }
        let fits = Swift.max(1, bytes * count / page.bytes)
        return Swift.min(max, fits)
    }

    /// Pulls the change feed page by page from the stored cursor. The fetcher runs ahead of the
    /// writer (`PagePipe`); the pages ready at once are written in one transaction with the
    /// cursor of the last, so an interrupted pull resumes from the last whole page written.
    public func pull(into summary: inout SyncSummary, progress: @Sendable (SyncProgress) -> Void = { _ in }) async throws {
        let pipe = PagePipe(capacity: 4)
        let start = try store.cursor()
        let fetcher = Task { [self] in
            var cursor = start
            var limit = pageSize
            do {
                while !Task.isCancelled {
                    let page: ChangesPage
                    do {
                        let (from, size) = (cursor, limit)
                        page = try await withRetry { try await client.changes(cursor: from, limit: size) }
                    } catch SyncError.responseTooLarge where limit > 1 {
                        // A page over the client's limit: ask again for fewer reports at a time.
                        limit = max(1, limit / 4)
                        continue
                    }
                    // Pages of large reports are asked smaller (about `pageBytes` each, at least
                    // one report), and grow back to `pageSize` when the reports are small again:
                    // what the client holds at once follows bytes, not a count (issue 26).
                    limit = Self.nextLimit(after: page, current: limit, max: pageSize, bytes: pageBytes)
                    guard await pipe.put(page), page.more else { break }
                    cursor = page.cursor
                }
                await pipe.finish(nil)
            } catch {
                await pipe.finish(error)
            }
        }
        var expected: Int?
        while true {
            let pages = try await pipe.take()
            guard let last = pages.last else { break }
            if expected == nil { expected = pages.first?.total }
            let skipped = pages.flatMap(\.skipped)
            do {
                let result = try await store.apply(page: pages.flatMap(\.items), skipped: skipped, cursor: last.cursor, at: now())
                summary.pages += pages.count
                summary.reports += result.stored
                summary.removed += result.removed
                summary.disagreed += result.disagreed
                summary.bytes += pages.reduce(0) { $0 + $1.bytes }
                summary.skipped += skipped
                progress(
                    .page(pages: summary.pages, reports: summary.reports, removed: summary.removed, bytes: summary.bytes, total: expected))
            } catch {
                fetcher.cancel()
                await pipe.close()
                throw error
            }
        }
    }

    /// Sends the outbox in order. An action sent but not acknowledged stays queued and goes
    /// again with the same key, so the endpoint applies it once.
    public func push(into summary: inout SyncSummary, progress: @Sendable (SyncProgress) -> Void = { _ in }) async throws {
        let items = try store.sendable()
        var blocked: Set<String> = []
        for (i, item) in items.enumerated() where !blocked.contains(item.reportId) {
            let answer: ActionAnswer
            do {
                answer = try await withRetry { try await client.send(item.request) }
            } catch let error as SyncError {
                if case .unauthorized = error { throw error }
                try await store.recordAttempt(item.id, error: Self.describe(error), at: now())
                throw error
            }
            switch answer {
            case .applied(let report, let replayed):
                try await store.acknowledge(item.id, report: report, at: now())
                if replayed { summary.replayed += 1 } else { summary.sent += 1 }
            case .conflict(let report, let message):
                try await store.markConflict(item.id, serverReport: report, message: message, at: now())
                summary.conflicts += 1
                blocked.insert(item.reportId)
            case .invalid(let message, let fields):
                let detail = fields.isEmpty ? message : fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
                try await store.markFailed(item.id, message: detail, at: now())
                summary.failed += 1
                blocked.insert(item.reportId)
            }
            progress(.action(done: i + 1, total: items.count))
        }
    }

    /// Reference, pull, push, pull. Never throws: the outcome says what happened.
    public func sync(progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async -> SyncSummary {
        await Self.$rateWaited.withValue(RateWaited { progress(.rateLimited(seconds: $0)) }) { await run(progress: progress) }
    }

    private func run(progress: @escaping @Sendable (SyncProgress) -> Void) async -> SyncSummary {
        var summary = SyncSummary()
        let started = Date()
        do {
            progress(.reference)
            summary.referenceRead = try await refreshReference(force: forceReference)
            try await pull(into: &summary, progress: progress)
            if summary.disagreed > 0, !summary.referenceRead {
                // The server decided some deadline otherwise: its rules changed. Read them now;
                // saving them decides every stored report's instants again.
                summary.referenceRead = try await refreshReference(force: true)
            }
            let before = summary.sent + summary.replayed + summary.conflicts + summary.failed
            // A large pull changes the table's shape: refresh the planner's statistics once.
            if summary.reports >= 5_000 { try await store.analyze() }
            try await push(into: &summary, progress: progress)
            if summary.sent + summary.replayed + summary.conflicts + summary.failed > before {
                try await pull(into: &summary, progress: progress)
            }
            summary.outcome = summary.conflicts + summary.failed + summary.skipped.count > 0 ? .partial : .done
            try await store.setLastSync(now())
        } catch let error as SyncError {
            switch error {
            case .unauthorized: summary.outcome = .auth
            default: summary.outcome = .offline
            }
            summary.message = Self.describe(error)
        } catch {
            summary.outcome = .offline
            summary.message = String(describing: error)
        }
        summary.pending = (try? store.outboxCounts()[.queued]) ?? 0
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Checks the token and the user with `/me`, and reads the rest of the reference data when
    /// it is missing, older than `referenceMaxAge`, another user's, or `force`d. Returns whether
    /// it read it. A no-change sync is then two requests: `/me` and one `/changes` page.
    @discardableResult
    public func refreshReference(force: Bool) async throws -> Bool {
        let user = try await withRetry { try await client.me() }
        let stored = try store.reference()
        let now = now()
        if !force, var stored, stored.user.id == user.id, let readAt = try store.referenceReadAt(),
            readAt.epochSeconds <= now.epochSeconds, now.epochSeconds - readAt.epochSeconds < referenceMaxAge
        {
            if stored.user != user {
                stored.user = user
                try await store.save(stored)
            }
            return false
        }
        // Another user's reference is not asked about with its tags: it is read whole.
        let reference = try await fetchReference(user: user, held: stored?.user.id == user.id ? stored : nil)
        if let known = stored?.user, known.id != user.id {
            // Another user's token: their sight is not ours; start the reports afresh.
            try await store.resetReports()
        }
        try await store.save(reference)
        try await store.setReferenceReadAt(now)
        return true
    }

    /// The run's waits on 429s (`sync` sets it for its run's tasks): one object, not a closure in
    /// a task-local (a task-local closure crashed the release build in `withValue`).
    @TaskLocal static var rateWaited: RateWaited?

    final class RateWaited: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 0.0
        /// Who hears of each wait.
        let said: @Sendable (Int) -> Void

        init(said: @escaping @Sendable (Int) -> Void = { _ in }) { self.said = said }
        /// Adds `wait` if the budget allows it; false when it would go over.
        func spend(_ wait: Double, budget: Double) -> Bool {
            lock.withLock {
                guard seconds + wait <= budget else { return false }
                seconds += wait
                return true
            }
        }
    }

    /// Runs `body`, retrying network failures, 5xx and `in_flight` with backoff; a 429 is waited
    /// out as the server said, without using up an attempt, within the run's budget.
    func withRetry<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        let waited = Self.rateWaited ?? RateWaited()
        while true {
            do {
                return try await body()
            } catch let error as SyncError {
                let retryAfter: Double?
                switch error {
                case .offline: retryAfter = nil
                case .unavailable(429, let after):
                    let wait = min(max(after ?? 1, 1), 300)
                    guard waited.spend(wait, budget: retry.rateLimitBudget) else { throw error }
                    waited.said(Int(wait.rounded(.up)))
                    try await sleep(wait)
                    continue
                case .unavailable(_, let after): retryAfter = after
                default: throw error
                }
                attempt += 1
                guard attempt < retry.attempts else { throw error }
                try await sleep(retry.delay(attempt: attempt - 1, retryAfter: retryAfter))
            }
        }
    }

    /// A short English description for logs and the outbox.
    public static func describe(_ error: SyncError) -> String {
        switch error {
        case .offline(let why): "offline: \(why)"
        case .unauthorized(let why): "unauthorized: \(why)"
        case .unavailable(429, _): "rate limited by the server: the rest waits for the next run"
        case .unavailable(let status, _): "server unavailable (HTTP \(status))"
        case .badResponse(let why): "bad response: \(why)"
        case .responseTooLarge(let bytes): "bad response: \(bytes) bytes, over the client's limit"
        case .insecureTransport(let host): "plain HTTP to \(host)"
        case .notFound(let why): "not found: \(why)"
        }
    }
}

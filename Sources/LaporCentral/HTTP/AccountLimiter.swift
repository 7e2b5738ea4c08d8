import Foundation
import LaporDomain
import Synchronization

/// The per-account limits of one server (contract v1.2 item 3).
public struct AccountLimits: Sendable, Equatable {
    /// `POST /actions` (every write with a token).
    public var actions = RateLimit.actions
    /// Every read with a token.
    public var reads = RateLimit.reads

    public init(actions: RateLimit = .actions, reads: RateLimit = .reads) {
        self.actions = actions
        self.reads = reads
    }

    /// No limit an account can meet: for figures of the server's own throughput and for
    /// contract checks that ask far faster than an officer.
    public static let unlimited = AccountLimits(
        actions: RateLimit(burst: 1_000_000, perSecond: 1_000_000), reads: RateLimit(burst: 1_000_000, perSecond: 1_000_000))
}

/// The buckets of every account that asked lately, by user id. A full bucket is forgotten, so
/// the table holds only accounts active in the last minute or so, whatever their number.
final class AccountLimiter: Sendable {
    enum Kind { case action, read }

    private let limits: AccountLimits
    private let buckets = Mutex<[String: (actions: TokenBucket, reads: TokenBucket)]>([:])
    private let started = ContinuousClock.now
    private let sweeps = Atomic<Int>(0)

    init(_ limits: AccountLimits) { self.limits = limits }

    /// Seconds since the limiter started, on the monotonic clock (a wall clock set back must not
    /// lock anyone out).
    private var now: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Takes one token of `kind` for `userId`: nil when the request may go on, else the seconds
    /// to wait (`Retry-After`).
    func take(_ kind: Kind, for userId: String) -> Int? {
        let now = self.now
        let wait: Int? = buckets.withLock { buckets in
            var entry = buckets[userId] ?? (TokenBucket(limits.actions, now: now), TokenBucket(limits.reads, now: now))
            let wait = kind == .action ? entry.actions.take(now: now) : entry.reads.take(now: now)
            buckets[userId] = entry
            return wait
        }
        // Now and then, the accounts whose buckets are full again are forgotten.
        if sweeps.wrappingAdd(1, ordering: .relaxed).newValue % 1_024 == 0 {
            buckets.withLock { buckets in buckets = buckets.filter { !($0.value.actions.isFull(at: now) && $0.value.reads.isFull(at: now)) } }
        }
        return wait
    }

    /// How many accounts are held (tests).
    var accounts: Int { buckets.withLock { $0.count } }
}

/// How fast one account may ask (contract v1.2 item 3): a bucket of `burst` tokens that refills
/// `perSecond` a second. A request takes one token; an empty bucket is answered `429
/// rate_limited` with `Retry-After`, which clients wait out instead of failing.
public struct RateLimit: Sendable, Equatable, Codable {
    public var burst: Int
    public var perSecond: Double

    public init(burst: Int, perSecond: Double) {
        self.burst = burst
        self.perSecond = perSecond
    }

    /// Actions (`POST /actions`): a bulk action on 100 reports goes through at once, a script
    /// sending one a second forever is never stopped, a flood is.
    public static let actions = RateLimit(burst: 100, perSecond: 1)
    /// Reads: a first full sync of 300,000 reports (600 pages of 500) takes a little over a
    /// minute of pages at 10 a second after the first 300, far less than its own download.
    public static let reads = RateLimit(burst: 300, perSecond: 10)

    /// Parses `BURST/PER_SECOND` (`100/1`, `300/10`, `50/0.5`), as the server's flags write it.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let burst = Int(parts[0]), let rate = Double(parts[1]), burst >= 1, burst <= 1_000_000,
            rate > 0, rate <= 1_000_000, rate.isFinite
        else { return nil }
        self.init(burst: burst, perSecond: rate)
    }
}

/// One account's bucket for one kind of request. Time is passed in (seconds on a monotonic
/// clock), so the rule is a plain value tested without waiting.
public struct TokenBucket: Sendable, Equatable {
    public let limit: RateLimit
    public private(set) var tokens: Double
    public private(set) var at: Double

    /// A full bucket at `now`.
    public init(_ limit: RateLimit, now: Double) {
        self.limit = limit
        tokens = Double(limit.burst)
        at = now
    }

    /// Takes one token at `now`: nil when there was one, else the seconds until there is one
    /// (at least 1, rounded up: what `Retry-After` says).
    public mutating func take(now: Double) -> Int? {
        refill(now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let wait = (1 - tokens) / limit.perSecond
        return max(1, Int(wait.rounded(.up)))
    }

    /// Whether the bucket is full again at `now` (an idle account's bucket can be forgotten).
    public func isFull(at now: Double) -> Bool {
        tokens + max(0, now - at) * limit.perSecond >= Double(limit.burst)
    }

    private mutating func refill(_ now: Double) {
        if now > at {
            tokens = min(Double(limit.burst), tokens + (now - at) * limit.perSecond)
            at = now
        }
    }
}

import Foundation

/// Lets something through at most once per interval (progress events of a sync).
final class Throttle: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: TimeInterval
    private var last = Date.distantPast

    init(seconds: TimeInterval) { interval = seconds }

    /// True at most once per interval.
    func due() -> Bool {
        lock.withLock {
            guard Date().timeIntervalSince(last) >= interval else { return false }
            last = Date()
            return true
        }
    }
}

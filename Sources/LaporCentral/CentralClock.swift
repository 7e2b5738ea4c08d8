import Foundation
import LaporDomain

/// Where the server reads the time: the system clock in production, a settable one in tests.
/// There is no HTTP route that moves time.
public struct CentralClock: Sendable {
    public let now: @Sendable () -> Timestamp

    public init(now: @escaping @Sendable () -> Timestamp) { self.now = now }

    public static let system = CentralClock { Timestamp(Date(), in: .wib) }
}

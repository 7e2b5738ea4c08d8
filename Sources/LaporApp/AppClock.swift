import Foundation
import LaporDomain

/// Where "now" comes from: the system clock in use, a fixed or moving one in tests.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Timestamp

    public init(now: @escaping @Sendable () -> Timestamp) { self.now = now }

    /// The system clock, shown in WIB.
    public static let system = AppClock { Timestamp(Date(), in: .wib) }
}

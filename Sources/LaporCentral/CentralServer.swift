import Foundation
import Hummingbird
import HummingbirdCore
import LaporDomain
import Logging
import ServiceLifecycle

/// How `lapor central` is started.
public struct CentralConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; `onRunning` reports the one chosen.
    public var port = 8080
    public var databasePath: String
    public var demo = false
    public var seedReports = 2_000
    public var seed: UInt64 = 1
    public var clockInterval: Duration = .seconds(60)
    public var policy = SlaPolicy.standard
    /// The holiday decrees the server counts with and serves (`--holidays DIR`; the built-in
    /// ones by default).
    public var holidayYears = WorkingCalendar.builtinYears
    /// Header and idle timeouts, and the cap on open connections.
    public var limits = ConnectionLimits()
    /// Each account's rate of actions and of reads (contract v1.2 item 3).
    public var accountLimits = AccountLimits()
    /// Days an action id is remembered for replays (contract v1.2 item 2).
    public var idempotencyDays = 30

    public init(databasePath: String) { self.databasePath = databasePath }
}

/// The reference central LAPOR! server: its store, its rules and its HTTP front.
public struct CentralServer: Sendable {
    public let configuration: CentralConfiguration
    public let store: CentralStore
    public let workflow: Workflow
    public let clock: CentralClock
    let logger: Logger
    /// The accounts' buckets: one table for the server, whichever router answers.
    let limiter: AccountLimiter

    /// Opens the database, seeding it first in demo mode when it is new.
    public init(configuration: CentralConfiguration, clock: CentralClock = .system, logger: Logger = Logger(label: "lapor.central")) async throws {
        var store = try CentralStore(path: configuration.databasePath)
        store.idempotencyDays = configuration.idempotencyDays
        let fingerprint = Self.fingerprint(configuration)
        if configuration.demo, try store.userCount() == 0 {
            try await DemoSeed(
                reports: configuration.seedReports, seed: configuration.seed, policy: configuration.policy,
                holidayYears: configuration.holidayYears
            )
            .seed(store, tokensFile: Self.tokensPath(for: configuration.databasePath), now: clock.now())
            // Seeded with these very rules: nothing to decide again below.
            try await store.setRulesFingerprint(fingerprint)
        }
        var units = try store.units()
        var categories = try store.categories()
        if units.isEmpty {
            units = BuiltinFixtures.units
            categories = BuiltinFixtures.categories
            try store.saveReference(units: units, categories: categories)
        }
        self.configuration = configuration
        self.limiter = AccountLimiter(configuration.accountLimits)
        self.store = store
        self.workflow = Workflow(
            units: try UnitTree(units), policy: configuration.policy, calendar: WorkingCalendar(years: configuration.holidayYears),
            categories: CategoryTree(categories))
        self.clock = clock
        self.logger = logger
        // New decrees or a new policy since the last start: every open report's instants are
        // decided again, and the changed ones reach the clients through the change feed.
        let changed = try await store.redecide(workflow: workflow, fingerprint: fingerprint, at: clock.now())
        if changed > 0 { logger.info("re-decided the deadlines of \(changed) open reports (new holiday decrees or policy)") }
    }

    /// Changes when the decrees or the policy the server counts with change.
    static func fingerprint(_ configuration: CentralConfiguration) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = ((try? encoder.encode(configuration.holidayYears)) ?? Data()) + ((try? encoder.encode(configuration.policy)) ?? Data())
        return TokenHash.of(String(decoding: data, as: UTF8.self))
    }

    /// `tokens.json` beside the database.
    public static func tokensPath(for databasePath: String) -> String {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("tokens.json").path
    }

    /// The Hummingbird application; `onRunning` gets the bound port.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let router = try self.router()
        let limits = configuration.limits
        let counter = ConnectionCounter()
        var app = Application(
            router: router,
            server: HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits, counter: counter) },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "lapor-central/\(LaporVersion.current)"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        app.addServices(
            SystemClockService(store: store, workflow: workflow, clock: clock, interval: configuration.clockInterval, logger: logger))
        return app
    }

    /// The routes, their middleware and the store behind them: what both the HTTP server and
    /// `InProcessCentral` answer with.
    func router() throws -> Router<CentralContext> {
        let deps = CentralDependencies(
            store: store, workflow: workflow, policy: configuration.policy, calendarYears: configuration.holidayYears, clock: clock,
            inFlight: InFlightActions(), demo: configuration.demo)
        return buildRouter(deps, users: try store.usersByTokenHash(), limiter: limiter, logger: logger)
    }

    /// The same routes without a socket (`InProcessCentral`).
    public func inProcess() throws -> InProcessCentral {
        InProcessCentral(responder: try router().buildResponder(), logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then finishes the requests in flight and stops.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try application(onRunning: onRunning)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

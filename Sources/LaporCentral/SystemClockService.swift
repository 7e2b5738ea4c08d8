import LaporDomain
import Logging
import ServiceLifecycle

/// Runs the system clock every `interval` until shutdown: closes followed-up reports past their
/// deadline and archives held reports and information requests that went unanswered; forgets
/// action ids past the idempotency window.
struct SystemClockService: Service {
    let store: CentralStore
    let workflow: Workflow
    let clock: CentralClock
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let changed = try await store.runSystemClock(workflow: workflow, at: clock.now())
                if changed > 0 { logger.info("system clock closed or archived \(changed) reports") }
                let forgotten = try await store.forgetOldActions(at: clock.now())
                if forgotten > 0 { logger.info("forgot \(forgotten) action ids past the idempotency window") }
                logger.debug("system clock ran")
            } catch {
                logger.error("system clock failed: \(error)")
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}

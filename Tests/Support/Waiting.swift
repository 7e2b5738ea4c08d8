import Foundation

/// Whether `semaphore` was signalled within `seconds`, waited for without holding a thread of
/// Swift's cooperative pool: on a 2-core machine it has two, and a test blocked on one starves
/// the work the other tests (and the code under test) run there.
public func signalled(_ semaphore: DispatchSemaphore, within seconds: Double) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if semaphore.wait(timeout: .now()) == .success { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return semaphore.wait(timeout: .now()) == .success
}

/// Whether `condition` held within `seconds`, polled without holding a thread of the pool.
public func signalled(within seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

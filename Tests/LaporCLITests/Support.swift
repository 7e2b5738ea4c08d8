import Foundation
import LaporCLI
import LaporImport
import Testing

/// Collects what a command prints.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out: [String] = []
    private var err: [String] = []

    var output: Output {
        Output(
            write: { line in self.lock.withLock { self.out.append(line) } },
            error: { line in self.lock.withLock { self.err.append(line) } })
    }
    var stdout: String { lock.withLock { out.joined(separator: "\n") } }
    var stderr: String { lock.withLock { err.joined(separator: "\n") } }
}

func lapor(_ arguments: String..., environment: [String: String] = [:]) async -> (code: Int32, out: String, err: String) {
    await lapor(arguments, environment: environment)
}

func lapor(_ arguments: [String], environment: [String: String] = [:]) async -> (code: Int32, out: String, err: String) {
    let captured = Captured()
    let code = await LaporCommand.run(arguments: arguments, output: captured.output, environment: environment)
    return (code, captured.stdout, captured.stderr)
}

/// Blocking work in a test, off Swift's cooperative threads (`Parallel.offThePool`).
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T { try await Parallel.offThePool(work) }

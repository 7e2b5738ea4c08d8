import ArgumentParser
import Foundation
import Terminal

/// A program in a pseudo-terminal of its own, as an SSH session gives `lapor` one (no tmux in
/// between): keys are written to the master side, and every byte the program draws is read back
/// with the time it came.
final class Pty: @unchecked Sendable {
    let master: Int32
    let child: ChildProcess
    private let lock = NSLock()
    /// What came, and when: each read's end offset and its time (`nanos`).
    private var bytes: [UInt8] = []
    private var reads: [(end: Int, at: UInt64)] = []

    init(_ arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        var (m, slave): (Int32, Int32) = (-1, -1)
        guard openpty(&m, &slave, nil, nil, &size) == 0 else { throw ValidationError("no pseudo-terminal: \(String(cString: strerror(errno)))") }
        defer { Foundation.close(slave) }
        master = m
        child = try ChildProcess.start(
            arguments, environment: environment, stdin: .descriptor(slave), stdout: .descriptor(slave), stderr: .descriptor(slave))
        let thread = Thread { [self] in readAll() }
        thread.start()
    }

    /// Reads until the program is gone (EIO once the last slave descriptor closes).
    private func readAll() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            let at = nanos()
            lock.withLock {
                bytes.append(contentsOf: buffer[0..<n])
                reads.append((bytes.count, at))
            }
        }
    }

    var count: Int { lock.withLock { bytes.count } }

    func text(from offset: Int) -> String { lock.withLock { String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self) } }

    func send(_ keys: String) {
        let data = Array(keys.utf8)
        _ = data.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// After `offset`: waits until output has come and then been quiet for `quiet` ms (or
    /// `timeout` s passed). The time of the first and of the last read, and the bytes.
    func burst(after offset: Int, quiet: Double, timeout: Double) -> (first: UInt64, last: UInt64, bytes: Int)? {
        let deadline = nanos() + UInt64(timeout * 1e9)
        while nanos() < deadline {
            let seen = lock.withLock { () -> (first: UInt64, last: UInt64, bytes: Int)? in
                guard let first = reads.first(where: { $0.end > offset }), let last = reads.last else { return nil }
                return (first.at, last.at, bytes.count - offset)
            }
            if let seen, Double(nanos() - seen.last) / 1e6 >= quiet { return seen }
            usleep(500)
        }
        return nil
    }

    /// Waits until the output after `offset` matches `pattern` (a regular expression).
    func wait(for pattern: String, after offset: Int = 0, timeout: Double) -> Bool {
        let deadline = nanos() + UInt64(timeout * 1e9)
        while nanos() < deadline {
            if text(from: offset).range(of: pattern, options: .regularExpression) != nil { return true }
            usleep(2_000)
        }
        return false
    }

    func close() {
        child.terminate()
        _ = child.wait(timeout: 5)
        Foundation.close(master)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP client on loopback, to send requests in pieces or bytes no HTTP client would.
///
/// Every call that can block runs on a Dispatch thread, never on the concurrency pool: the
/// server under test answers from that pool, and a test blocking two of its threads in `recv`
/// (two cores) would starve the very answer it waits for.
public final class RawSocket: @unchecked Sendable {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`, from `source` when given (another loopback address, such
    /// as 127.0.0.2: another client machine as the server counts them).
    public init(port: Int, from source: String? = nil) throws {
        // The descriptor is the object's only once connected: a failure closes it here, and the
        // object (never whole) has no deinit to close the same number again.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                let error = errno
                close(fd)
                throw TestFailure("bind to \(source) failed: \(error)")
            }
        }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw TestFailure("connect failed: \(error)")
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Sends all of `data`; false when the peer has closed (EPIPE, reset).
    @discardableResult
    public func send(_ data: Data) async -> Bool {
        await Self.offPool { self.sendBlocking(data) }
    }

    public func send(_ text: String) async { await send(Data(text.utf8)) }

    /// Reads until the peer closes or 5 seconds pass, or until a whole JSON answer with a report.
    public func receive() async -> Data { await Self.offPool { self.receiveBlocking() } }

    /// Everything until the peer closes, and whether it closed within `seconds` (false: the
    /// time ran out with the connection still open).
    public func receiveUntilClosed(seconds: Double) async -> (data: Data, closed: Bool) {
        await Self.offPool { self.receiveUntilClosedBlocking(seconds: seconds) }
    }

    /// Runs blocking socket work on a Dispatch thread: one hop for a whole exchange, so that a
    /// loaded pool's delays in resuming the test are not timed as the server's.
    public static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    public func sendBlocking(_ data: Data) -> Bool {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    func receiveBlocking() -> Data {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if let text = String(data: out, encoding: .utf8), text.contains("\r\n\r\n"), text.contains("\"report\"") && text.hasSuffix("}}") { break }
        }
        return out
    }

    public func receiveUntilClosedBlocking(seconds: Double) -> (data: Data, closed: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return (out, false) }
            var timeout = timeval(tv_sec: Int(left), tv_usec: Int((left - Double(Int(left))) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return (out, true) }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return (out, true)  // reset: closed
            }
            out.append(contentsOf: buffer[0..<n])
        }
    }
}

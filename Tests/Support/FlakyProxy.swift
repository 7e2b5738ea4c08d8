import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP proxy on 127.0.0.1 that misbehaves on purpose, one request per connection: it can drop
/// a request before or after the server saw it, answer 500, wait, cut an answer short or answer
/// nonsense. `decide` picks the fault from the request's number (from 0) and request line.
public final class FlakyProxy: @unchecked Sendable {
    public enum Fault: Sendable, Equatable {
        case pass
        /// Close without forwarding: the server never sees the request.
        case dropBeforeForward
        /// Forward, let the server act, then close without answering.
        case dropAfterForward
        case status500
        case status429(retryAfter: Int)
        case delay(Double)
        /// Forward and send only the first half of the answer (its Content-Length unchanged).
        case truncate
        /// Answer 200 with a body that is not JSON.
        case garbage
        /// Answer 200 with JSON of the wrong shape.
        case wrongShape
        /// Forward, then give the first report of a feed page a status no client knows.
        case corruptFirstReport
        /// Forward, then grow the first report of a feed page past 2 MiB.
        case inflateFirstReport
    }

    public let port: Int
    let upstreamPort: Int
    let listener: Int32
    let lock = NSLock()
    var count = 0
    var decide: @Sendable (Int, String) -> Fault
    public private(set) var log: [(String, Fault)] = []

    public init(upstreamPort: Int, decide: @escaping @Sendable (Int, String) -> Fault) throws {
        self.upstreamPort = upstreamPort
        self.decide = decide
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 64) == 0 else { throw TestFailure("proxy: cannot listen") }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    public func setDecision(_ decide: @escaping @Sendable (Int, String) -> Fault) { lock.withLock { self.decide = decide } }

    public var requestCount: Int { lock.withLock { count } }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            Thread { [self] in handle(client) }.start()
        }
    }

    func handle(_ client: Int32) {
        defer { close(client) }
        guard let request = readRequest(client) else { return }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
        let fault: Fault = lock.withLock {
            let f = decide(count, line)
            count += 1
            log.append((line, f))
            return f
        }
        switch fault {
        case .dropBeforeForward: return
        case .status500: write(client, Self.answer(500, #"{"error":{"code":"internal","message":"injected"}}"#))
        case .status429(let after):
            write(client, Self.answer(429, #"{"error":{"code":"rate_limited","message":"injected"}}"#, extra: "Retry-After: \(after)\r\n"))
        case .garbage: write(client, Self.answer(200, "<html>not json</html>"))
        case .wrongShape: write(client, Self.answer(200, #"{"changes": 5, "cursor": [], "more": "maybe"}"#))
        case .corruptFirstReport, .inflateFirstReport:
            guard let response = forward(request), let split = response.firstRange(of: Data("\r\n\r\n".utf8)) else { return }
            var body = String(decoding: response[split.upperBound...], as: UTF8.self)
            if let status = body.range(of: #""status":""#) {
                if fault == .corruptFirstReport {
                    body.insert(contentsOf: "teleported-", at: status.upperBound)
                } else {
                    body.insert(contentsOf: #""padding":"\#(String(repeating: "x", count: 2_200_000))","#, at: status.lowerBound)
                }
            }
            write(client, Self.answer(200, body))
        case .pass, .delay, .dropAfterForward, .truncate:
            if case .delay(let seconds) = fault { Thread.sleep(forTimeInterval: seconds) }
            guard let response = forward(request) else { return }
            switch fault {
            case .dropAfterForward: return
            case .truncate:
                if let split = response.firstRange(of: Data("\r\n\r\n".utf8)) {
                    let bodyLength = response.count - split.upperBound
                    write(client, response.prefix(split.upperBound + bodyLength / 2))
                }
            default: write(client, response)
            }
        }
    }

    static func answer(_ status: Int, _ body: String, extra: String = "") -> Data {
        Data(
            "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\(extra)Connection: close\r\n\r\n\(body)"
                .utf8)
    }

    /// Reads one request: the head, then Content-Length bytes of body.
    func readRequest(_ fd: Int32) -> Data? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let split = data.firstRange(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).lowercased()
                let length =
                    head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - split.upperBound >= length { return data }
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    /// Sends the request upstream with `Connection: close` and reads the whole answer.
    func forward(_ request: Data) -> Data? {
        guard let split = request.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: request[..<split.lowerBound], as: UTF8.self)
            .split(separator: "\r\n", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("connection:") }
            .joined(separator: "\r\n")
        let rewritten = Data((head + "\r\nConnection: close\r\n\r\n").utf8) + request[split.upperBound...]
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { return nil }
        write(fd, rewritten)
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        return response
    }

    func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < data.count {
                let n = send(fd, raw.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

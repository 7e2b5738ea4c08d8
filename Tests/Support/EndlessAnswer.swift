import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP server on 127.0.0.1 that answers every request 200 with a body of `bodyBytes` bytes
/// of JSON-looking filler, announced by Content-Length or not (then the end is the close), and
/// counts what it managed to send before the client hung up.
public final class EndlessAnswer: @unchecked Sendable {
    public let port: Int
    let listener: Int32
    let bodyBytes: Int
    let announce: Bool
    let lock = NSLock()
    var sentBytes: [Int] = []

    /// A pause after each 64 KiB, as a real link paces an answer (0: as fast as loopback).
    let pause: Double

    public init(bodyBytes: Int, announceLength: Bool, pauseEvery64KiB pause: Double = 0) throws {
        self.bodyBytes = bodyBytes
        self.pause = pause
        self.announce = announceLength
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw TestFailure("endless answer: cannot listen") }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        Thread { [self] in acceptLoop() }.start()
    }

    /// What each finished answer sent, in bytes of body.
    public var sent: [Int] { lock.withLock { sentBytes } }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            Thread { [self] in answer(client) }.start()
        }
    }

    func answer(_ fd: Int32) {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var head = Data()
        while head.firstRange(of: Data("\r\n\r\n".utf8)) == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return }
            head.append(contentsOf: buffer[0..<n])
        }
        let length = announce ? "Content-Length: \(bodyBytes)\r\n" : ""
        guard send(fd, Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\(length)Connection: close\r\n\r\n".utf8)) else { return }
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 65_536)
        var sent = 0
        while sent < bodyBytes {
            let piece = chunk.prefix(min(chunk.count, bodyBytes - sent))
            guard send(fd, piece) else { break }
            sent += piece.count
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
        lock.withLock { sentBytes.append(sent) }
    }

    func send(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < data.count {
                let n = Glibc.send(fd, base + offset, data.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}

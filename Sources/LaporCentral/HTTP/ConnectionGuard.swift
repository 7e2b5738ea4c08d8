import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import Synchronization

/// How long a connection may take and how many may be open (contract v1.1 item 2).
public struct ConnectionLimits: Sendable {
    /// A request's headers must arrive within this (from the connection's start or the
    /// request's first byte); beyond it the answer is 408 and the connection closes.
    public var headerTimeout: Duration = .seconds(30)
    /// A connection with nothing in flight, or a body that stopped coming, closes after this.
    public var idleTimeout: Duration = .seconds(60)
    /// Connections beyond this many get 503 `unavailable` and are closed.
    public var maxConnections = 512
    /// One client address may hold at most this many (contract v1.2 item 4): past it that
    /// address gets 503, while the cap's rest stays open to everyone else. Nil: an eighth of
    /// `maxConnections` (64 of 512; at least 1).
    public var maxConnectionsPerAddress: Int?

    /// The per-address cap in force.
    public var perAddress: Int { maxConnectionsPerAddress ?? max(1, maxConnections / 8) }

    public init() {}
}

/// The open connections of one server, across its event loops: in all and by client address.
final class ConnectionCounter: Sendable {
    private let open = Mutex<(all: Int, byAddress: [String: Int])>((0, [:]))

    /// Why a connection was not admitted.
    enum Refusal: Equatable { case full, addressFull }

    /// Counts one more connection from `address`; a refusal when that one is over the server's
    /// cap or the address's (it is counted all the same, and `release` takes it back).
    func admit(address: String, limits: ConnectionLimits) -> Refusal? {
        open.withLock { open in
            open.all += 1
            let mine = (open.byAddress[address] ?? 0) + 1
            open.byAddress[address] = mine
            if mine > limits.perAddress { return .addressFull }
            return open.all > limits.maxConnections ? .full : nil
        }
    }

    func release(address: String) {
        open.withLock { open in
            open.all -= 1
            let left = (open.byAddress[address] ?? 1) - 1
            open.byAddress[address] = left > 0 ? left : nil
        }
    }

    var count: Int { open.withLock { $0.all } }
    func count(from address: String) -> Int { open.withLock { $0.byAddress[address] ?? 0 } }
}

/// Hummingbird's HTTP/1 channel with a guard around each connection: the connection cap, the
/// header and idle timeouts, and the contract's error body for what the HTTP parser refuses
/// (Hummingbird answers those with an empty 400).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionLimits
    let counter: ConnectionCounter

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let guardHandler = ConnectionGuardHandler(limits: limits, counter: counter)
        do {
            // First in the pipeline: it sees bytes before the HTTP decoder and writes raw answers.
            try channel.pipeline.syncOperations.addHandler(guardHandler)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let http = HTTP1Channel(
            responder: responder, configuration: .init(additionalChannelHandlers: [RequestWatchHandler(guardHandler: guardHandler)]))
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

/// The raw side of the guard: counts the connection, keeps its timers, writes answers the HTTP
/// layer cannot (503 over the cap, 408 on a timeout, 400/431 for a request the parser refused).
/// Event-loop confined: every method runs on the channel's event loop.
final class ConnectionGuardHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    enum Phase {
        /// Waiting for a request's headers (from the connection's start or a request's first byte).
        case head
        /// Headers read, the body coming.
        case body
        /// The request is read; the server is answering.
        case responding
        /// Nothing in flight, waiting for the next request.
        case idle
        /// Answered by the guard itself; the rest is discarded until the connection closes.
        case closing
    }

    private let limits: ConnectionLimits
    private let counter: ConnectionCounter
    private var counted = false
    /// The client's address, counted against its own cap.
    private var address = "-"
    private var phase = Phase.head
    /// Requests whose head arrived, and responses that ended: equal when nothing is in flight.
    private var requests = 0
    private var responses = 0
    /// A request's head arrived and its end not yet.
    private var bodyOpen = false
    private var timer: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(limits: ConnectionLimits, counter: ConnectionCounter) {
        self.limits = limits
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch phase {
        case .closing:
            return  // discarded
        case .idle:
            phase = .head
            schedule(limits.headerTimeout)
        case .head, .body, .responding:
            break
        }
        context.fireChannelRead(data)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        // The peer's IP without its port: one machine's connections count together.
        address = context.channel.remoteAddress?.ipAddress ?? "-"
        switch counter.admit(address: address, limits: limits) {
        case nil:
            schedule(limits.headerTimeout)
        case .addressFull:
            answerAndClose(
                status: 503, reason: "Service Unavailable", code: "unavailable",
                message: "too many open connections from your address; close some and retry")
        case .full:
            answerAndClose(status: 503, reason: "Service Unavailable", code: "unavailable", message: "too many open connections; retry later")
        }
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        if counted {
            counted = false
            counter.release(address: address)
        }
    }

    private func schedule(_ after: Duration) {
        timer?.cancel()
        guard let context else { return }
        let nanos = after.components.seconds * 1_000_000_000 + after.components.attoseconds / 1_000_000_000
        timer = context.eventLoop.scheduleTask(in: .nanoseconds(nanos)) { [weak self] in self?.timedOut() }
    }

    private func timedOut() {
        switch phase {
        case .head, .body:
            answerAndClose(status: 408, reason: "Request Timeout", code: "timeout", message: "the request did not arrive in time")
        case .idle:
            phase = .closing
            context?.close(promise: nil)
        case .responding, .closing:
            break
        }
    }

    // MARK: Told by the HTTP side

    func headArrived() {
        requests += 1
        bodyOpen = true
        phase = .body
        schedule(limits.idleTimeout)
    }

    func bodyArrived() {
        if phase == .body { schedule(limits.idleTimeout) }
    }

    func requestRead() {
        bodyOpen = false
        if responses >= requests {
            // Answered before its end was read (a refusal): nothing in flight now.
            enterIdle()
        } else {
            phase = .responding
            timer?.cancel()
            timer = nil
        }
    }

    func responseEnded() {
        responses += 1
        if responses >= requests, !bodyOpen { enterIdle() }
    }

    private func enterIdle() {
        guard phase != .closing else { return }
        phase = .idle
        schedule(limits.idleTimeout)
    }

    /// After an answer that said `Connection: close` (a 413 among them): stop writing, discard
    /// the rest of what the client sends, close when it closes or after two seconds. A full
    /// close with unread data would reset the connection and lose the answer on the way.
    func closeAfterAnswer() {
        guard let context, phase != .closing else { return }
        phase = .closing
        timer?.cancel()
        let channel = context.channel
        channel.close(mode: .output, promise: nil)
        timer = context.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
    }

    /// The HTTP parser refused the request: the contract's error body when no answer is being
    /// written, else just close.
    func parserRefused(_ error: HTTPParserError) {
        guard responses >= requests else {
            phase = .closing
            context?.close(promise: nil)
            return
        }
        if case .headerOverflow = error {
            answerAndClose(status: 431, reason: "Request Header Fields Too Large", code: "too_large", message: "the request headers are too large")
        } else {
            answerAndClose(status: 400, reason: "Bad Request", code: "invalid", message: "the request is not valid HTTP/1.1")
        }
    }

    /// Writes a complete answer with the contract's error body, stops writing, discards what
    /// still arrives, and closes (at once when the peer closes, else after two seconds).
    private func answerAndClose(status: Int, reason: String, code: String, message: String) {
        guard let context, phase != .closing else { return }
        phase = .closing
        timer?.cancel()
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json; charset=utf-8\r\n"
        head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        if status == 503 { head += "Retry-After: 1\r\n" }
        let buffer = context.channel.allocator.buffer(string: head + "\r\n" + body)
        let channel = context.channel
        context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        timer = context.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
    }
}

/// The HTTP side of the guard, after the HTTP/1 codec: tells the raw side when a request's
/// head and end arrive and when its response ends, closes after a response that says
/// `Connection: close`, and hands parser errors to the raw side.
final class RequestWatchHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let guardHandler: ConnectionGuardHandler
    private var closeAfterResponse = false

    init(guardHandler: ConnectionGuardHandler) { self.guardHandler = guardHandler }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: guardHandler.headArrived()
        case .body: guardHandler.bodyArrived()
        case .end: guardHandler.requestRead()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            if response.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let written = promise ?? context.eventLoop.makePromise()
            let guardHandler = guardHandler
            let close = closeAfterResponse
            written.futureResult.whenComplete { _ in
                if close {
                    guardHandler.closeAfterAnswer()
                } else {
                    guardHandler.responseEnded()
                }
            }
            context.write(data, promise: written)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let parserError = error as? HTTPParserError {
            guardHandler.parserRefused(parserError)
        } else {
            context.fireErrorCaught(error)
        }
    }
}

import Logging
import NIOCore
import QadamProtocol

/// One client connection: checks who is calling, turns each line into a request for the
/// `RequestRouter`, and writes answers back as they come (possibly out of order when requests
/// are pipelined; ids tell them apart). Protocol errors are answered and the connection
/// stays open, except for an over-long line, after which the stream cannot be resynchronised.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: RequestRouter
    private let policy: AccessPolicy
    private var logger: Logger
    private var admitted = false
    private var counted = false
    /// Set after an over-long line: the answer has been sent and our side shut for writing;
    /// what the client still sends is read and dropped until it closes (or the linger time
    /// ends). Closing at once while its bytes are unread would make the kernel reset the
    /// connection, and the client could lose the error answer it has not read yet.
    private var lingering = false
    private static let lingerTime = TimeAmount.seconds(5)

    init(router: RequestRouter, policy: AccessPolicy, logger: Logger) {
        self.router = router
        self.policy = policy
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        guard router.report.activity.connectionOpened() else {
            logger.warning("connection refused: too many connections")
            refuse(channel, RPCError(code: RPCError.unavailableCode, message: "too many connections to qadamd; retry later"))
            return
        }
        counted = true
        // On the event loop the kernel's answer is immediate, so this runs before any read.
        PeerCredentials.of(channel).assumeIsolated().whenComplete { [self] result in
            switch result {
            case .success(let peer):
                logger[metadataKey: "peer_uid"] = "\(peer.uid)"
                logger[metadataKey: "peer_pid"] = "\(peer.pid)"
                if policy.allows(peer) {
                    admitted = true
                    // Debug, not info: a connection storm must not turn into a log storm.
                    logger.debug("connection opened", metadata: ["peer_gid": "\(peer.gid)"])
                } else {
                    logger.warning("connection refused: peer not on the allow-list", metadata: ["peer_gid": "\(peer.gid)"])
                    refuse(channel, RPCError(code: RPCError.accessDeniedCode,
                                             message: "uid \(peer.uid) (gid \(peer.gid)) may not use this qadamd; ask its administrator to add it to access.allowed_uids or allowed_gids"))
                }
            case .failure(let error):
                logger.error("connection refused: cannot read peer credentials", metadata: ["error": "\(error)"])
                channel.close(promise: nil)
            }
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if counted { router.report.activity.connectionClosed() }
        if admitted { logger.debug("connection closed") }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard admitted else { return }
        let line = unwrapInboundIn(data)
        guard line.readableBytesView.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
        let send = Self.sender(for: context.channel)
        switch RPCRequest.parse(line: line.readableBytesView) {
        case .success(let request):
            router.handle(request, on: context.eventLoop, send: send)
        case .failure(let failure):
            logger.debug("bad request line", metadata: ["error": "\(failure.error.message)"])
            router.reject(failure, send: send)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if lingering { return } // the decoder reports every later read; they are dropped
        if let tooLong = error as? LineTooLong {
            logger.warning("closing connection: request line too long", metadata: ["limit": "\(tooLong.limit)"])
            lingering = true
            let failure = RPCFailure(id: .null, error: .invalidRequest("\(tooLong); the connection will be closed"))
            let channel = context.channel
            router.reject(failure, send: Self.sender(for: channel)) {
                channel.close(mode: .output, promise: nil)
                channel.eventLoop.scheduleTask(in: Self.lingerTime) { channel.close(promise: nil) }
            }
            return
        }
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            logger.debug("closing idle connection")
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Writes on the channel's event loop, where a completed write's callback runs at once,
    /// before the loop reads the client's next request. An answer made on the loop itself (an
    /// inline method) is written without another trip through the loop's queue.
    private static func sender(for channel: Channel) -> LineSender {
        { text, done in
            @Sendable func write() {
                var buffer = channel.allocator.buffer(capacity: text.utf8.count + 1)
                buffer.writeString(text)
                buffer.writeInteger(UInt8(ascii: "\n"))
                channel.writeAndFlush(buffer).whenComplete { _ in done() }
            }
            if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
        }
    }

    private func refuse(_ channel: Channel, _ error: RPCError) {
        let text = (try? RPCResponse(id: .null, error: error).line()) ?? ""
        channel.writeAndFlush(ByteBuffer(string: text + "\n")).whenComplete { _ in channel.close(promise: nil) }
    }
}

import Logging
import NIOCore
import QadamContract

/// One client connection, the only handler in its pipeline: checks who is calling, splits the
/// bytes into lines, turns each into a request for the `RequestRouter`, and writes answers back
/// as they come (possibly out of order when requests are pipelined; ids tell them apart).
/// Protocol errors are answered and the connection stays open, except for an over-long line,
/// after which the stream cannot be resynchronised. A connection from which nothing has been
/// read and to which no answer has been handed for `idleTimeout`, and whose queries have all
/// been answered, is closed.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: RequestRouter
    private let policy: AccessPolicy
    /// Who is calling: the kernel's `SO_PEERCRED` on a real socket; tests on an
    /// `EmbeddedChannel`, which has no kernel peer, say who it is.
    private let credentials: @Sendable (Channel) -> EventLoopFuture<PeerCredentials>
    private var logger: Logger
    private var lines: RequestLineSplitter
    private let idleTimeout: TimeAmount
    private var admitted = false
    private var counted = false
    /// Built once per connection: hands an answer to the channel (on the loop), then calls the
    /// router's completion once it is written.
    private var send: LineSender?
    /// Requests read whose answers have not been handed to the channel yet, and when the
    /// connection last read bytes or was handed an answer: what the idle check looks at.
    private var answersOwed = 0
    private var lastActivity = NIODeadline.uptimeNanoseconds(0)
    /// The connection's event loop, whose clock the idle rule reads (a test's embedded loop
    /// moves it by hand).
    private var loop: EventLoop?
    private var idleCheck: Scheduled<Void>?
    /// Set after an over-long line: the answer has been sent and our side shut for writing;
    /// what the client still sends is read and dropped until it closes (or the linger time
    /// ends). Closing at once while its bytes are unread would make the kernel reset the
    /// connection, and the client could lose the error answer it has not read yet.
    private var lingering = false
    private static let lingerTime = TimeAmount.seconds(5)

    init(router: RequestRouter, policy: AccessPolicy, maximumLineLength: Int, idleTimeout: TimeAmount, logger: Logger,
         credentials: @escaping @Sendable (Channel) -> EventLoopFuture<PeerCredentials> = PeerCredentials.of) {
        self.router = router
        self.policy = policy
        self.credentials = credentials
        self.lines = RequestLineSplitter(maximumLength: maximumLineLength)
        self.idleTimeout = idleTimeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        loop = context.eventLoop
        lastActivity = context.eventLoop.now
        let channel = context.channel
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        send = { line, done in
            @Sendable func write() {
                var buffer = channel.allocator.buffer(capacity: line.count + 1)
                buffer.writeBytes(line)
                buffer.writeInteger(UInt8(ascii: "\n"))
                // Owed until handed to the channel, not until the client has read it: a client
                // that stops reading is closed by the idle check like a silent one.
                handler.value.answerHandedOver()
                channel.writeAndFlush(buffer).whenComplete { _ in done() }
            }
            // An answer made on the loop itself (an inline method) is written without another
            // trip through the loop's queue; the write's callback then runs before the loop
            // reads the client's next request.
            if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        send = nil // it holds this handler: a cycle until the connection ends
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        guard router.report.activity.connectionOpened() else {
            logger.warning("connection refused: too many connections")
            refuse(channel, RPCError(code: RPCError.unavailableCode, message: "too many connections to qadamd; retry later"))
            return
        }
        counted = true
        scheduleIdleCheck(context: context, in: idleTimeout)
        // On the event loop the kernel's answer is immediate, so this runs before any read.
        credentials(channel).assumeIsolated().whenComplete { [self] result in
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
        guard admitted, !lingering else { return }
        var bytes = unwrapInboundIn(data)
        lines.receive(&bytes)
        lastActivity = context.eventLoop.now
        do {
            while let line = try lines.nextLine() { handle(line, context: context) }
        } catch {
            refuseOverlongLine(error, channel: context.channel)
        }
    }

    private func handle(_ line: ByteBuffer, context: ChannelHandlerContext) {
        let blank = line.withUnsafeReadableBytes { bytes in !bytes.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } }
        guard !blank, let send else { return }
        answersOwed += 1
        switch RPCLine.parse(line.readableBytesView) {
        case .single(.success(let request)):
            if request.isNotification { answersOwed -= 1 }
            router.handle(request, on: context.eventLoop, send: send)
        case .single(.failure(let failure)):
            logger.debug("bad request line", metadata: ["error": "\(failure.error.message)"])
            router.reject(failure, send: send)
        case .batch(let entries):
            handleBatch(entries, context: context, send: send)
        }
    }

    /// A batch is answered by one line, an array of its answers, once the last is in; a batch
    /// of notifications only is answered by nothing.
    private func handleBatch(_ entries: [Result<RPCRequest, RPCFailure>], context: ChannelHandlerContext, send: @escaping LineSender) {
        let answered = entries.filter { entry in
            if case .success(let request) = entry { return !request.isNotification }
            return true
        }.count
        guard answered > 0 else {
            answersOwed -= 1
            for case .success(let notification) in entries { router.handle(notification, on: context.eventLoop, send: send) }
            return
        }
        let reply = BatchReply(expected: answered, maxResultBytes: router.maxResultBytes, send: send)
        for entry in entries {
            switch entry {
            case .success(let request):
                router.handle(request, on: context.eventLoop, send: reply.sender(for: request.id ?? .null))
            case .failure(let failure):
                router.reject(failure, send: reply.sender(for: failure.id))
            }
        }
    }

    /// After an over-long line the answer is sent and our side shut for writing; what the
    /// client still sends is read and dropped until it closes or the linger time ends.
    private func refuseOverlongLine(_ tooLong: LineTooLong, channel: Channel) {
        logger.warning("closing connection: request line too long", metadata: ["limit": "\(tooLong.limit)"])
        lingering = true
        answersOwed += 1
        let failure = RPCFailure(id: .null, error: .invalidRequest("\(tooLong); the connection will be closed"))
        router.reject(failure, send: send!) {
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: Self.lingerTime) { channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    private func answerHandedOver() {
        answersOwed -= 1
        if let loop { lastActivity = loop.now }
    }

    /// Closes the connection once nothing has been read from it or handed to it for
    /// `idleTimeout` and no answer is being worked out for it; a query still running keeps it
    /// open (the request timeout bounds that).
    private func scheduleIdleCheck(context: ChannelHandlerContext, in delay: TimeAmount) {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let context = NIOLoopBound(context, eventLoop: context.eventLoop)
        idleCheck = context.value.eventLoop.scheduleTask(in: delay) {
            handler.value.checkIdle(context: context.value)
        }
    }

    private func checkIdle(context: ChannelHandlerContext) {
        let idleUntil = lastActivity + idleTimeout
        let now = context.eventLoop.now
        if answersOwed == 0, idleUntil <= now {
            logger.debug("closing idle connection")
            context.close(promise: nil)
        } else {
            scheduleIdleCheck(context: context, in: answersOwed == 0 ? idleUntil - now : idleTimeout)
        }
    }

    private func refuse(_ channel: Channel, _ error: RPCError) {
        let text = (try? RPCResponse(id: .null, error: error).line()) ?? ""
        channel.writeAndFlush(ByteBuffer(string: text + "\n")).whenComplete { _ in channel.close(promise: nil) }
    }
}

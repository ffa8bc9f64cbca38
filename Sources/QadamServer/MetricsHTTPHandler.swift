import NIOCore
import NIOHTTP1

/// Serves the metrics endpoint behind NIOHTTP1's server pipeline: `GET` (or `HEAD`)
/// `/metrics` gets the Prometheus text exposition, another path 404, another verb 405.
/// Keep-alive is honoured as NIOHTTP1 negotiates it, so a scraper may reuse its connection.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let render: @Sendable () -> [UInt8]
    private var request: HTTPRequestHead?

    init(render: @escaping @Sendable () -> [UInt8]) {
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break // a scrape has no body; anything sent is ignored
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            send(.ok, render(), contentType: "text/plain; version=0.0.4; charset=utf-8", to: head, context: context)
        case (.GET, _), (.HEAD, _):
            send(.notFound, Array("the metrics are at /metrics\n".utf8), to: head, context: context)
        default:
            send(.methodNotAllowed, Array("only GET /metrics\n".utf8), extraHeaders: [("Allow", "GET, HEAD")],
                 to: head, context: context)
        }
    }

    private func send(_ status: HTTPResponseStatus, _ body: [UInt8], contentType: String = "text/plain; charset=utf-8",
                      extraHeaders: [(String, String)] = [], to request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", "\(body.count)")] + extraHeaders)
        let keepAlive = request.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
                      promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let sent = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            sent.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}

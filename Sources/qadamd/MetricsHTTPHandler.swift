import NIOCore

/// Answers one HTTP request on the metrics endpoint: `GET /metrics` gets the Prometheus text,
/// anything else 404 (or 405 for other verbs); then the connection closes. Enough HTTP/1.x for
/// a Prometheus scraper or `curl --unix-socket`, nothing more, so the endpoint stays small.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A request head larger than this is refused: scrapers send a few hundred bytes.
    static let maximumHeadBytes = 8 * 1024

    private let render: @Sendable () -> String
    private var head = ByteBuffer()
    private var answered = false

    init(render: @escaping @Sendable () -> String) {
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        var chunk = unwrapInboundIn(data)
        head.writeBuffer(&chunk)
        let text = String(buffer: head)
        if let end = text.range(of: "\r\n\r\n") ?? text.range(of: "\n\n") {
            respond(context: context, requestLine: text[..<end.lowerBound].split(separator: "\n").first.map(String.init) ?? "")
        } else if head.readableBytes > Self.maximumHeadBytes {
            send(context: context, status: "431 Request Header Fields Too Large", body: "request head too large\n")
        }
    }

    private func respond(context: ChannelHandlerContext, requestLine: String) {
        let parts = requestLine.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard parts.count >= 2 else {
            return send(context: context, status: "400 Bad Request", body: "expected: GET /metrics HTTP/1.1\n")
        }
        guard parts[0] == "GET" || parts[0] == "HEAD" else {
            return send(context: context, status: "405 Method Not Allowed", body: "only GET /metrics\n")
        }
        guard parts[1] == "/metrics" || parts[1].hasPrefix("/metrics?") else {
            return send(context: context, status: "404 Not Found", body: "the metrics are at /metrics\n")
        }
        send(context: context, status: "200 OK", body: render(), contentType: "text/plain; version=0.0.4; charset=utf-8",
             includeBody: parts[0] == "GET")
    }

    private func send(context: ChannelHandlerContext, status: String, body: String,
                      contentType: String = "text/plain; charset=utf-8", includeBody: Bool = true) {
        answered = true
        let bytes = Array(body.utf8)
        var response = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\n"
        response += "Connection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: response.utf8.count + bytes.count)
        buffer.writeString(response)
        if includeBody { buffer.writeBytes(bytes) }
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
    }
}

import NIOCore

/// A request line longer than the daemon accepts.
struct LineTooLong: Error, CustomStringConvertible {
    let limit: Int
    var description: String { "request line longer than \(limit) bytes" }
}

/// Splits the byte stream at `\n`, refusing any line longer than `maximumLength` as soon as
/// that many bytes have arrived without a newline. Memory per connection stays bounded by the
/// limit plus one read, whatever a client sends. A trailing `\r` is dropped; an unfinished
/// line at end of stream is discarded, since a client that closed cannot read an answer.
struct BoundedLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    let maximumLength: Int
    /// Bytes already searched for a newline, so each byte is scanned once.
    private var scanned = 0

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view[(view.startIndex + scanned)...].firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > maximumLength { throw LineTooLong(limit: maximumLength) }
            scanned = view.count
            return .needMoreData
        }
        scanned = 0
        var length = newline - view.startIndex
        if length > maximumLength { throw LineTooLong(limit: maximumLength) }
        if length > 0, view[newline - 1] == UInt8(ascii: "\r") { length -= 1 }
        let line = buffer.getSlice(at: buffer.readerIndex, length: length)!
        buffer.moveReaderIndex(to: newline + 1)
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}

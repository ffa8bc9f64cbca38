#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// A request line longer than the daemon accepts.
struct LineTooLong: Error, CustomStringConvertible {
    let limit: Int
    var description: String { "request line longer than \(limit) bytes" }
}

/// Splits a connection's bytes at `\n`, refusing any line longer than `maximumLength` as soon
/// as that many bytes have arrived without a newline. Memory per connection stays bounded by
/// the limit plus one read, whatever a client sends. A trailing `\r` is dropped; an unfinished
/// line at end of stream is never handed out, since a client that closed cannot read an answer.
///
/// The connection's own handler does the splitting (rather than a `ByteToMessageHandler` in
/// front of it), so that a request costs one pass through the channel pipeline, not three.
struct RequestLineSplitter {
    let maximumLength: Int
    /// Bytes received and not yet handed out as lines.
    private var pending = ByteBuffer()
    /// Bytes of `pending` already searched for a newline, so each byte is scanned once.
    private var scanned = 0

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    /// Takes the bytes of one read. Without a partial line waiting, they are kept as they came,
    /// with no copy; otherwise the partial line (at most `maximumLength` bytes) is moved to the
    /// front first, so the lines already handed out do not stay behind it.
    mutating func receive(_ bytes: inout ByteBuffer) {
        if pending.readableBytes == 0 {
            pending = bytes
            scanned = 0
        } else {
            pending.discardReadBytes()
            pending.writeBuffer(&bytes)
        }
    }

    /// The next complete line (a slice of the received bytes, without its newline), or nil
    /// until more bytes come.
    mutating func nextLine() throws(LineTooLong) -> ByteBuffer? {
        let available = pending.readableBytes, from = scanned
        // memchr rather than a search through `ByteBufferView`: a megabyte line is scanned at
        // memory speed, in debug builds too.
        let newline: Int? = pending.withUnsafeReadableBytes { raw in
            guard from < raw.count, let base = raw.baseAddress,
                  let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), raw.count - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        guard let newline else {
            if available > maximumLength { throw LineTooLong(limit: maximumLength) }
            scanned = available
            if available == 0 { pending = ByteBuffer() } // let the read's storage go
            return nil
        }
        scanned = 0
        var length = newline
        if length > maximumLength { throw LineTooLong(limit: maximumLength) }
        if length > 0, pending.getInteger(at: pending.readerIndex + length - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
        let line = pending.getSlice(at: pending.readerIndex, length: length)!
        pending.moveReaderIndex(forwardBy: newline + 1)
        return line
    }
}
